// The ambient typings must travel with this file into every project that compiles it (tests too).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../moddle/bpmn-moddle.d.ts" />
/**
 * Stage 1: read the XML into bpmn-moddle objects (with the zeebe: extension). Never throws: a
 * document that is not well-formed or not valid BPMN becomes one resource-level ModelError.
 */
import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';
import type { ModelError } from '../types';
import { type ModdleElement, isModdleElement } from '../moddle/ModdleElement';
import { describeUnreadableXml, firstSchemaViolation } from './xmlErrors';

const require = createRequire(import.meta.url);
const zeebeModdle = require('zeebe-bpmn-moddle/resources/zeebe.json') as Record<string, unknown>;

export type ParseResult =
  { ok: true; definitions: ModdleElement } | { ok: false; error: ModelError };

export async function parseBpmn(xml: string): Promise<ParseResult> {
  const moddle = new BpmnModdle({ zeebe: zeebeModdle });
  let result;
  try {
    result = await moddle.fromXML(xml, 'bpmn:Definitions');
  } catch (error) {
    return resourceError(describeUnreadableXml(error, xml));
  }
  const violation = firstSchemaViolation(result.warnings, xml);
  if (violation !== undefined) return resourceError(violation.message, violation.elementId);

  const definitions = result.rootElement;
  if (!isModdleElement(definitions) || definitions.$type !== 'bpmn:Definitions') {
    return resourceError(
      describeUnreadableXml(new Error('failed to parse document as <bpmn:Definitions>'), xml),
    );
  }
  return { ok: true, definitions };
}

function resourceError(message: string, elementId = ''): ParseResult {
  return { ok: false, error: { elementId, message, kind: 'resource' } };
}
