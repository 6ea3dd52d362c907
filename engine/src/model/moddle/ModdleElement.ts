/**
 * A loosely typed view of a bpmn-moddle element plus small typed accessors, so the rest of the
 * model code reads `attr(task, 'name')` instead of casting moddle's dynamic properties.
 */

export interface ModdleProperty {
  name: string;
  type: string;
  isMany?: boolean;
  isReference?: boolean;
  isAttr?: boolean;
  isBody?: boolean;
}

export interface ModdleDescriptor {
  name: string;
  ns: { prefix: string; localName: string; name: string };
  properties: ModdleProperty[];
}

export interface ModdleElement {
  readonly $type: string;
  readonly $parent?: ModdleElement;
  readonly $descriptor?: ModdleDescriptor;
  readonly $attrs?: Record<string, string>;
  $instanceOf(type: string): boolean;
  readonly [property: string]: unknown;
}

/** Descriptor properties; generic elements of unknown namespaces have none. */
export function propertiesOf(element: ModdleElement): ModdleProperty[] {
  return element.$descriptor?.properties ?? [];
}

export function isModdleElement(value: unknown): value is ModdleElement {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { $type?: unknown }).$type === 'string'
  );
}

/** The element's own string attribute (undefined when absent). */
export function attr(element: ModdleElement, name: string): string | undefined {
  const value = element[name];
  return typeof value === 'string' ? value : undefined;
}

export function bool(element: ModdleElement, name: string, fallback: boolean): boolean {
  const value = element[name];
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return fallback;
}

/** Whether the attribute is written in the XML (moddle also answers defaults from the prototype). */
export function hasOwnAttr(element: ModdleElement, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(element, name);
}

/** A single contained or referenced element. */
export function child(element: ModdleElement, name: string): ModdleElement | undefined {
  const value = element[name];
  return isModdleElement(value) ? value : undefined;
}

/** A many-valued property (contained or referenced elements). */
export function children(element: ModdleElement, name: string): ModdleElement[] {
  const value = element[name];
  return Array.isArray(value) ? value.filter(isModdleElement) : [];
}

export function idOf(element: ModdleElement): string | undefined {
  const id = attr(element, 'id');
  return id === undefined || id === '' ? undefined : id;
}

export function is(element: ModdleElement | undefined, type: string): boolean {
  return element !== undefined && element.$instanceOf(type);
}

/** Text content of an expression element (bpmn:FormalExpression body), trimmed; undefined when absent. */
export function bodyOf(element: ModdleElement | undefined): string | undefined {
  if (element === undefined) return undefined;
  const body = attr(element, 'body');
  return body === undefined ? undefined : body.trim();
}

/** Extension elements of exactly this type, e.g. extensions(task, 'zeebe:TaskDefinition'). */
export function extensions(element: ModdleElement, type: string): ModdleElement[] {
  const container = child(element, 'extensionElements');
  if (container === undefined) return [];
  return children(container, 'values').filter((value) => value.$type === type);
}

export function extension(element: ModdleElement, type: string): ModdleElement | undefined {
  return extensions(element, type)[0];
}

export function eventDefinitions(element: ModdleElement): ModdleElement[] {
  return children(element, 'eventDefinitions');
}

/** The elements directly contained in `element`, in descriptor order (references excluded). */
export function containedElements(element: ModdleElement): ModdleElement[] {
  const result: ModdleElement[] = [];
  for (const property of propertiesOf(element)) {
    if (property.isReference || property.isAttr) continue;
    const value = element[property.name];
    if (Array.isArray(value)) result.push(...value.filter(isModdleElement));
    else if (isModdleElement(value)) result.push(value);
  }
  return result;
}
