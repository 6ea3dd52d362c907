/**
 * Keeps the inbox's user task jobs activated: every TASK_LEASE_SWEEP_INTERVAL, each open task
 * whose job deadline is less than half of TASK_JOB_TIMEOUT away gets a fresh timeout
 * (UpdateJobTimeout). A job the engine no longer has (NOT_FOUND: the element was left through
 * a boundary event or the instance was cancelled) cancels its task. Should the server be away
 * past a deadline anyway, the engine makes the job activatable again and the inbox worker
 * activates it anew; the task, found by job key, stays as it was.
 */
import type { Logger } from 'pino';
import type { ZeebeClient } from '../engine/zeebeClient';
import type { TaskStore } from './taskStore';

export interface TaskLeaseOptions {
  timeoutMs: number;
  intervalMs: number;
  logger?: Logger | undefined;
}

const BATCH = 200;
const GRPC_NOT_FOUND = 5;

export class TaskLeaseSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly store: TaskStore,
    private readonly zeebe: Pick<ZeebeClient, 'updateJobTimeout'>,
    private readonly options: TaskLeaseOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running ??= this.sweep()
        .catch((error: unknown) =>
          this.options.logger?.warn({ err: error }, 'task lease sweep failed'),
        )
        .finally(() => (this.running = undefined));
    }, this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Renews every lease due; returns how many were renewed and how many tasks were gone. */
  async sweep(now = new Date()): Promise<{ renewed: number; canceled: number }> {
    const result = { renewed: 0, canceled: 0 };
    const renewBefore = new Date(now.getTime() + this.options.timeoutMs / 2);
    const failed = new Set<string>();
    for (;;) {
      const due = (await this.store.leasesDue(renewBefore, BATCH + failed.size)).filter(
        (task) => !failed.has(task.id),
      );
      if (!due.length || this.stopped) return result;
      for (const task of due) {
        if (this.stopped) return result;
        const outcome = await this.renew(task);
        if (outcome === 'renewed') result.renewed += 1;
        else if (outcome === 'canceled') result.canceled += 1;
        else failed.add(task.id);
      }
    }
  }

  private async renew(task: { id: string; job_key: string }) {
    try {
      const sent = Date.now();
      await this.zeebe.updateJobTimeout({ jobKey: task.job_key, timeout: this.options.timeoutMs });
      await this.store.renewedLease(task.id, new Date(sent + this.options.timeoutMs));
      return 'renewed' as const;
    } catch (error) {
      if ((error as { code?: unknown }).code === GRPC_NOT_FOUND) {
        await this.store.markCanceled(task.id);
        return 'canceled' as const;
      }
      this.options.logger?.warn({ err: error, taskId: task.id }, 'task lease not renewed');
      return 'failed' as const;
    }
  }
}
