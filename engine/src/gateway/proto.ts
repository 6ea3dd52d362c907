/**
 * Loads Zeebe's gateway protocol at run time from the installed client package
 * (@camunda8/sdk ships `dist/proto/zeebe.proto`), so the repository never carries a copy that
 * could drift from what clients speak.
 *
 * Options as Zeebe's own clients use them: field names as written in the .proto (keepCase),
 * int64 as decimal strings (Zeebe keys exceed 2^53), enums as names, defaults filled in.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

const require = createRequire(import.meta.url);

export function gatewayProtoPath(): string {
  const sdkPackageJson = require.resolve('@camunda8/sdk/package.json');
  return path.join(path.dirname(sdkPackageJson), 'dist', 'proto', 'zeebe.proto');
}

let cached: grpc.ServiceDefinition | undefined;

/** The `gateway_protocol.Gateway` service definition. */
export function loadGatewayService(): grpc.ServiceDefinition {
  if (cached) return cached;
  const packageDefinition = protoLoader.loadSync(gatewayProtoPath(), {
    keepCase: true,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  const loaded = grpc.loadPackageDefinition(packageDefinition) as unknown as {
    gateway_protocol: { Gateway: grpc.ServiceClientConstructor };
  };
  cached = loaded.gateway_protocol.Gateway.service;
  return cached;
}
