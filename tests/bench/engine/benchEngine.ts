/**
 * One bench run's engine: a fresh PostgreSQL database, the embedded engine over real gRPC with
 * the given backpressure limit, the bench processes deployed, and @camunda8/sdk clients without
 * retries (a RESOURCE_EXHAUSTED must be counted, not retried).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Camunda8 } from '@camunda8/sdk';
import { openDatabase, startEngine } from '@serviceportal/engine';
import { databaseUrl, withAdmin } from './benchDatabase';

export type ZeebeClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

export interface BenchEngine {
  /** host:port of the gateway */
  address: string;
  /** Commands queued or being processed in the engine right now. */
  inFlight(): number;
  /** A new client with its own connection (creators and the worker use separate ones). */
  client(): ZeebeClient;
  close(): Promise<void>;
}

let runs = 0;

/** maxInFlightCommands: the backpressure limit; Infinity turns backpressure off. */
export async function startBenchEngine(maxInFlightCommands: number): Promise<BenchEngine> {
  const name = `bench_engine_${process.pid}_${++runs}`;
  await withAdmin((c) => c.query(`create database ${name}`));
  const db = await openDatabase({ databaseUrl: databaseUrl(name), poolMax: 4 });
  const engine = await startEngine({
    knex: db.knex,
    host: '127.0.0.1',
    port: 0,
    maxInFlightCommands,
  });
  const clients: ZeebeClient[] = [];
  const client = () => {
    const created = new Camunda8({
      ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${engine.port}`,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_RETRY: false },
    } as ConstructorParameters<typeof Camunda8>[0]).getZeebeGrpcApiClient();
    clients.push(created);
    return created;
  };
  const here = path.dirname(fileURLToPath(import.meta.url));
  await client().deployResources([
    { processFilename: path.join(here, 'one-task.bpmn') },
    { processFilename: path.join(here, 'ten-tasks.bpmn') },
  ]);
  return {
    address: engine.address,
    inFlight: () => engine.engine.inFlightCommands,
    client,
    close: async () => {
      await Promise.allSettled(clients.map((c) => c.close()));
      await engine.stop();
      await db.close();
      await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}
