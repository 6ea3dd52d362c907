/** ResolveIncident. */
import type { GatewayContext } from '../GatewayContext';
import type { ResolveIncidentRequestMessage } from '../messages';
import { unary, unwrap } from '../unary';

export function resolveIncident(ctx: GatewayContext) {
  return unary<ResolveIncidentRequestMessage, unknown>(ctx, async (request) => {
    unwrap(await ctx.engine.resolveIncident(request.incidentKey));
    return {};
  });
}
