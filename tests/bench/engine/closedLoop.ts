/**
 * Throughput: `creators` concurrent creators start instances in a loop for `seconds` while one
 * worker (its own connection) completes the jobs; then the instances still running may finish
 * (at most 15 s). Instances/s and tasks/s count what completed over the whole time.
 *
 * - `awaitResult: false`: CreateProcessInstance; the next creation follows at once, so work
 *   piles up when creation outpaces completion. Latency: create request → last task completed.
 * - `awaitResult: true`: CreateProcessInstanceWithResult; a creator waits for its instance to
 *   complete. Latency: the call's duration.
 */
import { setMaxListeners } from 'node:events';
import { startBenchEngine } from './benchEngine';
import { grpcCode, RESOURCE_EXHAUSTED, startWorker } from './benchWorker';
import { percentile, sleep } from './stats';

export interface ClosedLoopOptions {
  processId: string;
  jobType: string;
  /** The last task of the process: its completion completes the instance. */
  lastElementId: string;
  variables(n: number): Record<string, string | number>;
  awaitResult: boolean;
  creators: number;
  seconds: number;
  maxInFlightCommands: number;
}

export interface ClosedLoopResult {
  created: number;
  completed: number;
  refused: number;
  instancesPerSecond: number;
  tasksPerSecond: number;
  p50: number;
  p99: number;
  /** the most commands in flight in the engine, sampled every 10 ms */
  peakInFlight: number;
}

export async function closedLoop(options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const engine = await startBenchEngine(options.maxInFlightCommands);
  try {
    const creatorClient = engine.client();
    // the SDK adds an abort listener per CreateProcessInstanceWithResult call to one signal
    setMaxListeners(2 * options.creators);
    const createdAt = new Map<string, number>();
    const latencies: number[] = [];
    let completed = 0;
    let tasks = 0;
    const worker = startWorker(engine.client(), options.jobType, (job) => {
      tasks += 1;
      if (options.awaitResult || job.elementId !== options.lastElementId) return;
      completed += 1;
      const started = createdAt.get(job.processInstanceKey);
      if (started !== undefined) {
        latencies.push(job.at - started);
        createdAt.delete(job.processInstanceKey);
      }
    });

    let created = 0;
    const start = async (started: number) => {
      const request = { bpmnProcessId: options.processId, variables: options.variables(created) };
      if (options.awaitResult) {
        await creatorClient.createProcessInstanceWithResult({
          ...request,
          requestTimeout: 120_000,
        });
        created += 1;
        completed += 1;
        latencies.push(performance.now() - started);
      } else {
        const instance = await creatorClient.createProcessInstance(request);
        created += 1;
        createdAt.set(instance.processInstanceKey, started);
      }
    };

    let peakInFlight = 0;
    const sampler = setInterval(() => {
      peakInFlight = Math.max(peakInFlight, engine.inFlight());
    }, 10);
    const runStarted = performance.now();
    const until = runStarted + options.seconds * 1000;
    let refused = 0;
    const creator = async () => {
      while (performance.now() < until) {
        try {
          await start(performance.now());
        } catch (error) {
          if (grpcCode(error) !== RESOURCE_EXHAUSTED) throw error;
          refused += 1;
          await sleep(10); // a client backs off before it tries again
        }
      }
    };
    await Promise.all(Array.from({ length: options.creators }, creator));
    const drainUntil = performance.now() + 15_000;
    while (completed < created && performance.now() < drainUntil) await sleep(50);
    const elapsed = (performance.now() - runStarted) / 1000;
    clearInterval(sampler);
    await worker.close();
    return {
      created,
      completed,
      refused,
      instancesPerSecond: completed / elapsed,
      tasksPerSecond: tasks / elapsed,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      peakInFlight,
    };
  } finally {
    await engine.close();
  }
}
