/**
 * `npm run bench:engine` — engine throughput, latency and backpressure on PostgreSQL, beside the
 * same-run baseline of what this machine's PostgreSQL does on its own.
 *
 * 1. baseline    pgbench, 8 clients, a 3-statement transaction, 10 s (engine/pgbenchBaseline.ts)
 * 2. one task    BENCH_CREATORS creators loop over CreateProcessInstance of a one-service-task
 *                process while an @camunda8/sdk worker completes the jobs (engine/closedLoop.ts):
 *                instances/s, create-to-complete p50/p99. Target: ≥ 300 instances/s.
 * 3. ten tasks   a 10-service-task process (engine/ten-tasks.bpmn: parallel fork and join,
 *                exclusive gateway), BENCH_CREATORS creators each waiting for their instance
 *                (CreateProcessInstanceWithResult): instances/s, tasks/s, p50/p99 of the call.
 * 4. limit sweep creations at twice the one-task capacity from another process (open loop,
 *                engine/overload.ts) for each limit of BENCH_SWEEP: throughput and accepted
 *                latency under overload per limit. Runs 2 and 3 sample the commands in flight;
 *                the smallest swept limit above twice their peak is printed: full load is not
 *                refused, and overload queues no more than that.
 * 5. overload    the same overload with the default limit and with backpressure off: accepted
 *                latency and refusal rate.
 *
 * Environment: DATABASE_URL (a PostgreSQL server; default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_SECONDS (20), BENCH_CREATORS (32), BENCH_SWEEP (50,100,200,400,800,1600,3200),
 * BENCH_SWEEP_SECONDS (8), BENCH_OVERLOAD_SECONDS (15), BENCH_OVERLOAD_RATE (twice the one-task
 * capacity).
 */
import os from 'node:os';
import { DEFAULT_MAX_IN_FLIGHT_COMMANDS } from '../../engine/src/processing/RequestLimiter';
import { withAdmin } from './engine/benchDatabase';
import { closedLoop } from './engine/closedLoop';
import { overload, type OverloadResult } from './engine/overload';
import { pgbenchBaseline } from './engine/pgbenchBaseline';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const creators = Number(process.env.BENCH_CREATORS ?? 32);
const sweep = (process.env.BENCH_SWEEP ?? '50,100,200,400,800,1600,3200').split(',').map(Number);
const sweepSeconds = Number(process.env.BENCH_SWEEP_SECONDS ?? 8);
const overloadSeconds = Number(process.env.BENCH_OVERLOAD_SECONDS ?? 15);

const ms = (value: number) => (Number.isNaN(value) ? '–' : `${Math.round(value)} ms`);
const perSecond = (value: number) => `${Math.round(value)}/s`;
const limitName = (limit: number) => (Number.isFinite(limit) ? String(limit) : 'off');

const rows: Record<string, string>[] = [];
const overloadRow = (scenario: string, limit: number, rate: number, r: OverloadResult) => ({
  scenario,
  limit: limitName(limit),
  load: `${Math.round(rate)} creates/s offered`,
  'instances/s': perSecond(r.completedPerSecond),
  'tasks/s': perSecond(r.completedPerSecond),
  refused: `${((100 * r.refused) / Math.max(r.offered, 1)).toFixed(1)} % of ${r.offered}`,
  'create p50/p99': `${ms(r.createP50)} / ${ms(r.createP99)}`,
  'refusal p50/p99': `${ms(r.refusalP50)} / ${ms(r.refusalP99)}`,
  'create→complete p50/p99': `${ms(r.completeP50)} / ${ms(r.completeP99)}`,
  completed: `${r.completed}/${r.accepted}`,
  'peak in flight': '',
});

const settings = await withAdmin(async (c) => (await c.query('show synchronous_commit')).rows[0]);
console.log(
  `bench:engine — ${os.cpus().length} cores, PostgreSQL synchronous_commit=${settings.synchronous_commit}, ` +
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at start`,
);
const baseline = await pgbenchBaseline();
console.log(`baseline: pgbench 3-statement transaction, 8 clients: ${baseline.toFixed(0)} TPS`);

const oneTask = await closedLoop({
  processId: 'bench-one-task',
  jobType: 'bench-work',
  lastElementId: 'task',
  variables: (n) => ({ n }),
  awaitResult: false,
  creators,
  seconds,
  maxInFlightCommands: DEFAULT_MAX_IN_FLIGHT_COMMANDS,
});
rows.push({
  scenario: 'one task',
  limit: String(DEFAULT_MAX_IN_FLIGHT_COMMANDS),
  load: `${creators} creators, ${seconds} s`,
  'instances/s': perSecond(oneTask.instancesPerSecond),
  'tasks/s': perSecond(oneTask.tasksPerSecond),
  refused: String(oneTask.refused),
  'create p50/p99': '',
  'refusal p50/p99': '',
  'create→complete p50/p99': `${ms(oneTask.p50)} / ${ms(oneTask.p99)}`,
  completed: `${oneTask.completed}/${oneTask.created}`,
  'peak in flight': String(oneTask.peakInFlight),
});
console.log(
  `one task: ${oneTask.instancesPerSecond.toFixed(0)} instances/s ` +
    `(${(oneTask.instancesPerSecond / baseline).toFixed(2)} per pgbench transaction; target ≥ 300)`,
);

const tenTasks = await closedLoop({
  processId: 'bench-ten-tasks',
  jobType: 'bench-step',
  lastElementId: 't10',
  variables: (n) => ({ branch: n % 2 === 0 ? 'a' : 'b' }),
  awaitResult: true,
  creators,
  seconds,
  maxInFlightCommands: DEFAULT_MAX_IN_FLIGHT_COMMANDS,
});
rows.push({
  scenario: 'ten tasks',
  limit: String(DEFAULT_MAX_IN_FLIGHT_COMMANDS),
  load: `${creators} creators with result, ${seconds} s`,
  'instances/s': perSecond(tenTasks.instancesPerSecond),
  'tasks/s': perSecond(tenTasks.tasksPerSecond),
  refused: String(tenTasks.refused),
  'create p50/p99': '',
  'refusal p50/p99': '',
  'create→complete p50/p99': `${ms(tenTasks.p50)} / ${ms(tenTasks.p99)}`,
  completed: `${tenTasks.completed}/${tenTasks.created}`,
  'peak in flight': String(tenTasks.peakInFlight),
});

// twice what the engine completed in the one-task run
const rate = Number(process.env.BENCH_OVERLOAD_RATE ?? 2 * oneTask.instancesPerSecond);
const swept: { limit: number; result: OverloadResult }[] = [];
for (const limit of sweep) {
  const result = await overload({ rate, seconds: sweepSeconds, maxInFlightCommands: limit });
  swept.push({ limit, result });
  rows.push(overloadRow('limit sweep', limit, rate, result));
  console.log(`sweep: limit ${limit}: ${result.completedPerSecond.toFixed(0)} instances/s`);
}
// full load without overload must never be refused: the limit has to hold its peak in flight,
// twice over for the peaks that sampling every 10 ms misses
const needed = 2 * Math.max(oneTask.peakInFlight, tenTasks.peakInFlight);
const fits = swept.find((s) => s.limit >= needed);

for (const limit of [DEFAULT_MAX_IN_FLIGHT_COMMANDS, Number.POSITIVE_INFINITY]) {
  const result = await overload({ rate, seconds: overloadSeconds, maxInFlightCommands: limit });
  rows.push(overloadRow('overload', limit, rate, result));
}

console.table(rows);
console.log(
  `limit: full load peaked at ${needed / 2} commands in flight; the smallest swept limit above twice that is ` +
    `${fits?.limit ?? '–'} (overload: ${fits ? perSecond(fits.result.completedPerSecond) : '–'}, ` +
    `create p99 ${fits ? ms(fits.result.createP99) : '–'}); the default is ${DEFAULT_MAX_IN_FLIGHT_COMMANDS}`,
);
console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} at the end (the machine is shared: other work runs beside the bench)`,
);
process.exit(0);
