/** RPCs of the protocol this engine does not offer yet: UNIMPLEMENTED, saying which. */
import { status } from '@grpc/grpc-js';
import type { GatewayContext } from '../GatewayContext';
import { GatewayError } from '../GatewayError';
import { unary } from '../unary';

export function notImplemented(ctx: GatewayContext, rpc: string) {
  return unary<unknown, unknown>(ctx, async () => {
    throw new GatewayError(
      status.UNIMPLEMENTED,
      `${rpc} is not implemented by this engine yet (Serviceportal engine, Zeebe 8.6 protocol)`,
    );
  });
}
