/**
 * One ActivateJobs call waiting for jobs (Zeebe's InflightActivateJobsRequest). It is answered
 * once: with one ActivateJobsResponse carrying the jobs and then the end of the stream, or with
 * the bare end of the stream when the long polling timeout passes (or long polling is off), or
 * with an error status.
 */
import type { ServerWritableStream } from '@grpc/grpc-js';
import type { ActivatedJob, ActivateJobsRequest } from '../../api';
import type { GrpcFailure } from '../status';
import type { ActivateJobsRequestMessage } from '../messages';
import { activatedJobMessage, tenantKey } from './activatedJobMessage';

export type ActivateJobsCall = ServerWritableStream<ActivateJobsRequestMessage, unknown>;

/** Node's timers take at most 2^31-1 ms; nobody long-polls for 24 days. */
const MAX_TIMER_MS = 2_147_483_647;

export class LongPoll {
  readonly tenantKey: string;
  private done = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly call: ActivateJobsCall,
    readonly request: ActivateJobsRequest,
    /** false: answer after the first attempt even without jobs (requestTimeout < 0). */
    readonly longPolling: boolean,
  ) {
    this.tenantKey = tenantKey(request.tenantIds);
  }

  get isOpen(): boolean {
    return !this.done && !this.call.cancelled;
  }

  /** Starts the long polling timeout; `onTimeout` runs after the call was answered. */
  startTimer(timeoutMs: number, onTimeout: () => void): void {
    this.timer = setTimeout(
      () => {
        this.finishEmpty();
        onTimeout();
      },
      Math.min(timeoutMs, MAX_TIMER_MS),
    );
  }

  onCancelled(listener: () => void): void {
    this.call.on('cancelled', () => {
      this.close();
      listener();
    });
  }

  /** Sends the jobs; false when the client is gone and the jobs must be made activatable again. */
  deliver(jobs: ActivatedJob[]): boolean {
    if (!this.isOpen) return false;
    this.close();
    this.call.write({ jobs: jobs.map(activatedJobMessage) });
    this.call.end();
    return true;
  }

  finishEmpty(): void {
    if (!this.isOpen) return this.close();
    this.close();
    this.call.end();
  }

  fail(failure: GrpcFailure): void {
    if (!this.isOpen) return this.close();
    this.close();
    this.call.emit('error', failure);
  }

  private close(): void {
    this.done = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
