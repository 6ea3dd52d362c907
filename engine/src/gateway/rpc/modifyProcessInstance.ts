/** ModifyProcessInstance: activate elements and terminate element instances of a running instance. */
import type { GatewayContext } from '../GatewayContext';
import type { ModifyProcessInstanceRequestMessage } from '../messages';
import { unary, unwrap } from '../unary';
import { parseVariables } from '../variables';

export function modifyProcessInstance(ctx: GatewayContext) {
  return unary<ModifyProcessInstanceRequestMessage, unknown>(ctx, async (request) => {
    unwrap(
      await ctx.engine.modifyProcessInstance({
        processInstanceKey: request.processInstanceKey,
        activateInstructions: request.activateInstructions.map((instruction) => ({
          elementId: instruction.elementId,
          ancestorElementInstanceKey: instruction.ancestorElementInstanceKey,
          variableInstructions: instruction.variableInstructions.map(({ variables, scopeId }) => ({
            variables: parseVariables(variables),
            scopeId,
          })),
        })),
        terminateInstructions: request.terminateInstructions.map(({ elementInstanceKey }) => ({
          elementInstanceKey,
        })),
      }),
    );
    return {};
  });
}
