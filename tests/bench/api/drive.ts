/**
 * One autocannon run, with the latency of every response kept so that any percentile (p95 as
 * well as autocannon's own p50/p99) can be told, and the answers counted by status.
 */
import autocannon, { type Options } from 'autocannon';

export interface DriveResult {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<string, number>;
  errors: number;
}

export async function drive(name: string, options: Options): Promise<DriveResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const instance = autocannon(options);
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    name,
    requestsPerSecond: latencies.length / result.duration,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    statuses,
    errors: result.errors + result.timeouts,
  };
}

export function row(result: DriveResult): Record<string, string> {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return {
    scenario: result.name,
    'requests/s': result.requestsPerSecond.toFixed(0),
    p50: ms(result.p50),
    p95: ms(result.p95),
    p99: ms(result.p99),
    answers: Object.entries(result.statuses)
      .map(([status, count]) => `${status}×${count}`)
      .join(' '),
    errors: String(result.errors),
  };
}
