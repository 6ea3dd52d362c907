/**
 * Zeebe's element identifier for validation messages (ValidationErrorFormatter): the chain from
 * the closest enclosing BPMN element that has an id down to the element, joined by ' > ', e.g.
 * 'task > extensionElements > taskDefinition'. Elements without an id show their XML name.
 */
import { type ModdleElement, idOf, isModdleElement, propertiesOf } from './ModdleElement';

/** Properties whose XML element is named after the property, not after the element's type. */
const NAMED_BY_PROPERTY = new Set([
  'bpmn:Expression',
  'bpmn:FormalExpression',
  'bpmn:ExtensionElements',
]);

export interface ElementLocation {
  /** Id of the closest element (self or ancestor) that has one; '' when there is none. */
  elementId: string;
  /** The full identifier as Zeebe prints it. */
  path: string;
}

export function locate(element: ModdleElement): ElementLocation {
  const chain: ModdleElement[] = [];
  let current: ModdleElement | undefined = element;
  while (current !== undefined) {
    chain.unshift(current);
    current = hasBpmnId(current) ? undefined : current.$parent;
  }
  const first = chain[0];
  const elementId = first !== undefined && hasBpmnId(first) ? (idOf(first) ?? '') : '';
  const path = chain
    .map((link) => (hasBpmnId(link) ? (idOf(link) ?? '') : xmlNameOf(link)))
    .join(' > ');
  return { elementId, path };
}

function hasBpmnId(element: ModdleElement): boolean {
  return element.$instanceOf('bpmn:BaseElement') && idOf(element) !== undefined;
}

/** The local XML name of the element, e.g. 'taskDefinition', 'conditionExpression'. */
export function xmlNameOf(element: ModdleElement): string {
  const parent = element.$parent;
  if (parent !== undefined && isModdleElement(parent)) {
    for (const property of propertiesOf(parent)) {
      if (property.isMany || property.isReference) continue;
      if (parent[property.name] === element && NAMED_BY_PROPERTY.has(property.type)) {
        return property.name;
      }
    }
  }
  const localName = element.$descriptor?.ns.localName ?? element.$type.replace(/^.*:/, '');
  return localName.charAt(0).toLowerCase() + localName.slice(1);
}
