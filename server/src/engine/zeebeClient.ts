/**
 * The server's only way to the engine: the Zeebe gRPC client of @camunda8/sdk. It points at
 * the embedded engine by default, or at a Zeebe cluster when ZEEBE_ADDRESS is set, so the
 * server code is the same on both.
 *
 * Two kinds of client (`server.ts` makes one of each):
 *   - retrying (the SDK's default, `ZEEBE_GRPC_CLIENT_RETRY`): a call that meets an unreachable
 *     gateway (gRPC 14) or backpressure (8, 4) is repeated with back-off, by default forever
 *     (`ZEEBE_GRPC_CLIENT_MAX_RETRIES` -1). Right for the job workers, which hold their jobs
 *     until the engine is back;
 *   - `{ retry: false }`: every call is tried once and its gRPC error reaches the caller. For
 *     calls made on behalf of a request or a retry loop of our own (starting a case, deploying
 *     the catalog, cancelling a duplicate, readiness): an endless retry inside the SDK would
 *     keep a call — and the case it starts — in flight long after ENGINE_REQUEST_TIMEOUT, and
 *     the loop could never count or report the attempt.
 * The SDK has no per-call retry switch for these commands (its `executeOperation` takes the
 * client's setting), hence two clients over two channels.
 */
import { Camunda8 } from '@camunda8/sdk';

export type ZeebeClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

export interface ZeebeClientOptions {
  /** Repeat calls that meet an unreachable gateway or backpressure (default true). */
  retry?: boolean;
}

export function createZeebeClient(address: string, options: ZeebeClientOptions = {}): ZeebeClient {
  const secure = address.startsWith('grpcs://');
  const hostPort = address.replace(/^grpcs?:\/\//, '');
  const camunda = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `${secure ? 'grpcs' : 'grpc'}://${hostPort}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    zeebeGrpcSettings: {
      ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
      ZEEBE_GRPC_CLIENT_EAGER_CONNECT: false,
      ZEEBE_GRPC_CLIENT_RETRY: options.retry ?? true,
    },
  } as ConstructorParameters<typeof Camunda8>[0]);
  return camunda.getZeebeGrpcApiClient();
}
