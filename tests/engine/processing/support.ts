/**
 * Test support for the engine core: an Engine on a fresh database (PGlite in memory, or a new
 * PostgreSQL database with DATABASE_URL), a pinned clock, and small helpers around the API.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Knex } from 'knex';
import { expect } from 'vitest';
import type { ActivatedJob, Result } from '../../../engine/src/api';
import { Clock } from '../../../engine/src/clock';
import { Engine } from '../../../engine/src/processing/Engine';
import { createTestDatabase, type TestDatabase } from '../../support/database';

const here = path.dirname(fileURLToPath(import.meta.url));

export const START = Date.UTC(2026, 0, 5, 9, 0, 0);

export interface EngineHarness {
  engine: Engine;
  clock: Clock;
  knex: Knex;
  database: TestDatabase;
  /** Stops the engine and starts a new one on the same database. */
  restart(): Promise<Engine>;
  close(): Promise<void>;
}

export async function startEngine(
  options: { multiTenancy?: boolean; maxInFlightCommands?: number } = {},
): Promise<EngineHarness> {
  const database = await createTestDatabase();
  const { knex } = await database.open();
  const clock = new Clock();
  clock.pin(START);
  const harness: EngineHarness = {
    engine: await Engine.create({ knex, clock, ...options }),
    clock,
    knex,
    database,
    async restart() {
      await harness.engine.stop();
      harness.engine = await Engine.create({ knex, clock, ...options });
      return harness.engine;
    },
    async close() {
      await harness.engine.stop();
      await database.drop();
    },
  };
  return harness;
}

export function fixture(name: string): { name: string; content: Buffer } {
  return { name, content: fs.readFileSync(path.join(here, 'fixtures', name)) };
}

/** The value of an accepted result (fails the test on a rejection). */
export function accepted<T>(result: Result<T>): T {
  if (!result.ok) expect.fail(`rejected: ${result.rejection.type} ${result.rejection.reason}`);
  return result.value;
}

export async function deploy(engine: Engine, ...names: string[]): Promise<void> {
  accepted(await engine.deployResources({ resources: names.map(fixture), tenantId: '<default>' }));
}

export async function createInstance(
  engine: Engine,
  bpmnProcessId: string,
  variables: Record<string, unknown> = {},
): Promise<string> {
  const created = accepted(
    await engine.createProcessInstance({
      bpmnProcessId,
      version: -1,
      variables,
      startInstructions: [],
      tenantId: '<default>',
    }),
  );
  return created.processInstanceKey;
}

export async function activate(
  engine: Engine,
  type: string,
  max = 10,
  timeout = 60_000,
): Promise<ActivatedJob[]> {
  return accepted(
    await engine.activateJobs({
      type,
      worker: 'test-worker',
      timeout,
      maxJobsToActivate: max,
      fetchVariable: [],
      tenantIds: ['<default>'],
    }),
  );
}

export async function activateOne(
  engine: Engine,
  type: string,
  timeout = 60_000,
): Promise<ActivatedJob> {
  const jobs = await activate(engine, type, 1, timeout);
  expect(jobs).toHaveLength(1);
  return jobs[0]!;
}

export interface LoggedRecord {
  position: number;
  key: string;
  recordType: string;
  valueType: string;
  intent: string;
  rejectionType: string | null;
  rejectionReason: string | null;
  value: Record<string, unknown>;
}

/** The record log, oldest first, optionally for one process instance. */
export async function records(knex: Knex, processInstanceKey?: string): Promise<LoggedRecord[]> {
  let query = knex.withSchema('engine').from('records').orderBy('position');
  if (processInstanceKey) query = query.where('process_instance_key', processInstanceKey);
  const rows = (await query) as Record<string, unknown>[];
  return rows.map((row) => ({
    position: Number(row.position),
    key: String(row.key),
    recordType: String(row.record_type),
    valueType: String(row.value_type),
    intent: String(row.intent),
    rejectionType: (row.rejection_type as string | null) ?? null,
    rejectionReason: (row.rejection_reason as string | null) ?? null,
    value: row.value as Record<string, unknown>,
  }));
}

/** PROCESS_INSTANCE events of an instance as "ELEMENT_ID:INTENT" lines. */
export async function elementEvents(knex: Knex, processInstanceKey: string): Promise<string[]> {
  return (await records(knex, processInstanceKey))
    .filter((r) => r.valueType === 'PROCESS_INSTANCE' && r.recordType === 'EVENT')
    .map((r) => `${String(r.value.elementId)}:${r.intent}`);
}

export async function isCompleted(knex: Knex, processInstanceKey: string): Promise<boolean> {
  const row = (await knex
    .withSchema('engine')
    .from('process_instances')
    .where('key', processInstanceKey)
    .first()) as { state: string } | undefined;
  return row?.state === 'COMPLETED';
}

export async function processInstanceState(
  knex: Knex,
  processInstanceKey: string,
): Promise<string | undefined> {
  const row = (await knex
    .withSchema('engine')
    .from('process_instances')
    .where('key', processInstanceKey)
    .first()) as { state: string } | undefined;
  return row?.state;
}

/** Waits until the engine has processed everything queued (what the schedulers fired included). */
export async function settle(engine: Engine): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    await engine.idle();
  }
}
