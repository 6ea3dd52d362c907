import type { ElementValidator } from './ValidationContext';

const SUPPORTED = new Set(
  ['ServiceTask', 'UserTask', 'SendTask', 'ScriptTask', 'ManualTask', 'Task'].map(
    (name) => `bpmn:${name}`,
  ),
);

/** Activities marked isForCompensation (Zeebe's CompensationTaskValidator). */
export const CompensationHandlerValidator: ElementValidator = {
  type: 'bpmn:Activity',
  validate(activity, context) {
    if (activity['isForCompensation'] !== true) return;
    const report = (message: string) => context.error(activity, message);
    if (!SUPPORTED.has(activity.$type)) {
      report(
        'Compensation task must be one of: service task, user task, send task, script task, manual task, or undefined task.',
      );
    }
    if (context.index.incoming(activity).length > 0) {
      report('A compensation handler should have no incoming sequence flows');
    }
    if (context.index.outgoing(activity).length > 0) {
      report('A compensation handler should have no outgoing sequence flows');
    }
    if (context.index.boundaryEvents(activity).length > 0) {
      report('A compensation handler should have no boundary events');
    }
  },
};
