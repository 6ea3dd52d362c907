/**
 * ActivateJobs (with long polling) and StreamActivatedJobs. Requests are checked here with the
 * broker's and gateway's wording (JobBatchActivateProcessor, StreamJobsHandler); waiting and
 * handing out jobs is the job channel's business (jobs/JobChannel.ts).
 */
import type { handleServerStreamingCall } from '@grpc/grpc-js';
import type { ActivateJobsRequest } from '../../api';
import type { GatewayContext } from '../GatewayContext';
import { GatewayError, RejectionError } from '../GatewayError';
import { JobStream } from '../jobs/JobStream';
import { LongPoll } from '../jobs/LongPoll';
import type { ActivateJobsRequestMessage, StreamActivatedJobsRequestMessage } from '../messages';
import { errorToStatus } from '../status';
import type { TenantPolicy } from '../TenantPolicy';
import { int64ToNumber } from '../unary';

/** Zeebe's gateway long polling timeout, used when a request names none (requestTimeout 0). */
export const DEFAULT_LONG_POLLING_TIMEOUT_MS = 10_000;

export function activateJobs(
  ctx: GatewayContext,
): handleServerStreamingCall<ActivateJobsRequestMessage, unknown> {
  return (call) => {
    try {
      const request = toActivateJobsRequest(call.request, ctx.tenants);
      const requestTimeout = int64ToNumber(call.request.requestTimeout);
      const poll = new LongPoll(call, request, requestTimeout >= 0);
      const timeoutMs = requestTimeout > 0 ? requestTimeout : DEFAULT_LONG_POLLING_TIMEOUT_MS;
      ctx.jobs.forType(request.type).addPoll(poll, timeoutMs);
    } catch (error) {
      call.emit('error', errorToStatus(error, ctx.logger));
    }
  };
}

export function streamActivatedJobs(
  ctx: GatewayContext,
): handleServerStreamingCall<StreamActivatedJobsRequestMessage, unknown> {
  return (call) => {
    try {
      const request = toJobStreamRequest(call.request, ctx.tenants);
      ctx.jobs.forType(request.type).addStream(new JobStream(call, request));
    } catch (error) {
      call.emit('error', errorToStatus(error, ctx.logger));
    }
  };
}

export function toActivateJobsRequest(
  message: ActivateJobsRequestMessage,
  tenants: TenantPolicy,
): ActivateJobsRequest {
  const tenantIds = tenants.tenantIds('ActivateJobs', message.tenantIds);
  const timeout = int64ToNumber(message.timeout);
  const invalid = (reason: string) =>
    new RejectionError({ intent: 'ACTIVATE', type: 'INVALID_ARGUMENT', reason });
  if (message.maxJobsToActivate <= 0) {
    throw invalid(
      `Expected to activate job batch with max jobs to activate to be greater than zero, but it was '${message.maxJobsToActivate}'`,
    );
  }
  if (timeout <= 0) {
    throw invalid(
      `Expected to activate job batch with timeout to be greater than zero, but it was '${message.timeout}'`,
    );
  }
  if (message.type === '') {
    throw invalid('Expected to activate job batch with type to be present, but it was blank');
  }
  return {
    type: message.type,
    worker: message.worker,
    timeout,
    maxJobsToActivate: message.maxJobsToActivate,
    fetchVariable: message.fetchVariable,
    tenantIds,
  };
}

export function toJobStreamRequest(
  message: StreamActivatedJobsRequestMessage,
  tenants: TenantPolicy,
): ActivateJobsRequest {
  const tenantIds = tenants.tenantIds('StreamActivatedJobs', message.tenantIds);
  const timeout = int64ToNumber(message.timeout);
  const invalid = (field: string, expectation: string, actual: string) =>
    GatewayError.invalidArgument(
      `Expected to stream activated jobs with ${field} to be ${expectation}, but it was ${actual}`,
    );
  if (message.type.trim() === '') throw invalid('type', 'present', 'blank');
  if (timeout < 1) throw invalid('timeout', 'greater than zero', message.timeout);
  return {
    type: message.type,
    worker: message.worker,
    timeout,
    maxJobsToActivate: 1,
    fetchVariable: message.fetchVariable,
    tenantIds,
  };
}
