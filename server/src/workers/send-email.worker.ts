/**
 * Job type `send-email`: sends an e-mail (through the outbox) to a citizen or clerk.
 * Variables: to, subject, text, html?, caseId?. Completes with { mailId, mailStatus }: `sent`,
 * or `queued` when no SMTP server is configured (the mail waits in the outbox). A failed
 * delivery is retried (retries − 1, with back-off; the outbox row is reused by job key); an
 * invalid address or text is an incident.
 */
import { z } from 'zod';
import type { MailService } from '../mail/mail.service';
import {
  complete,
  idempotencyKeyOf,
  incident,
  outcomeOfError,
  parseVariables,
  retryLater,
  tenantOf,
  type JobHandler,
} from './job';

export const SEND_EMAIL = 'send-email';

const variablesSchema = z.object({
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().optional(),
  caseId: z.string().min(1).optional(),
});

export interface SendEmailDeps {
  mail: MailService;
}

export const sendEmail: JobHandler<SendEmailDeps> = async (job, deps) => {
  const parsed = parseVariables(variablesSchema, job);
  if (!parsed.ok) return parsed.outcome;
  const tenantId = tenantOf(job);
  if (!tenantId) return incident(`${SEND_EMAIL}: the job has no tenant (tenantId)`);
  try {
    const mail = await deps.mail.send({
      ...parsed.value,
      tenantId,
      idempotencyKey: idempotencyKeyOf(job),
    });
    if (mail.status === 'failed') {
      return retryLater(job, `mail ${mail.id} not delivered: ${mail.lastError ?? 'unknown error'}`);
    }
    return complete({ mailId: mail.id, mailStatus: mail.status });
  } catch (error) {
    return outcomeOfError(job, error);
  }
};
