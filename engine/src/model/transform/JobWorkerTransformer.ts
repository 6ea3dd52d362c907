import { type ModdleElement, attr, children, extension } from '../moddle/ModdleElement';
import type { ElementTransformer } from './TransformContext';

export const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';
const DEFAULT_RETRIES = '3';

/**
 * zeebe:taskDefinition + zeebe:taskHeaders → job, for every element that has a task definition
 * (service and send tasks, message throw/end events, business rule and script tasks in job
 * worker mode). A user task is a job of type 'io.camunda.zeebe:userTask' with 3 retries.
 */
export const transformJobWorker: ElementTransformer = (element, node) => {
  const headers = taskHeaders(element);
  if (element.$type === 'bpmn:UserTask') {
    node.job = { type: USER_TASK_JOB_TYPE, retries: DEFAULT_RETRIES, headers };
    return;
  }
  const definition = extension(element, 'zeebe:TaskDefinition');
  if (definition === undefined) return;
  const retries = attr(definition, 'retries');
  node.job = {
    type: attr(definition, 'type') ?? '',
    retries: retries === undefined || retries === '' ? DEFAULT_RETRIES : retries,
    headers,
  };
};

function taskHeaders(element: ModdleElement): Record<string, string> {
  const headers: Record<string, string> = {};
  const container = extension(element, 'zeebe:TaskHeaders');
  if (container === undefined) return headers;
  for (const header of children(container, 'values')) {
    const key = attr(header, 'key');
    if (key !== undefined) headers[key] = attr(header, 'value') ?? '';
  }
  return headers;
}
