/** CreateProcessInstance (with and without result), CancelProcessInstance, SetVariables. */
import { status } from '@grpc/grpc-js';
import type { CreateProcessInstanceRequest, ProcessInstanceResult, Result } from '../../api';
import { isAwaitResultTimeout } from '../../processing/Engine';
import type { GatewayContext } from '../GatewayContext';
import { GatewayError } from '../GatewayError';
import type {
  CancelProcessInstanceRequestMessage,
  CreateProcessInstanceRequestMessage,
  CreateProcessInstanceWithResultRequestMessage,
  SetVariablesRequestMessage,
} from '../messages';
import { int64ToNumber, unary, unwrap } from '../unary';
import { parseVariables } from '../variables';

/** Zeebe's gateway request timeout, used when CreateProcessInstanceWithResult names none. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

export function createProcessInstance(ctx: GatewayContext) {
  return unary<CreateProcessInstanceRequestMessage, unknown>(ctx, async (request) => {
    const created = unwrap(
      await ctx.engine.createProcessInstance(
        toCreateRequest(ctx, 'CreateProcessInstance', request),
      ),
    );
    return { ...created };
  });
}

export function createProcessInstanceWithResult(ctx: GatewayContext) {
  return unary<CreateProcessInstanceWithResultRequestMessage, unknown>(ctx, async (request) => {
    const createRequest = toCreateRequest(
      ctx,
      'CreateProcessInstanceWithResult',
      request.request ?? emptyCreateRequest(),
    );
    const requestTimeout = int64ToNumber(request.requestTimeout);
    const timeoutMs = requestTimeout > 0 ? requestTimeout : DEFAULT_REQUEST_TIMEOUT_MS;
    const result = await withTimeout(
      ctx,
      timeoutMs,
      ctx.engine.createProcessInstanceWithResult(createRequest, {
        // a little longer than the gateway's own deadline, so the client sees DEADLINE_EXCEEDED
        requestTimeout: timeoutMs + 1_000,
        fetchVariables: request.fetchVariables,
      }),
    );
    if (!result.ok && isAwaitResultTimeout(result.rejection)) {
      throw new GatewayError(status.DEADLINE_EXCEEDED, result.rejection.reason);
    }
    const completed = unwrap(result);
    return {
      processDefinitionKey: completed.processDefinitionKey,
      bpmnProcessId: completed.bpmnProcessId,
      version: completed.version,
      processInstanceKey: completed.processInstanceKey,
      variables: JSON.stringify(completed.variables),
      tenantId: completed.tenantId,
    };
  });
}

export function cancelProcessInstance(ctx: GatewayContext) {
  return unary<CancelProcessInstanceRequestMessage, unknown>(ctx, async (request) => {
    unwrap(await ctx.engine.cancelProcessInstance(request.processInstanceKey));
    return {};
  });
}

export function setVariables(ctx: GatewayContext) {
  return unary<SetVariablesRequestMessage, unknown>(ctx, async (request) => {
    const variables = parseVariables(request.variables);
    const { key } = unwrap(
      await ctx.engine.setVariables(request.elementInstanceKey, variables, request.local),
    );
    return { key };
  });
}

function toCreateRequest(
  ctx: GatewayContext,
  command: string,
  request: CreateProcessInstanceRequestMessage,
): CreateProcessInstanceRequest {
  const tenantId = ctx.tenants.tenantId(command, request.tenantId);
  const variables = parseVariables(request.variables);
  // as in Zeebe's CreateProcessInstanceProcessor: a given BPMN process id wins over the key
  const definition =
    request.bpmnProcessId !== ''
      ? { bpmnProcessId: request.bpmnProcessId, version: request.version }
      : { processDefinitionKey: request.processDefinitionKey };
  return {
    ...definition,
    variables,
    startInstructions: request.startInstructions.map(({ elementId }) => ({ elementId })),
    tenantId,
    ...(request.operationReference !== undefined
      ? { operationReference: request.operationReference }
      : {}),
  };
}

function emptyCreateRequest(): CreateProcessInstanceRequestMessage {
  return {
    processDefinitionKey: '0',
    bpmnProcessId: '',
    version: -1,
    variables: '',
    startInstructions: [],
    tenantId: '',
  };
}

/**
 * The gateway's own deadline for a result: DEADLINE_EXCEEDED with Zeebe's wording when the
 * instance does not complete in time, UNAVAILABLE when the gateway shuts down meanwhile (the
 * client may retry against the restarted engine).
 */
async function withTimeout(
  ctx: GatewayContext,
  timeoutMs: number,
  pending: Promise<Result<ProcessInstanceResult>>,
): Promise<Result<ProcessInstanceResult>> {
  let timer: NodeJS.Timeout | undefined;
  let onShutdown: (() => void) | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new GatewayError(
            status.DEADLINE_EXCEEDED,
            `Time out between gateway and broker: Request CreateProcessInstanceWithResult timed out in ${isoDuration(timeoutMs)}`,
          ),
        ),
      timeoutMs,
    );
    onShutdown = () => reject(new GatewayError(status.UNAVAILABLE, 'The gateway is shutting down'));
    ctx.shutdown.addEventListener('abort', onShutdown, { once: true });
  });
  try {
    return await Promise.race([pending, deadline]);
  } finally {
    clearTimeout(timer);
    if (onShutdown) ctx.shutdown.removeEventListener('abort', onShutdown);
  }
}

/** A duration the way Java prints it (Duration#toString): PT15S, PT0.5S, PT1M30S. */
export function isoDuration(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = (ms % 60_000) / 1000;
  if (ms === 0) return 'PT0S';
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
}
