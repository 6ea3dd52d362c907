/**
 * The engine as a library: `startEngine` runs the engine and its Zeebe gateway on a knex
 * database, inside the server (`npm start`) or standalone (main.ts). What the server needs from
 * the engine package is exported here.
 */
import type { Knex } from 'knex';
import { pino, type Logger } from 'pino';
import { Clock } from './clock';
import { GatewayServer } from './gateway/GatewayServer';
import { Engine } from './processing/Engine';

export * from './api';
export { Clock } from './clock';
export { openDatabase, type Database, type DatabaseOptions, type DbKind } from './state/db';
export { Engine } from './processing/Engine';
export { loadEngineConfig, type EngineConfig } from './config';
export * from './monitor';

export interface StartEngineOptions {
  knex: Knex;
  /** 0 picks a free port. */
  port: number;
  host: string;
  clock?: Clock;
  logger?: Logger;
  multiTenancy?: boolean;
  /** Backpressure: commands in flight before new ones are answered RESOURCE_EXHAUSTED. */
  maxInFlightCommands?: number;
}

export interface RunningEngine {
  /** The port the gateway listens on (the actual one when 0 was asked for). */
  port: number;
  /** host:port, as a Zeebe client's ZEEBE_ADDRESS. */
  address: string;
  engine: Engine;
  clock: Clock;
  /** Graceful: stop accepting calls, end long polls and job streams, then stop the engine. */
  stop(): Promise<void>;
}

export async function startEngine(options: StartEngineOptions): Promise<RunningEngine> {
  const clock = options.clock ?? new Clock();
  const logger = options.logger ?? pino({ name: 'engine' });
  const engine = await Engine.create({
    knex: options.knex,
    clock,
    logger,
    ...(options.multiTenancy !== undefined ? { multiTenancy: options.multiTenancy } : {}),
    ...(options.maxInFlightCommands !== undefined
      ? { maxInFlightCommands: options.maxInFlightCommands }
      : {}),
  });
  const gateway = new GatewayServer({
    engine,
    logger: logger.child({ component: 'gateway' }),
    multiTenancy: options.multiTenancy ?? false,
  });
  let port: number;
  try {
    ({ port } = await gateway.listen(options.host, options.port));
  } catch (error) {
    await engine.stop();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    port,
    address: `${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    engine,
    clock,
    stop: () =>
      (stopping ??= (async () => {
        await gateway.stop();
        await engine.stop();
      })()),
  };
}
