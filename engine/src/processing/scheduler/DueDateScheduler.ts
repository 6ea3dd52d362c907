/**
 * Writes the commands for what falls due: TIMER TRIGGER, JOB TIME_OUT, JOB RECUR_AFTER_BACKOFF
 * and MESSAGE EXPIRE. It wakes at the earliest due instant, whenever the clock is moved, and
 * after every batch — so what fell due while the engine was down fires right after start.
 * A due item is submitted once; processing it removes it from the state (exactly once).
 */
import type { Result } from '../../api';
import type { Clock } from '../../clock';
import type { EngineState } from '../../state/EngineState';
import type { QueuedCommand } from '../StreamProcessor';
import { jobValueOf } from '../bpmn/behavior/BpmnJobBehavior';

/** Re-check at least this often (the clock may be moved without notification). */
const MAX_SLEEP_MS = 60_000;
/** A due item whose command failed with an exception is retried after this long. */
const RETRY_AFTER_ERROR_MS = 30_000;

export class DueDateScheduler {
  private timer: NodeJS.Timeout | undefined;
  private wakeAt = Number.POSITIVE_INFINITY;
  private readonly submitted = new Set<string>();
  private readonly failed = new Map<string, number>();
  private unsubscribeClock: (() => void) | undefined;
  private stopped = true;

  constructor(
    private readonly state: EngineState,
    private readonly clock: Clock,
    private readonly submit: (command: QueuedCommand) => Promise<Result<unknown>>,
  ) {}

  start(): void {
    this.stopped = false;
    this.unsubscribeClock = this.clock.onChange(() => this.check());
    this.check();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribeClock?.();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Submits what is due now and sleeps until the next due instant. */
  check(): void {
    if (this.stopped) return;
    const now = this.clock.now();
    const { timers, jobs, messages } = this.state;
    for (const key of timers.due.dueAt(now)) {
      const timer = timers.get(key);
      if (timer)
        this.fire(`timer:${key}`, now, {
          key,
          valueType: 'TIMER',
          intent: 'TRIGGER',
          value: { ...timer },
        });
    }
    for (const key of jobs.deadlines.dueAt(now)) {
      const job = jobs.get(key);
      if (job)
        this.fire(`deadline:${key}`, now, {
          key,
          valueType: 'JOB',
          intent: 'TIME_OUT',
          value: jobValueOf(job),
        });
    }
    for (const key of jobs.backoffs.dueAt(now)) {
      const job = jobs.get(key);
      if (job)
        this.fire(`backoff:${key}`, now, {
          key,
          valueType: 'JOB',
          intent: 'RECUR_AFTER_BACKOFF',
          value: jobValueOf(job),
        });
    }
    for (const key of messages.deadlines.dueAt(now)) {
      const message = messages.get(key);
      if (message)
        this.fire(`message:${key}`, now, {
          key,
          valueType: 'MESSAGE',
          intent: 'EXPIRE',
          value: { ...message },
        });
    }
    this.sleep(now);
  }

  private fire(id: string, now: number, command: QueuedCommand): void {
    if (this.submitted.has(id)) return;
    const failedAt = this.failed.get(id);
    if (failedAt !== undefined && now - failedAt < RETRY_AFTER_ERROR_MS) return;
    this.submitted.add(id);
    void this.submit(command).then((result) => {
      this.submitted.delete(id);
      if (!result.ok && result.rejection.type === 'PROCESSING_ERROR')
        this.failed.set(id, this.clock.now());
      else this.failed.delete(id);
    });
  }

  private sleep(now: number): void {
    const { timers, jobs, messages } = this.state;
    const candidates = [
      timers.due.next(),
      jobs.deadlines.next(),
      jobs.backoffs.next(),
      messages.deadlines.next(),
    ];
    let next = now + MAX_SLEEP_MS;
    for (const due of candidates) if (due !== undefined && due > now && due < next) next = due;
    if (this.timer && next >= this.wakeAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.wakeAt = next;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.wakeAt = Number.POSITIVE_INFINITY;
        this.check();
      },
      Math.max(0, next - now),
    );
    this.timer.unref();
  }
}
