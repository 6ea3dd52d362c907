import type { handleUnaryCall, ServerUnaryCall } from '@grpc/grpc-js';
import type { Result } from '../api';
import type { GatewayContext } from './GatewayContext';
import { RejectionError } from './GatewayError';
import { errorToStatus } from './status';

/** A unary RPC: resolve with the response, throw a GatewayError/RejectionError to fail it. */
export function unary<Request, Response>(
  ctx: GatewayContext,
  handler: (request: Request, call: ServerUnaryCall<Request, Response>) => Promise<Response>,
): handleUnaryCall<Request, Response> {
  return (call, callback) => {
    Promise.resolve()
      .then(() => handler(call.request, call))
      .then(
        (response) => callback(null, response),
        (error: unknown) => callback(errorToStatus(error, ctx.logger)),
      );
  };
}

/** The value of an accepted command; a rejection becomes the gRPC status Zeebe would send. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new RejectionError(result.rejection);
  return result.value;
}

/** An int64 request field (a decimal string) as a number of milliseconds, count, … */
export function int64ToNumber(value: string): number {
  return Number(value);
}
