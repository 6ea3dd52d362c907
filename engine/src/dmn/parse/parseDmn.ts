// The ambient typings must travel with this file into every project that compiles it (tests too).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./dmn-moddle.d.ts" />
/**
 * Stage 1: read the XML into dmn-moddle objects. Never throws.
 *
 * Zeebe reads DMN with the Camunda DMN model API, which knows DMN 1.1, 1.2 and 1.3
 * (DmnModelConstants); dmn-moddle reads DMN 1.3 only, so the older model namespaces are read as
 * DMN 1.3 (their decision tables and literal expressions are the same elements). A document
 * that is not well-formed, or whose root is not a `definitions` of one of these namespaces, gets
 * the text dmn-scala (DmnParser) reports for the model API's DmnModelException. Other schema
 * problems moddle only warns about (unknown elements or attributes) are not rejected.
 */
import { DmnModdle } from 'dmn-moddle';

export const DMN13_NS = 'https://www.omg.org/spec/DMN/20191111/MODEL/';

/** Read as DMN 1.3: DMN 1.1 (both URIs Camunda used), DMN 1.2, DMN 1.3's alternative URI. */
const OLDER_DMN_NAMESPACES = [
  'http://www.omg.org/spec/DMN/20151101/dmn.xsd',
  'http://www.omg.org/spec/DMN/20151101/dmn11.xsd',
  'http://www.omg.org/spec/DMN/20180521/MODEL/',
  'https://www.omg.org/spec/DMN/20191111/DMN13.xsd',
];

export const UNREADABLE_DMN =
  'Failed to parse DMN: org.camunda.bpm.model.dmn.DmnModelException: Unable to parse model';

/** A loosely typed dmn-moddle element; read it with the accessors below. */
export interface DmnElement {
  readonly $type: string;
  readonly [property: string]: unknown;
}

export type DmnParseResult = { ok: true; definitions: DmnElement } | { ok: false; failure: string };

export async function parseDmn(xml: string): Promise<DmnParseResult> {
  let read;
  try {
    read = await new DmnModdle().fromXML(asDmn13(xml), 'dmn:Definitions');
  } catch {
    return { ok: false, failure: UNREADABLE_DMN };
  }
  const { rootElement, warnings } = read;
  // the model API's schema validation rejects a duplicate id; moddle drops the element and warns
  const duplicateId = warnings.some((warning) => warning.message.includes('duplicate ID <'));
  if (duplicateId || !isDmnElement(rootElement) || rootElement.$type !== 'dmn:Definitions') {
    return { ok: false, failure: UNREADABLE_DMN };
  }
  return { ok: true, definitions: rootElement };
}

/** Rewrites the namespace declarations of DMN 1.1/1.2 (and 1.3's alternative URI) to DMN 1.3. */
function asDmn13(xml: string): string {
  let result = xml;
  for (const namespace of OLDER_DMN_NAMESPACES) {
    if (!result.includes(namespace)) continue;
    const declaration = new RegExp(
      `(xmlns(?::[\\w.-]+)?\\s*=\\s*)(["'])${namespace.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\2`,
      'g',
    );
    result = result.replace(declaration, `$1$2${DMN13_NS}$2`);
  }
  return result;
}

export function isDmnElement(value: unknown): value is DmnElement {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { $type?: unknown }).$type === 'string'
  );
}

/** A string property (attribute or text body); undefined when absent. */
export function stringOf(element: DmnElement | undefined, property: string): string | undefined {
  const value = element?.[property];
  return typeof value === 'string' ? value : undefined;
}

/** A single child element; undefined when absent. */
export function childOf(element: DmnElement | undefined, property: string): DmnElement | undefined {
  const value = element?.[property];
  return isDmnElement(value) ? value : undefined;
}

/** A many-valued child property, in document order. */
export function childrenOf(element: DmnElement | undefined, property: string): DmnElement[] {
  const value = element?.[property];
  return Array.isArray(value) ? value.filter(isDmnElement) : [];
}
