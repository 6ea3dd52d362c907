import type { UserTaskDefinition } from '../types';
import { attr, extension, hasOwnAttr } from '../moddle/ModdleElement';
import { bindingOf } from './CalledElementTransformer';
import type { ElementTransformer } from './TransformContext';

const EMBEDDED_FORM_PREFIX = 'camunda-forms:bpmn:';

/** zeebe:assignmentDefinition, zeebe:taskSchedule and zeebe:formDefinition of a user task. */
export const transformUserTask: ElementTransformer = (element, node, context) => {
  if (element.$type !== 'bpmn:UserTask') return;
  const userTask: UserTaskDefinition = {};
  const assignment = extension(element, 'zeebe:AssignmentDefinition');
  const schedule = extension(element, 'zeebe:TaskSchedule');
  const form = extension(element, 'zeebe:FormDefinition');
  const set = (
    key: Exclude<keyof UserTaskDefinition, 'formBinding'>,
    value: string | undefined,
  ) => {
    if (value !== undefined && value !== '') userTask[key] = value;
  };
  if (assignment !== undefined) {
    set('assignee', attr(assignment, 'assignee'));
    set('candidateGroups', attr(assignment, 'candidateGroups'));
    set('candidateUsers', attr(assignment, 'candidateUsers'));
  }
  if (schedule !== undefined) {
    set('dueDate', attr(schedule, 'dueDate'));
    set('followUpDate', attr(schedule, 'followUpDate'));
  }
  if (form !== undefined) {
    const formKey = attr(form, 'formKey');
    set('formKey', formKey);
    set('formId', attr(form, 'formId'));
    if (userTask.formId !== undefined && hasOwnAttr(form, 'bindingType')) {
      userTask.formBinding = bindingOf(form);
    }
    if (formKey?.startsWith(EMBEDDED_FORM_PREFIX)) {
      set('embeddedForm', context.userTaskForms.get(formKey.slice(EMBEDDED_FORM_PREFIX.length)));
    }
  }
  node.userTask = userTask;
};
