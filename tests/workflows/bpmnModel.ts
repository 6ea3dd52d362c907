/**
 * What the tests need to know about a .bpmn file, read from the engine's own parse (bpmn-moddle
 * with the zeebe: extension): jobs with their types and headers, user tasks with groups and
 * forms, decisions called, conditions, and every FEEL expression with where it sits.
 */
import { parseBpmn } from '../../engine/src/model/parse/parseBpmn';
import type { ModdleElement } from '../../engine/src/model/moddle/ModdleElement';

export interface Job {
  elementId: string;
  elementType: string;
  type: string;
  headers: Record<string, string>;
  inputs: Record<string, string>;
  multiInstance: boolean;
}

export interface UserTask {
  elementId: string;
  name: string;
  candidateGroups: string | undefined;
  formId: string | undefined;
  headers: Record<string, string>;
}

export interface Expression {
  elementId: string;
  /** e.g. 'condition', 'input amount', 'output objections', 'inputCollection' */
  role: string;
  /** The expression text without the leading '='. */
  feel: string;
}

export interface ProcessModel {
  processId: string;
  startFormIds: string[];
  jobs: Job[];
  userTasks: UserTask[];
  calledDecisions: { elementId: string; decisionId: string; resultVariable: string }[];
  conditions: Expression[];
  expressions: Expression[];
  /** Variables the process itself writes: output targets, result variables, input elements. */
  writtenVariables: Set<string>;
  messages: { name: string; correlationKey: string | undefined }[];
  errorCodes: string[];
  hasZeebeUserTask: boolean;
}

type Element = ModdleElement;

const str = (element: Element | undefined, property: string): string | undefined => {
  const value = element?.[property];
  return typeof value === 'string' ? value : undefined;
};
const list = (element: Element | undefined, property: string): Element[] => {
  const value = element?.[property];
  return Array.isArray(value) ? (value as Element[]) : [];
};
const extensions = (element: Element): Element[] =>
  list(element.extensionElements as Element | undefined, 'values');
const extension = (element: Element, type: string): Element | undefined =>
  extensions(element).find((value) => value.$type === type);
const feelOf = (raw: string | undefined): string | undefined =>
  raw !== undefined && raw.trim().startsWith('=') ? raw.trim().slice(1) : undefined;

function flowElements(container: Element): Element[] {
  return list(container, 'flowElements').flatMap((element) =>
    element.$type === 'bpmn:SubProcess' ? [element, ...flowElements(element)] : [element],
  );
}

function headersOf(element: Element): Record<string, string> {
  const headers = extension(element, 'zeebe:TaskHeaders');
  return Object.fromEntries(
    list(headers, 'values').map((h) => [str(h, 'key') ?? '', str(h, 'value') ?? '']),
  );
}

export async function readBpmn(xml: string): Promise<ProcessModel[]> {
  const parsed = await parseBpmn(xml);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const roots = list(parsed.definitions, 'rootElements');
  const messages = roots
    .filter((root) => root.$type === 'bpmn:Message')
    .map((message) => ({
      name: str(message, 'name') ?? '',
      correlationKey: str(extension(message, 'zeebe:Subscription'), 'correlationKey'),
    }));
  const errorCodes = roots
    .filter((root) => root.$type === 'bpmn:Error')
    .map((error) => str(error, 'errorCode') ?? '');
  return roots
    .filter((root) => root.$type === 'bpmn:Process')
    .map((process) => readProcess(process, messages, errorCodes));
}

function readProcess(
  process: Element,
  messages: ProcessModel['messages'],
  errorCodes: string[],
): ProcessModel {
  const model: ProcessModel = {
    processId: str(process, 'id') ?? '',
    startFormIds: [],
    jobs: [],
    userTasks: [],
    calledDecisions: [],
    conditions: [],
    expressions: [],
    writtenVariables: new Set(),
    messages,
    errorCodes,
    hasZeebeUserTask: false,
  };
  const expression = (elementId: string, role: string, raw: string | undefined) => {
    const feel = feelOf(raw);
    if (feel !== undefined) model.expressions.push({ elementId, role, feel });
  };
  for (const message of messages)
    expression(message.name, 'correlationKey', message.correlationKey);
  for (const element of flowElements(process)) {
    const id = str(element, 'id') ?? '';
    const io = extension(element, 'zeebe:IoMapping');
    const inputs: Record<string, string> = {};
    for (const input of list(io, 'inputParameters')) {
      inputs[str(input, 'target') ?? ''] = str(input, 'source') ?? '';
      expression(id, `input ${str(input, 'target')}`, str(input, 'source'));
    }
    for (const output of list(io, 'outputParameters')) {
      model.writtenVariables.add(str(output, 'target') ?? '');
      expression(id, `output ${str(output, 'target')}`, str(output, 'source'));
    }
    const loop = element.loopCharacteristics as Element | undefined;
    const zeebeLoop = loop ? extension(loop, 'zeebe:LoopCharacteristics') : undefined;
    if (zeebeLoop) {
      expression(id, 'inputCollection', str(zeebeLoop, 'inputCollection'));
      expression(id, 'outputElement', str(zeebeLoop, 'outputElement'));
      for (const property of ['inputElement', 'outputCollection']) {
        const name = str(zeebeLoop, property);
        if (name) model.writtenVariables.add(name);
      }
    }
    if (element.$type === 'bpmn:SequenceFlow') {
      const body = str(element.conditionExpression as Element | undefined, 'body');
      const feel = feelOf(body);
      if (feel !== undefined) {
        model.conditions.push({ elementId: id, role: 'condition', feel });
        model.expressions.push({ elementId: id, role: 'condition', feel });
      }
    }
    if (element.$type === 'bpmn:StartEvent') {
      const formId = str(extension(element, 'zeebe:FormDefinition'), 'formId');
      if (formId) model.startFormIds.push(formId);
    }
    if (element.$type === 'bpmn:UserTask') {
      const groups = str(extension(element, 'zeebe:AssignmentDefinition'), 'candidateGroups');
      expression(id, 'candidateGroups', groups);
      expression(id, 'dueDate', str(extension(element, 'zeebe:TaskSchedule'), 'dueDate'));
      if (extension(element, 'zeebe:UserTask')) model.hasZeebeUserTask = true;
      model.userTasks.push({
        elementId: id,
        name: str(element, 'name') ?? '',
        candidateGroups: groups,
        formId: str(extension(element, 'zeebe:FormDefinition'), 'formId'),
        headers: headersOf(element),
      });
      continue;
    }
    const decision = extension(element, 'zeebe:CalledDecision');
    if (decision) {
      const resultVariable = str(decision, 'resultVariable') ?? '';
      model.calledDecisions.push({
        elementId: id,
        decisionId: str(decision, 'decisionId') ?? '',
        resultVariable,
      });
      model.writtenVariables.add(resultVariable);
    }
    const script = extension(element, 'zeebe:Script');
    if (script) {
      expression(id, 'script', str(script, 'expression'));
      model.writtenVariables.add(str(script, 'resultVariable') ?? '');
    }
    const taskDefinition = extension(element, 'zeebe:TaskDefinition');
    if (taskDefinition) {
      model.jobs.push({
        elementId: id,
        elementType: element.$type,
        type: str(taskDefinition, 'type') ?? '',
        headers: headersOf(element),
        inputs,
        multiInstance: zeebeLoop !== undefined,
      });
    }
  }
  return model;
}
