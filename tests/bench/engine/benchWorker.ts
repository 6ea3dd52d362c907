/** The bench's job worker: completes every job of a type at once and reports each completion. */
import type { ZeebeClient } from './benchEngine';

export interface CompletedJob {
  processInstanceKey: string;
  elementId: string;
  /** performance.now() when the completion was acknowledged. */
  at: number;
}

export function startWorker(
  client: ZeebeClient,
  taskType: string,
  onCompleted: (job: CompletedJob) => void,
): { close(): Promise<void> } {
  const worker = client.createWorker({
    taskType,
    maxJobsToActivate: 256,
    timeout: 60_000,
    pollInterval: 10,
    taskHandler: async (job) => {
      const ack = await job.complete();
      onCompleted({
        processInstanceKey: job.processInstanceKey,
        elementId: job.elementId,
        at: performance.now(),
      });
      return ack;
    },
  });
  return {
    close: async () => {
      await worker.close();
    },
  };
}

/** The gRPC status code of a failed call (RESOURCE_EXHAUSTED is 8), or undefined. */
export function grpcCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

export const RESOURCE_EXHAUSTED = 8;
