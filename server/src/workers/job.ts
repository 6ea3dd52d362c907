/**
 * What a worker handler sees of a Zeebe job and what it decides. Handlers are pure functions
 * `(job, deps) → JobOutcome`; `zeebeAdapter.ts` turns the outcome into the client's
 * complete / error / fail call. The rule (see STYLE.md):
 *   - complete: done, with output variables;
 *   - bpmnError: a business outcome the diagram models (RESIDENT_NOT_FOUND), caught by an
 *     error event;
 *   - fail with retries − 1 (`retryLater`): a technical fault (database or mail server down)
 *     that may pass; Zeebe retries after a back-off, and raises an incident when none are left;
 *   - fail with retries 0 (`incident`): retrying cannot help (malformed variables, missing
 *     tenant configuration, data the QR-bill standard refuses) — an operator must look.
 */
import type { z } from 'zod';
import { HttpError } from '../http/errors';

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JobVariables = { [key: string]: JsonValue };

export interface WorkerJob {
  key: string;
  type: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  elementId: string;
  /** Retries left, including this attempt. */
  retries: number;
  /** Zeebe tenant id; '<default>' when multi-tenancy is off. */
  tenantId: string;
  variables: Readonly<Record<string, unknown>>;
  customHeaders: Readonly<Record<string, string | number>>;
}

export type JobOutcome =
  | { kind: 'complete'; variables: JobVariables }
  | { kind: 'bpmnError'; errorCode: string; message: string; variables?: JobVariables }
  | { kind: 'fail'; message: string; retries: number; retryBackOffMs?: number };

export type JobHandler<Deps> = (job: WorkerJob, deps: Deps) => Promise<JobOutcome>;

export const RETRY_BACKOFF_MS = 10_000;
const MAX_MESSAGE_LENGTH = 500;

export function complete(variables: JobVariables = {}): JobOutcome {
  return { kind: 'complete', variables };
}

export function bpmnError(
  errorCode: string,
  message: string,
  variables?: JobVariables,
): JobOutcome {
  return { kind: 'bpmnError', errorCode, message, ...(variables ? { variables } : {}) };
}

/** A technical fault: one retry fewer, after a back-off. */
export function retryLater(job: WorkerJob, message: string): JobOutcome {
  return {
    kind: 'fail',
    message: message.slice(0, MAX_MESSAGE_LENGTH),
    retries: Math.max(0, job.retries - 1),
    retryBackOffMs: RETRY_BACKOFF_MS,
  };
}

/** Retrying cannot help: no retries left, an incident for an operator. */
export function incident(message: string): JobOutcome {
  return { kind: 'fail', message: message.slice(0, MAX_MESSAGE_LENGTH), retries: 0 };
}

/**
 * An exception out of a service: a typed client error (ValidationError, InvoiceDataError, …)
 * means the job's data is wrong and becomes an incident; anything else (database, network) is
 * a technical fault and is retried.
 */
export function outcomeOfError(job: WorkerJob, error: unknown): JobOutcome {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof HttpError && error.status < 500) {
    const fields = error.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
    return incident(fields && !message.includes(fields) ? `${message}: ${fields}` : message);
  }
  return retryLater(job, `${job.type} failed: ${message}`);
}

/** The job's variables through one schema; an incident naming each bad variable otherwise. */
export function parseVariables<T extends z.ZodType>(
  schema: T,
  job: WorkerJob,
): { ok: true; value: z.output<T> } | { ok: false; outcome: JobOutcome } {
  const parsed = schema.safeParse(job.variables);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues
    .map((issue) => `${issue.path.map(String).join('.') || '(variables)'}: ${issue.message}`)
    .join('; ');
  return { ok: false, outcome: incident(`invalid variables for ${job.type}: ${problems}`) };
}

/** The tenant of the case: the job's tenant, or the `tenantId` variable when multi-tenancy is off. */
export function tenantOf(job: WorkerJob): string | undefined {
  if (job.tenantId && job.tenantId !== '<default>') return job.tenantId;
  const variable = job.variables.tenantId;
  return typeof variable === 'string' && variable ? variable : undefined;
}

/** The same job key on every retry: stored results are found again instead of made twice. */
export function idempotencyKeyOf(job: WorkerJob): string {
  return `zeebe-job:${job.key}`;
}

export function systemActor(jobType: string) {
  return { type: 'system' as const, id: `worker:${jobType}` };
}
