/**
 * One StreamActivatedJobs call: jobs are activated for it and pushed as single ActivatedJob
 * messages for as long as the client keeps the stream open (Zeebe's job push).
 */
import { Metadata, type ServerWritableStream } from '@grpc/grpc-js';
import type { ActivatedJob, ActivateJobsRequest } from '../../api';
import type { StreamActivatedJobsRequestMessage } from '../messages';
import type { GrpcFailure } from '../status';
import { activatedJobMessage, tenantKey } from './activatedJobMessage';

export type StreamActivatedJobsCall = ServerWritableStream<
  StreamActivatedJobsRequestMessage,
  unknown
>;

export class JobStream {
  readonly tenantKey: string;
  private done = false;
  private blocked = false;

  constructor(
    private readonly call: StreamActivatedJobsCall,
    /** The activation properties; maxJobsToActivate is the batch size of one push. */
    readonly request: ActivateJobsRequest,
  ) {
    this.tenantKey = tenantKey(request.tenantIds);
  }

  get isOpen(): boolean {
    return !this.done && !this.call.cancelled && !this.call.destroyed;
  }

  /** Open, and the client reads fast enough to take more jobs. */
  get isReady(): boolean {
    return this.isOpen && !this.blocked;
  }

  /** Sends the response headers at once, so the client knows the stream is open. */
  open(): void {
    this.call.sendMetadata(new Metadata());
  }

  onClosed(listener: () => void): void {
    const closed = () => {
      this.done = true;
      listener();
    };
    this.call.on('cancelled', closed);
    this.call.on('close', closed);
  }

  /** Pushes the jobs; false when the client is gone and the jobs must be made activatable again. */
  push(jobs: ActivatedJob[], onReadyAgain: () => void): boolean {
    if (!this.isOpen) return false;
    let writable = true;
    for (const job of jobs) writable = this.call.write(activatedJobMessage(job));
    if (!writable) {
      this.blocked = true;
      this.call.once('drain', () => {
        this.blocked = false;
        onReadyAgain();
      });
    }
    return true;
  }

  end(): void {
    if (!this.isOpen) return;
    this.done = true;
    this.call.end();
  }

  fail(failure: GrpcFailure): void {
    if (!this.isOpen) return;
    this.done = true;
    this.call.emit('error', failure);
  }
}
