/**
 * The overload's creators, run as a child process (overload.ts forks it) so that sending
 * hundreds of requests a second does not take the engine's event loop: creations of
 * bench-one-task at a fixed rate for a number of seconds, whether or not the earlier ones were
 * answered (an open loop, like many independent clients). Reports to the parent over IPC.
 *
 * argv: <gateway address> <rate per second> <seconds>
 */
import { Camunda8 } from '@camunda8/sdk';
import { grpcCode, RESOURCE_EXHAUSTED } from './benchWorker';
import { sleep } from './stats';

export interface CreateLoadReport {
  /** when the creations started and stopped (epoch ms) */
  windowStart: number;
  windowEnd: number;
  offered: number;
  refused: number;
  /** how long each refusal took (ms): time spent outside the engine's command queue */
  refusalLatencies: number[];
  /** accepted creations: instance key, sent and answered (epoch ms, sub-ms precision) */
  accepted: { key: string; sentAt: number; answeredAt: number }[];
}

const TICK_MS = 10;
const now = () => performance.timeOrigin + performance.now();

const [address, rateArg, secondsArg] = process.argv.slice(2);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const client = new Camunda8({
  ZEEBE_GRPC_ADDRESS: `grpc://${address}`,
  CAMUNDA_AUTH_STRATEGY: 'NONE',
  zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_RETRY: false },
} as ConstructorParameters<typeof Camunda8>[0]).getZeebeGrpcApiClient();

const windowStart = now();
const windowEnd = windowStart + seconds * 1000;
const report: CreateLoadReport = {
  windowStart,
  windowEnd,
  offered: 0,
  refused: 0,
  refusalLatencies: [],
  accepted: [],
};
const calls: Promise<void>[] = [];
const send = () => {
  const sentAt = now();
  report.offered += 1;
  calls.push(
    client
      .createProcessInstance({ bpmnProcessId: 'bench-one-task', variables: { n: report.offered } })
      .then(
        (instance) => {
          report.accepted.push({ key: instance.processInstanceKey, sentAt, answeredAt: now() });
        },
        (error: unknown) => {
          if (grpcCode(error) !== RESOURCE_EXHAUSTED) throw error;
          report.refused += 1;
          report.refusalLatencies.push(now() - sentAt);
        },
      ),
  );
};

// whole requests per tick; the fraction is carried over, so the rate holds when ticks are late
let due = 0;
let last = windowStart;
while (now() < windowEnd) {
  const tick = now();
  due += ((tick - last) / 1000) * rate;
  last = tick;
  for (; due >= 1; due -= 1) send();
  await sleep(TICK_MS);
}
await Promise.all(calls);
await client.close();
process.send!(report, () => process.exit(0));
