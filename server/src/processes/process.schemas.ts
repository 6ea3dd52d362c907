/** One zod schema per request of the process library (see `process.routes.ts`). */
import { z } from 'zod';
import { SERVICE_ID } from '../services/serviceManifest';
import { idList, listQuerySchema } from '../staff/simpleRest';

export const PROCESS_SORT_FIELDS = ['id', 'title', 'latestVersion', 'deployedAt'] as const;

const serviceId = z.string().regex(SERVICE_ID);

export const serviceIdParam = serviceId;

export const listProcessesQuery = listQuerySchema(
  PROCESS_SORT_FIELDS,
  z.strictObject({
    q: z.string().max(100).optional(),
    id: idList(serviceId).optional(),
  }),
);

/** A BPMN diagram is rarely above 200 KB; the JSON body limit (1 MB) caps the whole draft. */
export const MAX_RESOURCE_CHARS = 900_000;

export const resourceName = z
  .string()
  .max(200)
  .regex(/^[\w.-]+\.(bpmn|form|dmn)$/, 'must be a .bpmn, .form or .dmn file name');

export const saveDraftBody = z.strictObject({
  /** The revision this save replaces: 0 for a new draft. */
  revision: z.number().int().min(0),
  resources: z
    .array(z.strictObject({ name: resourceName, content: z.string().max(MAX_RESOURCE_CHARS) }))
    .min(1)
    .max(50)
    .refine((list) => new Set(list.map((r) => r.name)).size === list.length, {
      message: 'names a file twice',
    }),
});

export const deployBody = z.strictObject({
  comment: z.string().trim().min(1).max(500),
  /** The draft revision to deploy (what the designer saw). */
  revision: z.number().int().min(1),
  /** Deploy even though another version was deployed after the draft was started. */
  overwrite: z.boolean().optional(),
});

export type SaveDraftBody = z.output<typeof saveDraftBody>;
export type DeployBody = z.output<typeof deployBody>;
