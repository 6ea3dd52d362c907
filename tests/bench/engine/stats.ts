/** Latency figures of a bench run. */

/**
 * Nearest-rank percentile of unsorted samples in ms (NaN when there are none). Three lines over
 * a sort, so no statistics library for it.
 */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
