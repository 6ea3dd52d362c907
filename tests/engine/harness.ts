/**
 * An engine for one test file: a fresh database (PostgreSQL when DATABASE_URL is set, in-memory
 * PGlite otherwise), the engine with its gateway on a free port, and real Zeebe clients talking
 * to it over gRPC in plaintext without authentication.
 *
 *   const t = await startTestEngine();
 *   await t.zeebe.deployResource({ processFilename: bpmn(import.meta.url, 'order.bpmn') });
 *   …
 *   await t.close();
 *
 * Set ENGINE_TEST_LOG_LEVEL=debug to see the engine's log.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Camunda8 } from '@camunda8/sdk';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import type { Knex } from 'knex';
import { pino } from 'pino';
import { ZBClient, type ZBClientOptions } from 'zeebe-node';
import { startEngine, type Clock, type Engine } from '@serviceportal/engine';
import { createTestDatabase } from '../support/database';

export type ZeebeGrpcClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

export interface TestEngine {
  port: number;
  /** host:port of the gateway. */
  address: string;
  engine: Engine;
  clock: Clock;
  knex: Knex;
  /** The @camunda8/sdk gRPC client, as the server uses it. */
  zeebe: ZeebeGrpcClient;
  /** A further SDK client with its own connection (e.g. for a second worker). */
  newZeebeClient(): ZeebeGrpcClient;
  /** A zeebe-node 8.3.2 client; closed by close(). */
  zeebeNode(options?: ZBClientOptions): ZBClient;
  /** A bare gRPC client of the gateway protocol, for requests no client library would send. */
  gateway: RawGateway;
  close(): Promise<void>;
}

export interface TestEngineOptions {
  multiTenancy?: boolean;
  maxInFlightCommands?: number;
}

export async function startTestEngine(options: TestEngineOptions = {}): Promise<TestEngine> {
  const database = await createTestDatabase();
  const db = await database.open();
  let running;
  try {
    running = await startEngine({
      knex: db.knex,
      host: '127.0.0.1',
      port: 0,
      logger: pino({ level: process.env.ENGINE_TEST_LOG_LEVEL ?? 'silent' }),
      ...options,
    });
  } catch (error) {
    await database.drop();
    throw error;
  }
  const address = running.address;
  const sdkClients: ZeebeGrpcClient[] = [];
  const zeebeNodeClients: ZBClient[] = [];
  const newZeebeClient = () => {
    const client = sdkClient(address);
    sdkClients.push(client);
    return client;
  };
  const gateway = rawGateway(address);
  return {
    port: running.port,
    address,
    engine: running.engine,
    clock: running.clock,
    knex: db.knex,
    zeebe: newZeebeClient(),
    newZeebeClient,
    zeebeNode: (clientOptions = {}) => {
      const client = new ZBClient(address, {
        useTLS: false,
        loglevel: 'NONE',
        retry: false,
        ...clientOptions,
      });
      zeebeNodeClients.push(client);
      return client;
    },
    gateway,
    close: async () => {
      await Promise.allSettled([
        ...sdkClients.map((client) => client.close()),
        ...zeebeNodeClients.map((client) => client.close()),
      ]);
      gateway.close();
      await running.stop();
      await database.drop();
    },
  };
}

/**
 * A @camunda8/sdk gRPC client of the gateway at `address` (no auth, no default tenant, silent),
 * for tests: failures surface at once instead of being retried.
 */
export function sdkClient(address: string): ZeebeGrpcClient {
  return new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${address}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_OAUTH_DISABLED: true,
    CAMUNDA_LOG_LEVEL: 'none',
    CAMUNDA_TENANT_ID: '',
    zeebeGrpcSettings: {
      // failures must surface in the test, not be retried for minutes
      ZEEBE_GRPC_CLIENT_RETRY: false,
      ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
    },
  }).getZeebeGrpcApiClient();
}

/** The path of a fixture next to the test: bpmn(import.meta.url, 'order-process.bpmn'). */
export function bpmn(testFileUrl: string, name: string): string {
  return path.join(path.dirname(fileURLToPath(testFileUrl)), name);
}

export interface GrpcFailure {
  code: number;
  details: string;
}

/** The gRPC status a failing call ended with (fails the test when the call succeeds). */
export async function grpcFailure(call: Promise<unknown>): Promise<GrpcFailure> {
  try {
    await call;
  } catch (error) {
    const failure = error as { code?: unknown; details?: unknown; message?: unknown };
    if (typeof failure.code !== 'number') throw error;
    return {
      code: failure.code,
      details: String(failure.details ?? failure.message ?? ''),
    };
  }
  throw new Error('Expected the call to fail, but it succeeded');
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  { timeoutMs = 10_000, intervalMs = 50 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('Timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

// --- the bare gateway client ------------------------------------------------------------

export interface RawGateway {
  /** A unary call; rejects with the gRPC ServiceError. */
  unary<T = Record<string, unknown>>(method: string, request: object): Promise<T>;
  /** All messages of a server-streaming call until it ends; rejects with the ServiceError. */
  serverStream<T = Record<string, unknown>>(method: string, request: object): Promise<T[]>;
  /** Opens a server-streaming call and hands out each message; cancel() ends it. */
  openStream<T = Record<string, unknown>>(
    method: string,
    request: object,
    onMessage: (message: T) => void,
  ): { cancel(): void; ended: Promise<grpc.StatusObject> };
  close(): void;
}

type AnyClient = grpc.Client & Record<string, (...args: unknown[]) => unknown>;

function rawGateway(address: string): RawGateway {
  const require = createRequire(import.meta.url);
  const protoPath = path.join(
    path.dirname(require.resolve('@camunda8/sdk/package.json')),
    'dist/proto/zeebe.proto',
  );
  const definition = protoLoader.loadSync(protoPath, {
    keepCase: true,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  const loaded = grpc.loadPackageDefinition(definition) as unknown as {
    gateway_protocol: { Gateway: grpc.ServiceClientConstructor };
  };
  const client = new loaded.gateway_protocol.Gateway(
    address,
    grpc.credentials.createInsecure(),
  ) as unknown as AnyClient;
  const method = (name: string) => {
    const fn = client[name];
    if (!fn) throw new Error(`No gateway method ${name}`);
    return fn.bind(client);
  };
  return {
    unary: <T>(name: string, request: object) =>
      new Promise<T>((resolve, reject) => {
        method(name)(request, (error: grpc.ServiceError | null, response: T) =>
          error ? reject(error) : resolve(response),
        );
      }),
    serverStream: <T>(name: string, request: object) =>
      new Promise<T[]>((resolve, reject) => {
        const messages: T[] = [];
        const call = method(name)(request) as grpc.ClientReadableStream<T>;
        call.on('data', (message: T) => messages.push(message));
        call.on('error', reject);
        call.on('end', () => resolve(messages));
      }),
    openStream: <T>(name: string, request: object, onMessage: (message: T) => void) => {
      const call = method(name)(request) as grpc.ClientReadableStream<T>;
      call.on('data', onMessage);
      const ended = new Promise<grpc.StatusObject>((resolve) => {
        call.on('status', resolve);
        call.on('error', () => {});
      });
      return { cancel: () => call.cancel(), ended };
    },
    close: () => client.close(),
  };
}
