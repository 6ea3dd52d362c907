/**
 * The server's only way to the engine: the Zeebe gRPC client of @camunda8/sdk. It points at
 * the embedded engine by default, or at a Zeebe cluster when ZEEBE_ADDRESS is set, so the
 * server code is the same on both.
 */
import { Camunda8 } from '@camunda8/sdk';

export type ZeebeClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

export function createZeebeClient(address: string): ZeebeClient {
  const secure = address.startsWith('grpcs://');
  const hostPort = address.replace(/^grpcs?:\/\//, '');
  const camunda = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `${secure ? 'grpcs' : 'grpc'}://${hostPort}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    zeebeGrpcSettings: {
      ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
      ZEEBE_GRPC_CLIENT_EAGER_CONNECT: false,
    },
  } as ConstructorParameters<typeof Camunda8>[0]);
  return camunda.getZeebeGrpcApiClient();
}
