/**
 * `npm run bench:api` — the HTTP API under load, on PostgreSQL, with autocannon.
 *
 * The whole server (a fresh database, migrations, the embedded engine over gRPC, the job
 * workers) runs in a child process (`api/server.ts`) with the catalog of
 * tests/api/acceptance/workflows (`e2e-certificate`: start form → user task of the
 * Einwohnerkontrolle), adopted by Luzern; a clerk of Luzern's Einwohnerkontrolle signed in.
 * autocannon drives it from this process. Each scenario runs BENCH_SECONDS:
 *
 * 1. baseline     GET /health (what Express and this machine do with no work at all), with the
 *                 connections of each scenario below
 * 2. submissions  POST …/tenants/luzern/services/e2e-certificate/submissions, a valid body
 *                 (case, audit entry, mail outbox, CreateProcessInstance over gRPC; the instance
 *                 goes on to its user task, which the inbox worker stores), BENCH_CONNECTIONS.
 *                 Target: ≥ 300 requests/s with p99 < 100 ms.
 * 3. inbox        after seeding BENCH_TASKS (1,000,000) tasks with one INSERT … SELECT: the
 *                 clerk's first inbox page, and a keyset next page (a cursor 20 pages deep),
 *                 BENCH_INBOX_CONNECTIONS. Target: p95 < 20 ms. EXPLAIN (ANALYZE, BUFFERS) of the
 *                 page query is printed.
 *
 * Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres; the bench
 * creates and drops its own database there), BENCH_SECONDS (15), BENCH_CONNECTIONS (16),
 * BENCH_INBOX_CONNECTIONS (4), BENCH_TASKS (1000000), BENCH_PROFILE (1: the server process
 * writes a V8 CPU profile into ./profiles).
 */
import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import knexFactory from 'knex';
import { applicationData } from '../api/acceptance/support';
import { drive, row, type DriveResult } from './api/drive';
import type { Command, Started } from './api/server';
import { seedTasks } from './api/seedTasks';

process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const inboxConnections = Number(process.env.BENCH_INBOX_CONNECTIONS ?? 4);
const taskCount = Number(process.env.BENCH_TASKS ?? 1_000_000);

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`bench:api — ${os.cpus().length} cores, load average ${load()} at start`);

// The server in its own process.
const child = fork(path.join(path.dirname(fileURLToPath(import.meta.url)), 'api/server.ts'), {
  execArgv: [
    '--import',
    'tsx',
    ...(process.env.BENCH_PROFILE === '1' ? ['--cpu-prof', '--cpu-prof-dir=profiles'] : []),
  ],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const nextMessage = <T>(kind: string) =>
  new Promise<T>((resolve, reject) => {
    const onMessage = (message: { kind?: string }) => {
      if (message.kind !== kind) return;
      child.off('message', onMessage);
      resolve(message as T);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`the server process exited (${code})`)));
  });
const send = (command: Command) => child.send(command);
const server = await nextMessage<Started>('started');
const knex = knexFactory({
  client: 'pg',
  connection: server.connection,
  pool: { min: 0, max: 2 },
});

const results: DriveResult[] = [];
try {
  const run = async (name: string, options: Parameters<typeof drive>[1]) => {
    const result = await drive(name, { connections, duration: seconds, ...options });
    results.push(result);
    console.log(`${name}: ${result.requestsPerSecond.toFixed(0)} requests/s`);
    return result;
  };

  // 1. baseline
  await run(`baseline GET /health, ${connections} connections`, {
    url: `${server.baseUrl}/health`,
  });
  if (inboxConnections !== connections) {
    await run(`baseline GET /health, ${inboxConnections} connections`, {
      url: `${server.baseUrl}/health`,
      connections: inboxConnections,
    });
  }

  // 2. submissions
  const casesBefore = await count('cases');
  const submissions = await run(`submissions POST, ${connections} connections`, {
    url: `${server.baseUrl}/api/portal/tenants/luzern/services/e2e-certificate/submissions`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data: applicationData() }),
  });
  const created = (await count('cases')) - casesBefore;
  const waiting = await knex('public.cases')
    .where({ status: 'waiting_to_start' })
    .count({ n: '*' });
  console.log(
    `submissions: ${created} cases created (${String((waiting[0] as { n: unknown }).n)} waiting to start at the end)`,
  );

  // 3. inbox
  const started = Date.now();
  await seedTasks(knex, taskCount);
  console.log(`seeded ${taskCount} tasks in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const headers = { cookie: server.cookie };
  let cursor: string | null = null;
  for (let page = 0; page < 20; page += 1) {
    const res = await fetch(`${server.baseUrl}/api/tasks${cursor ? `?cursor=${cursor}` : ''}`, {
      headers,
    });
    if (res.status !== 200) throw new Error(`inbox page ${page}: ${res.status}`);
    cursor = res.headers.get('x-next-cursor');
    if (!cursor) throw new Error(`inbox page ${page}: no next page`);
  }
  const inbox = { connections: inboxConnections, headers };
  await run(`inbox first page, ${inboxConnections} connections`, {
    url: `${server.baseUrl}/api/tasks`,
    ...inbox,
  });
  await run(`inbox keyset page 21, ${inboxConnections} connections`, {
    url: `${server.baseUrl}/api/tasks?cursor=${cursor}`,
    ...inbox,
  });

  await new Promise((resolve) => setTimeout(resolve, 2_000)); // the last run's queue drains
  for (const [name, url] of [
    ['first page', '/api/tasks'],
    ['keyset page 21', `/api/tasks?cursor=${cursor}`],
  ] as const) {
    send({ cmd: 'explain', path: url });
    const explained = await nextMessage<{ plan: string; indexScans: number; seqScans: string[] }>(
      'plan',
    );
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the inbox query, ${name}:\n${explained.plan}`);
    console.log(
      `→ ${explained.indexScans} index scans, sequential scans: ${explained.seqScans.join(', ') || 'none'}`,
    );
  }

  console.log('');
  console.table(results.map(row));
  const target = (ok: boolean) => (ok ? 'met' : 'MISSED');
  console.log(
    `submissions: ${submissions.requestsPerSecond.toFixed(0)}/s, p99 ${submissions.p99.toFixed(1)} ms — ` +
      `target ≥ 300/s with p99 < 100 ms: ${target(submissions.requestsPerSecond >= 300 && submissions.p99 < 100)}`,
  );
  for (const result of results.filter((r) => r.name.startsWith('inbox'))) {
    console.log(
      `${result.name}: p95 ${result.p95.toFixed(1)} ms — target p95 < 20 ms: ${target(result.p95 < 20)}`,
    );
  }
  console.log(`load average ${load()} at the end (the machine is shared with other work)`);
} finally {
  await knex.destroy();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  send({ cmd: 'stop' });
  await exited;
}
process.exit(0);

async function count(table: string): Promise<number> {
  const [first] = (await knex(`public.${table}`).count({ n: '*' })) as { n: string | number }[];
  return Number(first!.n);
}
