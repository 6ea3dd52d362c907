/**
 * The elements of a BPMN file by id, each with a fingerprint of what it means: its type, name
 * and every property (attributes, references by id, extension elements such as
 * `zeebe:taskDefinition`), but not its diagram layout, not the elements it contains that have
 * an id of their own (those are compared themselves) and not `incoming`/`outgoing` (the
 * sequence flows are compared themselves). Read with bpmn-moddle and zeebe-bpmn-moddle, the
 * packages the engine parses with (the typings of 'bpmn-moddle' come with the engine).
 */
import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';

const require = createRequire(import.meta.url);
const zeebeModdle = require('zeebe-bpmn-moddle/resources/zeebe.json') as Record<string, unknown>;

interface Property {
  name: string;
  isReference?: boolean;
}

interface Element {
  $type: string;
  $attrs?: Record<string, string>;
  $descriptor?: { properties: Property[] };
  $instanceOf(type: string): boolean;
  get(name: string): unknown;
  id?: string;
  name?: string;
}

export interface BpmnElement {
  id: string;
  type: string;
  name: string | null;
  /** Property name → canonical JSON of its value. */
  properties: Record<string, string>;
}

const SKIPPED = new Set(['id', 'incoming', 'outgoing', 'lanes', 'flowNodeRef', 'di']);

function isElement(value: unknown): value is Element {
  return (
    typeof value === 'object' && value !== null && typeof (value as Element).$type === 'string'
  );
}

function hasOwnId(value: Element): boolean {
  return value.$instanceOf('bpmn:BaseElement') && typeof value.id === 'string';
}

/** A value as plain JSON: ids for references and for contained elements with an id. */
function canonical(value: unknown, reference: boolean): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => canonical(item, reference)).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (!isElement(value)) return value === null || value === '' ? undefined : value;
  if (reference) return `#${value.id ?? value.$type}`;
  if (hasOwnId(value)) return undefined;
  const own: Record<string, unknown> = { $type: value.$type };
  for (const property of value.$descriptor?.properties ?? []) {
    if (SKIPPED.has(property.name)) continue;
    const inner = canonical(value.get(property.name), property.isReference === true);
    if (inner !== undefined) own[property.name] = inner;
  }
  for (const [key, attr] of Object.entries(value.$attrs ?? {})) {
    if (!key.startsWith('xmlns')) own[`@${key}`] = attr;
  }
  return own;
}

/** Extension elements count one by one, named by type: `zeebe:TaskDefinition`. */
function propertiesOf(element: Element): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const property of element.$descriptor?.properties ?? []) {
    if (SKIPPED.has(property.name)) continue;
    const value = element.get(property.name);
    if (property.name === 'extensionElements' && isElement(value)) {
      const values = (value.get('values') as unknown[] | undefined) ?? [];
      for (const extension of values) {
        if (!isElement(extension)) continue;
        const key = extension.$type;
        const json = JSON.stringify(canonical(extension, false));
        properties[key] = properties[key] ? `${properties[key]},${json}` : json;
      }
      continue;
    }
    const json = canonical(value, property.isReference === true);
    if (json !== undefined) properties[property.name] = JSON.stringify(json);
  }
  for (const [key, attr] of Object.entries(element.$attrs ?? {})) {
    if (!key.startsWith('xmlns')) properties[`@${key}`] = JSON.stringify(attr);
  }
  return properties;
}

/** The BPMN elements by id; undefined when the XML cannot be read. */
export async function bpmnElements(xml: string): Promise<Map<string, BpmnElement> | undefined> {
  const moddle = new BpmnModdle({ zeebe: zeebeModdle });
  let elementsById: Record<string, unknown>;
  try {
    ({ elementsById } = await moddle.fromXML(xml, 'bpmn:Definitions'));
  } catch {
    return undefined;
  }
  const elements = new Map<string, BpmnElement>();
  for (const [id, value] of Object.entries(elementsById)) {
    if (!isElement(value) || !value.$instanceOf('bpmn:BaseElement')) continue;
    if (value.$type === 'bpmn:Definitions') continue;
    elements.set(id, {
      id,
      type: value.$type,
      name: typeof value.name === 'string' && value.name !== '' ? value.name : null,
      properties: propertiesOf(value),
    });
  }
  return elements;
}
