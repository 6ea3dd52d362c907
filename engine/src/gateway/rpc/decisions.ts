/**
 * EvaluateDecision (Zeebe's gateway: RequestMapper#toEvaluateDecisionRequest, ResponseMapper).
 * The tenant and the variables are checked here; an unknown decision is the broker's rejection
 * (INVALID_ARGUMENT); a failed evaluation is an answer with failedDecisionId and failureMessage.
 */
import type { GatewayContext } from '../GatewayContext';
import type { EvaluateDecisionRequestMessage } from '../messages';
import { unary, unwrap } from '../unary';
import { parseVariables } from '../variables';

export function evaluateDecision(ctx: GatewayContext) {
  return unary<EvaluateDecisionRequestMessage, unknown>(ctx, async (request) => {
    const tenantId = ctx.tenants.tenantId('EvaluateDecision', request.tenantId);
    const variables = parseVariables(request.variables);
    const result = unwrap(
      await ctx.engine.evaluateDecision({
        decisionId: request.decisionId,
        decisionKey: request.decisionKey,
        variables,
        tenantId,
      }),
    );
    return { ...result };
  });
}
