/** Tiny inline BPMN documents for table-style model tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const NAMESPACES = [
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"',
  'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"',
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
].join(' ');

/** Definitions with the given root elements (processes, messages, …). */
export function definitions(rootElements: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions ${NAMESPACES} id="definitions">\n${rootElements}\n</bpmn:definitions>`;
}

/** One executable process 'p' with the given flow elements, plus optional root elements after it. */
export function processXml(flowElements: string, rootElements = ''): string {
  return definitions(
    `<bpmn:process id="p" isExecutable="true">\n${flowElements}\n</bpmn:process>\n${rootElements}`,
  );
}

/** A process that starts, does `flowElements` between 'start' and 'end' (connect them yourself). */
export const START = '<bpmn:startEvent id="start" />';

export function flow(id: string, source: string, target: string, condition?: string): string {
  if (condition === undefined)
    return `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}" />`;
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`;
}

export function serviceTask(id: string, type = 'work', extra = ''): string {
  return `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}" />${extra}</bpmn:extensionElements></bpmn:serviceTask>`;
}

export function message(id: string, name: string, correlationKey?: string): string {
  const subscription =
    correlationKey === undefined
      ? ''
      : `<bpmn:extensionElements><zeebe:subscription correlationKey="${correlationKey}" /></bpmn:extensionElements>`;
  return `<bpmn:message id="${id}" name="${name}">${subscription}</bpmn:message>`;
}

export function fixture(name: string): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return readFileSync(path.join(here, 'fixtures', name), 'utf8');
}
