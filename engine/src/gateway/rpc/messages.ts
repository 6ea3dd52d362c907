/** PublishMessage and BroadcastSignal. */
import type { GatewayContext } from '../GatewayContext';
import type { BroadcastSignalRequestMessage, PublishMessageRequestMessage } from '../messages';
import { int64ToNumber, unary, unwrap } from '../unary';
import { parseVariables } from '../variables';

export function publishMessage(ctx: GatewayContext) {
  return unary<PublishMessageRequestMessage, unknown>(ctx, async (request) => {
    const tenantId = ctx.tenants.tenantId('PublishMessage', request.tenantId);
    const variables = parseVariables(request.variables);
    const published = unwrap(
      await ctx.engine.publishMessage({
        name: request.name,
        correlationKey: request.correlationKey,
        timeToLive: int64ToNumber(request.timeToLive),
        messageId: request.messageId,
        variables,
        tenantId,
      }),
    );
    return { key: published.key, tenantId: published.tenantId };
  });
}

export function broadcastSignal(ctx: GatewayContext) {
  return unary<BroadcastSignalRequestMessage, unknown>(ctx, async (request) => {
    const tenantId = ctx.tenants.tenantId('BroadcastSignal', request.tenantId);
    const variables = parseVariables(request.variables);
    const broadcast = unwrap(
      await ctx.engine.broadcastSignal({ signalName: request.signalName, variables, tenantId }),
    );
    return { key: broadcast.key, tenantId: broadcast.tenantId };
  });
}
