/**
 * Job type `publish-message` (send tasks, message throw and end events): publishes a message
 * for another process instance, e.g. a municipality's building permit asking a cantonal office
 * (`consultation-requested`, tenant `kanton`) and the office's answer coming back.
 * Header `messageName`. Variables: correlationKey, messageId?, targetTenantId?, timeToLive?
 * (ISO 8601 days-time duration such as `P30D`, or milliseconds), messageVariables? (object).
 * Completes with nothing. The message id makes a retry safe: a message the engine already has
 * (ALREADY_EXISTS) counts as published. With multi-tenancy the message goes to `targetTenantId`,
 * else to the job's own tenant; without, there is one engine tenant and no tenant is sent (the
 * receiving instance runs under `<default>` too).
 */
import { z } from 'zod';
import {
  complete,
  incident,
  parseVariables,
  retryLater,
  type JobHandler,
  type JobVariables,
} from './job';

export const PUBLISH_MESSAGE = 'publish-message';

const GRPC_ALREADY_EXISTS = 6;
const GRPC_INVALID_ARGUMENT = 3;

/**
 * `P30D`, `PT12H`, `P1DT2H30M`, `P2W` in milliseconds. Hand-written because message TTLs are
 * days-time durations only (no months or years, whose length depends on a date), which this
 * regex covers; the date libraries in node_modules are not dependencies of the server.
 */
export function durationMs(value: string | number): number | undefined {
  if (typeof value === 'number')
    return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  const match =
    /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?)?$/.exec(
      value.trim(),
    );
  if (!match || value.trim() === 'P' || value.trim().endsWith('T')) return undefined;
  const [, weeks, days, hours, minutes, seconds] = match;
  return Math.round(
    Number(weeks ?? 0) * 604_800_000 +
      Number(days ?? 0) * 86_400_000 +
      Number(hours ?? 0) * 3_600_000 +
      Number(minutes ?? 0) * 60_000 +
      Number(seconds ?? 0) * 1000,
  );
}

const variablesSchema = z.object({
  correlationKey: z.string().min(1).max(1024),
  messageId: z.string().min(1).max(1024).optional(),
  targetTenantId: z.string().min(1).max(64).optional(),
  timeToLive: z.union([z.string(), z.number()]).optional(),
  messageVariables: z.record(z.string(), z.unknown()).nullish(),
});

export interface PublishedMessage {
  name: string;
  correlationKey: string;
  messageId?: string;
  timeToLive: number;
  variables: JobVariables;
  tenantId?: string;
}

export interface PublishMessageDeps {
  /** The Zeebe client's PublishMessage. */
  publish(message: PublishedMessage): Promise<unknown>;
  /** ZEEBE_MULTI_TENANCY: send `targetTenantId` as the message's tenant. */
  multiTenancy: boolean;
}

export const publishMessage: JobHandler<PublishMessageDeps> = async (job, deps) => {
  const name = String(job.customHeaders.messageName ?? '').trim();
  if (!name) return incident(`${PUBLISH_MESSAGE}: the task has no header messageName`);
  const parsed = parseVariables(variablesSchema, job);
  if (!parsed.ok) return parsed.outcome;
  const { correlationKey, messageId, targetTenantId, timeToLive, messageVariables } = parsed.value;
  const ttl = timeToLive === undefined ? 0 : durationMs(timeToLive);
  if (ttl === undefined) {
    return incident(`${PUBLISH_MESSAGE}: timeToLive ${String(timeToLive)} is not a duration`);
  }
  try {
    await deps.publish({
      name,
      correlationKey,
      ...(messageId ? { messageId } : {}),
      timeToLive: ttl,
      // job variables are JSON
      variables: (messageVariables ?? {}) as JobVariables,
      ...(deps.multiTenancy ? { tenantId: targetTenantId ?? job.tenantId } : {}),
    });
    return complete();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === GRPC_ALREADY_EXISTS) return complete();
    const message = error instanceof Error ? error.message : String(error);
    if (code === GRPC_INVALID_ARGUMENT) return incident(`${PUBLISH_MESSAGE}: ${message}`);
    return retryLater(job, `${PUBLISH_MESSAGE} failed: ${message}`);
  }
};
