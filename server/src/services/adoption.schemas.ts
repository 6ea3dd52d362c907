/**
 * Request schemas of `/api/admin/service-adoptions` (ra-data-simple-rest). The create body is
 * strict; the update body ignores unknown keys (react-admin sends the whole record back).
 */
import { z } from 'zod';
import { groupKeySchema } from '../staff/staff.schemas';
import { idList, listQuerySchema } from '../staff/simpleRest';
import { tenantIdSchema } from '../tenants/tenant.service';
import { SERVICE_ID } from './serviceManifest';

const emptyAsNull = (value: unknown) => (value === '' ? null : value);

const localTexts = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().min(1).max(4000).optional(),
  notice: z.string().trim().min(1).max(4000).optional(),
});

export const adoptionTextsSchema = z.strictObject({
  de: localTexts.optional(),
  en: localTexts.optional(),
});

const fields = {
  enabled: z.boolean(),
  /** CHF in Rappen; null: the manifest's fee. */
  feeCents: z.preprocess(emptyAsNull, z.number().int().min(0).max(10_000_000).nullable()),
  responsibleGroup: z.preprocess(emptyAsNull, groupKeySchema.nullable()),
  contactEmail: z.preprocess(
    emptyAsNull,
    z.string().trim().toLowerCase().max(254).pipe(z.email()).nullable(),
  ),
  contactPhone: z.preprocess(
    emptyAsNull,
    z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{6,40}$/, 'must be a phone number')
      .nullable(),
  ),
  texts: adoptionTextsSchema,
  /** Values for the manifest's `parameters` (checked against their types by the service). */
  parameters: z.record(
    z.string().regex(/^[a-z][A-Za-z0-9]*$/),
    z.union([z.number(), z.string().max(1000), z.boolean()]),
  ),
};

export const serviceIdSchema = z.string().regex(SERVICE_ID, 'must be a service id');

export const createAdoptionBody = z.strictObject({
  tenantId: tenantIdSchema,
  serviceId: serviceIdSchema,
  enabled: fields.enabled.default(true),
  feeCents: fields.feeCents.default(null),
  responsibleGroup: fields.responsibleGroup.default(null),
  contactEmail: fields.contactEmail.default(null),
  contactPhone: fields.contactPhone.default(null),
  texts: fields.texts.default({}),
  parameters: fields.parameters.default({}),
});

export const updateAdoptionBody = z.object({
  enabled: fields.enabled.optional(),
  feeCents: fields.feeCents.optional(),
  responsibleGroup: fields.responsibleGroup.optional(),
  contactEmail: fields.contactEmail.optional(),
  contactPhone: fields.contactPhone.optional(),
  texts: fields.texts.optional(),
  parameters: fields.parameters.optional(),
});

export const ADOPTION_SORT_FIELDS = ['serviceId', 'tenantId', 'enabled', 'updatedAt'] as const;
export type AdoptionSortField = (typeof ADOPTION_SORT_FIELDS)[number];

export const adoptionFilterSchema = z.strictObject({
  tenantId: tenantIdSchema.optional(),
  serviceId: serviceIdSchema.optional(),
  enabled: z.boolean().optional(),
  id: idList(z.string().uuid()).optional(),
});
export type AdoptionFilter = z.output<typeof adoptionFilterSchema>;

export const listAdoptionsQuery = listQuerySchema(ADOPTION_SORT_FIELDS, adoptionFilterSchema);

export const adoptionIdSchema = z.string().uuid();
