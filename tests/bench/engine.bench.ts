/**
 * `npm run bench:engine` — engine throughput and latency on PostgreSQL, with the same-run
 * baseline of what this machine's PostgreSQL does on its own.
 *
 * 1. Baseline: pgbench, 8 clients, a 3-statement transaction (update, select, insert), 10 s.
 * 2. Engine: a fresh database, the embedded engine over real gRPC, a one-service-task process;
 *    CREATORS concurrent creators call CreateProcessInstance in a loop while a worker of the
 *    @camunda8/sdk client completes the jobs. Prints instances completed per second and
 *    p50/p99 create-to-complete latency.
 *
 * Environment: DATABASE_URL (a PostgreSQL server; default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_SECONDS (20), BENCH_CREATORS (32).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Camunda8 } from '@camunda8/sdk';
import pg from 'pg';
import { openDatabase, startEngine } from '@serviceportal/engine';

const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const creators = Number(process.env.BENCH_CREATORS ?? 32);

const PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://serviceportal.lu.ch/bench">
  <bpmn:process id="bench-one-task" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task" />
    <bpmn:serviceTask id="task">
      <bpmn:extensionElements><zeebe:taskDefinition type="bench-work" /></bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end" />
    <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;

function databaseUrl(name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function pgbenchBaseline(): Promise<number> {
  const name = `bench_pgbench_${process.pid}`;
  await withAdmin((c) => c.query(`create database ${name}`));
  try {
    const url = new URL(databaseUrl(name));
    const args = ['-h', url.hostname, '-p', url.port || '5432', '-U', url.username || 'postgres'];
    execFileSync('pgbench', [...args, '-i', '-q', '-s', '1', name], { stdio: 'ignore' });
    const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pgbench-')), 'three.sql');
    fs.writeFileSync(
      script,
      [
        '\\set aid random(1, 100000)',
        '\\set delta random(-5000, 5000)',
        'BEGIN;',
        'UPDATE pgbench_accounts SET abalance = abalance + :delta WHERE aid = :aid;',
        'SELECT abalance FROM pgbench_accounts WHERE aid = :aid;',
        'INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (1, 1, :aid, :delta, CURRENT_TIMESTAMP);',
        'END;',
      ].join('\n'),
    );
    const out = execFileSync(
      'pgbench',
      [...args, '-n', '-c', '8', '-j', '2', '-T', '10', '-f', script, name],
      { encoding: 'utf8' },
    );
    const tps = /tps = ([\d.]+)/.exec(out);
    return tps ? Number(tps[1]) : NaN;
  } finally {
    await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
  }
}

async function engineRun() {
  const name = `bench_engine_${process.pid}`;
  await withAdmin((c) => c.query(`create database ${name}`));
  const db = await openDatabase({ databaseUrl: databaseUrl(name), poolMax: 4 });
  const engine = await startEngine({ knex: db.knex, host: '127.0.0.1', port: 0 });
  const zeebe = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${engine.port}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' },
  } as ConstructorParameters<typeof Camunda8>[0]).getZeebeGrpcApiClient();
  try {
    await zeebe.deployResource({ process: Buffer.from(PROCESS), name: 'bench.bpmn' });
    const createdAt = new Map<string, number>();
    const latencies: number[] = [];
    let completed = 0;
    const worker = zeebe.createWorker({
      taskType: 'bench-work',
      maxJobsToActivate: 256,
      timeout: 30_000,
      pollInterval: 10,
      taskHandler: async (job) => {
        const started = createdAt.get(job.processInstanceKey);
        const ack = await job.complete();
        if (started !== undefined) {
          latencies.push(Date.now() - started);
          createdAt.delete(job.processInstanceKey);
        }
        completed += 1;
        return ack;
      },
    });

    const until = Date.now() + seconds * 1000;
    let created = 0;
    let rejected = 0;
    const creator = async () => {
      while (Date.now() < until) {
        const started = Date.now();
        try {
          const instance = await zeebe.createProcessInstance({
            bpmnProcessId: 'bench-one-task',
            variables: { n: created },
          });
          createdAt.set(instance.processInstanceKey, started);
          created += 1;
        } catch {
          rejected += 1;
        }
      }
    };
    const runStarted = Date.now();
    await Promise.all(Array.from({ length: creators }, creator));
    const drainUntil = Date.now() + 15_000;
    while (completed < created && Date.now() < drainUntil) await new Promise((r) => setTimeout(r, 50));
    const elapsed = (Date.now() - runStarted) / 1000;
    await worker.close();
    latencies.sort((a, b) => a - b);
    return {
      created,
      completed,
      rejected,
      perSecond: completed / elapsed,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    };
  } finally {
    await zeebe.close();
    await engine.stop();
    await db.close();
    await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
  }
}

const synchronousCommit = await withAdmin(async (c) => (await c.query('show synchronous_commit')).rows[0]);
console.log(`bench:engine — ${os.cpus().length} cores, PostgreSQL synchronous_commit=${synchronousCommit.synchronous_commit}`);
const baseline = await pgbenchBaseline();
console.log(`baseline  pgbench 3-statement transaction, 8 clients: ${baseline.toFixed(0)} TPS`);
const result = await engineRun();
console.log(
  `engine    one-service-task process, ${creators} creators, ${seconds} s: ` +
    `${result.perSecond.toFixed(0)} instances/s completed (${result.completed}/${result.created}, ${result.rejected} rejected), ` +
    `create-to-complete p50 ${result.p50} ms, p99 ${result.p99} ms`,
);
console.log(`ratio     ${(result.perSecond / baseline).toFixed(2)} instances per pgbench transaction`);
process.exit(0);
