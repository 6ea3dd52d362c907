import type { ElementValidator } from './ValidationContext';

/**
 * <zeebe:userTask/> marks a Camunda user task, which Zeebe serves only over its REST API. This
 * engine speaks the gRPC gateway and runs every user task as a job worker
 * ('io.camunda.zeebe:userTask'), so such a model is rejected rather than silently run otherwise.
 */
export const ZeebeUserTaskValidator: ElementValidator = {
  type: 'zeebe:UserTask',
  validate(extension, context) {
    context.error(
      extension,
      "Camunda user tasks (zeebe:userTask) are not supported: this engine runs user tasks as job workers of type 'io.camunda.zeebe:userTask'. " +
        'Remove the zeebe:userTask extension element to use the job worker implementation.',
    );
  },
};
