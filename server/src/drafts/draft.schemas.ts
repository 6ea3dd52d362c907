/** The requests of the draft routes (`draft.routes.ts`). */
import { z } from 'zod';

export const saveDraftBody = z.strictObject({
  tenantId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,30}$/),
  serviceId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  email: z.email().max(254),
  language: z.enum(['de', 'en']).default('de'),
  /** The start form's data as entered so far (not validated: a draft may be incomplete). */
  data: z.record(z.string(), z.unknown()),
});

export type SaveDraftBody = z.output<typeof saveDraftBody>;

/** `Authorization: Bearer <token>`, the token from the mailed link (after `#`). */
export const draftTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
