/**
 * Hands out the jobs of one job type to the clients waiting for them: open job streams first
 * (round robin), then long-polling ActivateJobs calls in the order they arrived, so several
 * pollers of one type are served fairly. It activates only when told that jobs may be there —
 * a client arrived, or the engine signalled `onJobsAvailable` — never by polling the database.
 *
 * Activation attempts of one type run one after the other (`pump`); a signal during a pass
 * makes the pass run again, so no signal is lost between an empty attempt and the wait.
 */
import type { Logger } from 'pino';
import { BackpressureError, type ActivatedJob, type EngineApi } from '../../api';
import { RejectionError } from '../GatewayError';
import { errorToStatus } from '../status';
import type { JobStream } from './JobStream';
import type { LongPoll } from './LongPoll';

/** Jobs pushed to one stream per turn before the next stream gets its turn. */
const STREAM_BATCH = 16;
/** How long to wait before pushing again after the engine reported backpressure. */
const STREAM_RETRY_MS = 1_000;
const NOT_SENT_MESSAGE = 'Failed to send activated jobs to client';

export class JobChannel {
  private readonly polls: LongPoll[] = [];
  private readonly streams: JobStream[] = [];
  private readonly unsubscribe: () => void;
  private running: Promise<void> | undefined;
  private again = false;
  private streamCursor = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    readonly type: string,
    private readonly engine: EngineApi,
    private readonly logger: Logger,
    private readonly onIdle: (channel: JobChannel) => void,
  ) {
    this.unsubscribe = engine.onJobsAvailable(type, () => this.signal());
  }

  get isIdle(): boolean {
    return this.polls.length === 0 && this.streams.length === 0 && !this.running;
  }

  addPoll(poll: LongPoll, timeoutMs: number): void {
    this.polls.push(poll);
    poll.onCancelled(() => this.remove(this.polls, poll));
    if (poll.longPolling) poll.startTimer(timeoutMs, () => this.remove(this.polls, poll));
    this.signal();
  }

  addStream(stream: JobStream): void {
    this.streams.push(stream);
    stream.open();
    stream.onClosed(() => this.remove(this.streams, stream));
    this.signal();
  }

  /** Jobs may have become activatable: run a pass (or another one after the current). */
  signal(): void {
    if (this.closed) return;
    this.again = true;
    this.running ??= this.pump().finally(() => this.afterPump());
  }

  /** Answers every waiting call (pollers get an empty answer, streams end) and stops. */
  async close(): Promise<void> {
    this.closed = true;
    for (const poll of this.polls.splice(0)) poll.finishEmpty();
    for (const stream of this.streams.splice(0)) stream.end();
    await this.running;
    this.dispose();
  }

  private async pump(): Promise<void> {
    // never activate inside the engine's notification: continue after it returned
    await Promise.resolve();
    while (this.again && !this.closed) {
      this.again = false;
      // tenant sets for which this pass already found nothing to activate
      const exhausted = new Set<string>();
      await this.serveStreams(exhausted);
      await this.servePolls(exhausted);
    }
  }

  private async serveStreams(exhausted: Set<string>): Promise<void> {
    const streams = [...this.streams];
    const start = this.streamCursor++ % Math.max(streams.length, 1);
    for (let i = 0; i < streams.length && !this.closed; i++) {
      const stream = streams[(start + i) % streams.length];
      if (!stream?.isReady || exhausted.has(stream.tenantKey)) continue;
      let jobs: ActivatedJob[];
      try {
        const result = await this.engine.activateJobs({
          ...stream.request,
          maxJobsToActivate: STREAM_BATCH,
        });
        if (!result.ok) {
          stream.fail(errorToStatus(new RejectionError(result.rejection), this.logger));
          this.remove(this.streams, stream);
          continue;
        }
        jobs = result.value;
      } catch (error) {
        if (!(error instanceof BackpressureError)) {
          this.logger.error(
            { err: error, type: this.type },
            'Failed to activate jobs for a job stream',
          );
        }
        this.retryLater();
        continue;
      }
      if (jobs.length === 0) {
        exhausted.add(stream.tenantKey);
        continue;
      }
      if (!stream.push(jobs, () => this.signal())) this.reactivate(jobs);
      if (jobs.length === STREAM_BATCH) this.again = true;
    }
  }

  private async servePolls(exhausted: Set<string>): Promise<void> {
    for (const poll of [...this.polls]) {
      if (this.closed) return;
      if (!poll.isOpen) {
        this.remove(this.polls, poll);
        continue;
      }
      if (exhausted.has(poll.tenantKey)) {
        if (!poll.longPolling) this.finish(poll);
        continue;
      }
      let jobs: ActivatedJob[];
      try {
        const result = await this.engine.activateJobs(poll.request);
        if (!result.ok) throw new RejectionError(result.rejection);
        jobs = result.value;
      } catch (error) {
        poll.fail(errorToStatus(error, this.logger));
        this.remove(this.polls, poll);
        continue;
      }
      if (jobs.length > 0) {
        if (!poll.deliver(jobs)) this.reactivate(jobs);
        this.remove(this.polls, poll);
      } else {
        exhausted.add(poll.tenantKey);
        if (!poll.longPolling) this.finish(poll);
      }
    }
  }

  private afterPump(): void {
    this.running = undefined;
    // a signal that came after the last pass's check still needs its pass
    if (this.again && !this.closed) this.signal();
    else if (this.isIdle) this.dispose();
  }

  private finish(poll: LongPoll): void {
    poll.finishEmpty();
    this.remove(this.polls, poll);
  }

  /**
   * The client left between activation and delivery: fail the jobs without using up a retry
   * and without backoff, so another worker gets them at once (as Zeebe's gateway does).
   */
  private reactivate(jobs: ActivatedJob[]): void {
    for (const job of jobs) {
      this.engine
        .failJob(job.key, {
          retries: job.retries,
          errorMessage: NOT_SENT_MESSAGE,
          retryBackOff: 0,
          variables: {},
        })
        .then((result) => {
          if (!result.ok)
            this.logger.info(
              { jobKey: job.key, rejection: result.rejection },
              'Failed to reactivate job',
            );
        })
        .catch((error: unknown) =>
          this.logger.warn({ err: error, jobKey: job.key }, 'Failed to reactivate job'),
        );
    }
  }

  private retryLater(): void {
    if (this.retryTimer || this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.signal();
    }, STREAM_RETRY_MS);
  }

  private remove<T>(list: T[], item: T): void {
    const index = list.indexOf(item);
    if (index >= 0) list.splice(index, 1);
    if (this.isIdle) this.dispose();
  }

  private dispose(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.unsubscribe();
    this.onIdle(this);
  }
}
