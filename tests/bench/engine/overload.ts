/**
 * Overload: creations arrive at a fixed `rate` per second for `seconds` from a separate process
 * (createLoad.ts, an open loop), well above what the engine completes, while one worker
 * completes the jobs. With backpressure the engine refuses what it cannot take and the accepted
 * requests stay fast; without it every request is queued and waits longer the longer the
 * overload lasts.
 *
 * Throughput counts instances completed during the overload window; latencies are those of
 * accepted requests: create request → response, and create request → task completed.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startBenchEngine } from './benchEngine';
import { startWorker } from './benchWorker';
import type { CreateLoadReport } from './createLoad';
import { percentile, sleep } from './stats';

export interface OverloadOptions {
  rate: number;
  seconds: number;
  maxInFlightCommands: number;
}

export interface OverloadResult {
  offered: number;
  accepted: number;
  refused: number;
  /** instances completed per second during the overload window */
  completedPerSecond: number;
  /** accepted instances completed by the end (after at most 60 s of draining) */
  completed: number;
  createP50: number;
  createP99: number;
  completeP50: number;
  completeP99: number;
  /** how long a refusal took: the part of the latency that is not the engine's queue */
  refusalP50: number;
  refusalP99: number;
}

const now = () => performance.timeOrigin + performance.now();

function runCreateLoad(address: string, rate: number, seconds: number): Promise<CreateLoadReport> {
  return new Promise((resolve, reject) => {
    const child = fork(
      fileURLToPath(new URL('./createLoad.ts', import.meta.url)),
      [address, String(rate), String(seconds)],
      { execArgv: ['--import', 'tsx'] },
    );
    let report: CreateLoadReport | undefined;
    child.on('message', (message) => (report = message as CreateLoadReport));
    child.on('error', reject);
    child.on('exit', (code) =>
      report ? resolve(report) : reject(new Error(`createLoad exited with ${code}`)),
    );
  });
}

export async function overload(options: OverloadOptions): Promise<OverloadResult> {
  const engine = await startBenchEngine(options.maxInFlightCommands);
  try {
    const completedAt = new Map<string, number>();
    const worker = startWorker(engine.client(), 'bench-work', (job) => {
      completedAt.set(job.processInstanceKey, now());
    });
    const load = await runCreateLoad(engine.address, options.rate, options.seconds);
    const drainUntil = now() + 60_000;
    while (completedAt.size < load.accepted.length && now() < drainUntil) await sleep(50);
    await worker.close();

    const completeLatencies: number[] = [];
    let completedInWindow = 0;
    for (const created of load.accepted) {
      const at = completedAt.get(created.key);
      if (at === undefined) continue;
      completeLatencies.push(at - created.sentAt);
      if (at <= load.windowEnd) completedInWindow += 1;
    }
    return {
      offered: load.offered,
      accepted: load.accepted.length,
      refused: load.refused,
      completedPerSecond: completedInWindow / options.seconds,
      completed: completeLatencies.length,
      createP50: percentile(
        load.accepted.map((c) => c.answeredAt - c.sentAt),
        50,
      ),
      createP99: percentile(
        load.accepted.map((c) => c.answeredAt - c.sentAt),
        99,
      ),
      completeP50: percentile(completeLatencies, 50),
      completeP99: percentile(completeLatencies, 99),
      refusalP50: percentile(load.refusalLatencies, 50),
      refusalP99: percentile(load.refusalLatencies, 99),
    };
  } finally {
    await engine.close();
  }
}
