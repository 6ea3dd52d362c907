/** The request of `POST /api/portal/tenants/{tenantId}/services/{serviceId}/submissions`. */
import { z } from 'zod';

export const submissionBody = z.strictObject({
  /** Optional when the form has the group `applicant` with `email` (firstName, lastName). */
  applicant: z
    .strictObject({
      email: z.email().max(254).optional(),
      name: z.string().trim().min(1).max(200).optional(),
      language: z.enum(['de', 'en']).optional(),
    })
    .default({}),
  /** The start form's data, keyed as the form's fields. */
  data: z.record(z.string(), z.unknown()).default({}),
});

export type SubmissionBody = z.output<typeof submissionBody>;

/** Printable ASCII, as the IETF Idempotency-Key draft and Stripe use it. */
export const idempotencyKeySchema = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(255)
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

export const portalServiceParams = z.object({
  tenantId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,30}$/),
  serviceId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
});
