/**
 * Which variables a FEEL expression reads (the static analysis the Camunda Modeler uses,
 * @bpmn-io/feel-analyzer with Camunda's built-ins), and which variables a process can have at
 * all: its start form, its user task forms, what it writes itself, what the server sets at the
 * start, what its workers and messages bring (processContracts.ts).
 */
import { FeelAnalyzer } from '@bpmn-io/feel-analyzer';
import { camundaBuiltins, camundaReservedNameBuiltins } from '@camunda/feel-builtins';
import type { ProcessModel } from './bpmnModel';
import {
  MESSAGE_VARIABLES,
  SERVER_VARIABLES,
  WORKER_OUTPUTS,
  mergeShapes,
  type Shape,
} from './processContracts';

const analyzer = new FeelAnalyzer({
  parserDialect: 'camunda',
  builtins: camundaBuiltins,
  reservedNameBuiltins: camundaReservedNameBuiltins,
});

export interface ReadVariable {
  name: string;
  entries: string[];
}

/** The variables an expression reads, with the entries it reads of each. */
export function readVariables(feel: string): ReadVariable[] {
  const result = analyzer.analyzeExpression(feel);
  if (!result.valid) throw new Error(`not a valid FEEL expression: ${feel}`);
  return (result.inputs ?? []).map((input) => ({
    name: input.name,
    entries: (input.entries ?? []).map((entry) => entry.name),
  }));
}

/** A form's data paths ('dog.name') as a shape: dog → [name]. */
export function shapeOfPaths(paths: Iterable<string>): Shape {
  const shape: Shape = {};
  for (const path of paths) {
    const [root, entry] = path.split('.');
    if (root === undefined) continue;
    const entries = shape[root];
    const list = entries === '*' || entries === undefined ? [] : entries;
    shape[root] = entry === undefined ? list : [...new Set([...list, entry])];
  }
  return shape;
}

/**
 * Every variable the process can read, with the entries known of each. `startedByServer`: the
 * server starts it for a case (its start variables and the service parameters are there); a
 * partner process started by a message has only the message's variables to begin with.
 */
export function processVariables(
  model: ProcessModel,
  formShapes: { start: Shape; userTasks: Shape[] },
  parameterNames: string[],
  startedByServer: boolean,
): Shape {
  const workerOutputs = model.jobs.map((job) => {
    const outputs = WORKER_OUTPUTS[job.type] ?? {};
    const resultVariable =
      job.type === 'generate-document' ? (job.headers.resultVariable ?? 'documentId') : undefined;
    return resultVariable ? { ...outputs, [resultVariable]: [] } : outputs;
  });
  const written: Shape = Object.fromEntries([...model.writtenVariables].map((name) => [name, '*']));
  const messages = model.messages.map((message) => MESSAGE_VARIABLES[message.name] ?? {});
  return mergeShapes(
    startedByServer ? SERVER_VARIABLES : {},
    startedByServer ? { params: parameterNames } : {},
    formShapes.start,
    ...formShapes.userTasks,
    written,
    ...workerOutputs,
    ...messages,
  );
}

/** What an expression reads that the process cannot have, as 'name' or 'name.entry'. */
export function unknownReads(feel: string, known: Shape): string[] {
  return readVariables(feel).flatMap(({ name, entries }) => {
    const shape = known[name];
    if (shape === undefined) return [name];
    if (shape === '*') return [];
    return entries.filter((entry) => !shape.includes(entry)).map((entry) => `${name}.${entry}`);
  });
}
