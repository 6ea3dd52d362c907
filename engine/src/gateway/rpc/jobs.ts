/** Commands on one job: CompleteJob, FailJob, ThrowError, UpdateJobRetries, UpdateJobTimeout. */
import type { GatewayContext } from '../GatewayContext';
import type {
  CompleteJobRequestMessage,
  FailJobRequestMessage,
  ThrowErrorRequestMessage,
  UpdateJobRetriesRequestMessage,
  UpdateJobTimeoutRequestMessage,
} from '../messages';
import { int64ToNumber, unary, unwrap } from '../unary';
import { parseVariables } from '../variables';

export function completeJob(ctx: GatewayContext) {
  return unary<CompleteJobRequestMessage, unknown>(ctx, async (request) => {
    const variables = parseVariables(request.variables);
    unwrap(await ctx.engine.completeJob(request.jobKey, variables));
    return {};
  });
}

export function failJob(ctx: GatewayContext) {
  return unary<FailJobRequestMessage, unknown>(ctx, async (request) => {
    const variables = parseVariables(request.variables);
    unwrap(
      await ctx.engine.failJob(request.jobKey, {
        retries: request.retries,
        errorMessage: request.errorMessage,
        retryBackOff: int64ToNumber(request.retryBackOff),
        variables,
      }),
    );
    return {};
  });
}

export function throwError(ctx: GatewayContext) {
  return unary<ThrowErrorRequestMessage, unknown>(ctx, async (request) => {
    const variables = parseVariables(request.variables);
    unwrap(
      await ctx.engine.throwError(request.jobKey, {
        errorCode: request.errorCode,
        errorMessage: request.errorMessage,
        variables,
      }),
    );
    return {};
  });
}

export function updateJobRetries(ctx: GatewayContext) {
  return unary<UpdateJobRetriesRequestMessage, unknown>(ctx, async (request) => {
    unwrap(await ctx.engine.updateJobRetries(request.jobKey, request.retries));
    return {};
  });
}

export function updateJobTimeout(ctx: GatewayContext) {
  return unary<UpdateJobTimeoutRequestMessage, unknown>(ctx, async (request) => {
    unwrap(await ctx.engine.updateJobTimeout(request.jobKey, int64ToNumber(request.timeout)));
    return {};
  });
}
