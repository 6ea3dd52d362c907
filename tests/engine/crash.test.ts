/**
 * Crash safety of the standalone engine (`tsx engine/src/main.ts`) on PostgreSQL: with
 * instances waiting at a job, a timer and a message subscription, the process is killed with
 * SIGKILL, started again on the same database, and every instance continues to its end — with
 * nothing in the record log happening twice. Time is moved through the clock actuator.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../support/database';
import { bpmn, sdkClient, waitFor } from './harness';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface EngineProcess {
  child: ChildProcess;
  address: string;
  managementPort: number;
  exited: Promise<number | null>;
}

async function startEngineProcess(databaseUrl: string): Promise<EngineProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'engine/src/main.ts'], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: databaseUrl,
      ENGINE_HOST: '127.0.0.1',
      ENGINE_PORT: '0',
      ENGINE_CLOCK_CONTROL: 'true',
      ENGINE_MANAGEMENT_PORT: '0',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const started = new Promise<{ address: string; managementPort: number }>((resolve, reject) => {
    let managementPort = 0;
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      output += chunk.toString();
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        let entry: { managementPort?: number; address?: string };
        try {
          entry = JSON.parse(line) as typeof entry;
        } catch {
          continue;
        }
        if (entry.managementPort) managementPort = entry.managementPort;
        if (entry.address) resolve({ address: entry.address, managementPort });
      }
    });
    void exited.then((code) => reject(new Error(`engine exited with ${code}:\n${output}`)));
    setTimeout(() => reject(new Error(`engine did not start:\n${output}`)), 30_000);
  });
  return { child, exited, ...(await started) };
}

async function kill9(engine: EngineProcess): Promise<void> {
  engine.child.kill('SIGKILL');
  await engine.exited;
}

describe.skipIf(!usingPostgres)('crash and restart (PostgreSQL)', () => {
  let database: TestDatabase;
  let db: pg.Client;
  const running: EngineProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
  });
  afterAll(async () => {
    for (const engine of running) if (engine.child.exitCode === null) await kill9(engine);
    await db?.end();
    await database?.drop();
  });

  test(
    'instances at a job, a timer and a message continue after kill -9, nothing twice',
    { timeout: 120_000 },
    async () => {
      // given a standalone engine with three instances waiting
      const first = await startEngineProcess(database.url!);
      running.push(first);
      const zeebe = sdkClient(first.address);
      await zeebe.deployResources([
        { processFilename: bpmn(import.meta.url, 'crash/waits-forever.bpmn') },
        { processFilename: bpmn(import.meta.url, 'crash/wait-timer.bpmn') },
        { processFilename: bpmn(import.meta.url, 'crash/await-payment.bpmn') },
      ]);
      const atJob = await zeebe.createProcessInstance({
        bpmnProcessId: 'waits-forever',
        variables: { case: 'job' },
      });
      const atTimer = await zeebe.createProcessInstance({
        bpmnProcessId: 'wait-timer',
        variables: { case: 'timer' },
      });
      const atMessage = await zeebe.createProcessInstance({
        bpmnProcessId: 'await-payment',
        variables: { case: 'message', orderId: 'K-1' },
      });
      // the job is handed to a worker that then dies with the engine
      const [lostJob] = await zeebe.activateJobs({
        type: 'manual-review',
        worker: 'doomed',
        maxJobsToActivate: 1,
        timeout: 60_000,
        requestTimeout: -1,
      });
      expect(lostJob).toBeDefined();
      await zeebe.close();

      // when the engine is killed and started again on the same database
      await kill9(first);
      const second = await startEngineProcess(database.url!);
      running.push(second);
      const again = sdkClient(second.address);
      const actuator = `http://127.0.0.1:${second.managementPort}/actuator/clock`;

      // then the timer fires once 20 days have passed
      await fetch(`${actuator}/add`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ offsetMilli: 20 * 24 * 3_600_000 + 1_000 }),
      });
      // the message correlates
      await again.publishMessage({
        name: 'payment-received',
        correlationKey: 'K-1',
        variables: {},
        timeToLive: 0,
      });
      // and every job can be worked: the lost one after its timeout (passed with the 20 days)
      const completed = new Set<string>();
      await waitFor(
        async () => {
          for (const type of ['manual-review', 'send-decision', 'ship-order']) {
            const jobs = await again.activateJobs({
              type,
              worker: 'survivor',
              maxJobsToActivate: 5,
              timeout: 60_000,
              requestTimeout: -1,
            });
            for (const job of jobs) {
              await again.completeJob({ jobKey: job.key, variables: {} });
              completed.add(type);
            }
          }
          return completed.size === 3 ? true : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 200 },
      );

      // all three instances completed, exactly once
      const instanceKeys = [atJob, atTimer, atMessage].map((created) => created.processInstanceKey);
      const completions = await db.query<{ key: string; count: string }>(
        `select key::text, count(*) from engine.records
        where record_type = 'EVENT' and value_type = 'PROCESS_INSTANCE' and intent = 'ELEMENT_COMPLETED'
          and key = any($1::bigint[])
        group by key`,
        [instanceKeys],
      );
      expect(completions.rows.map((row) => [row.key, Number(row.count)]).sort()).toEqual(
        instanceKeys.map((key) => [key, 1]).sort(),
      );
      // no element instance, job, timer or message event was written twice
      const duplicates = await db.query(
        `select key, value_type, intent, count(*) from engine.records
        where record_type = 'EVENT'
          and value_type in ('PROCESS_INSTANCE', 'JOB', 'TIMER', 'PROCESS_MESSAGE_SUBSCRIPTION', 'MESSAGE')
          and intent in ('ELEMENT_ACTIVATED', 'ELEMENT_COMPLETED', 'CREATED', 'TRIGGERED', 'CORRELATED', 'COMPLETED', 'PUBLISHED')
        group by key, value_type, intent
       having count(*) > 1`,
      );
      expect(duplicates.rows).toEqual([]);
      // one job per service task: the lost job came back, it was not created again
      const jobsCreated = await db.query<{ type: string; count: string }>(
        `select value->>'type' as type, count(*) from engine.records
        where record_type = 'EVENT' and value_type = 'JOB' and intent = 'CREATED'
        group by 1 order by 1`,
      );
      expect(jobsCreated.rows.map((row) => [row.type, Number(row.count)])).toEqual([
        ['manual-review', 1],
        ['send-decision', 1],
        ['ship-order', 1],
      ]);

      await again.close();
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    },
  );
});
