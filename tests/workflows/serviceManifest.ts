/**
 * The service manifest (workflows/<service>/service.json) as one zod schema. Its JSON Schema
 * form, workflows/service.schema.json, is what the server loads; it is generated from this
 * schema (`npx tsx tests/workflows/writeServiceSchema.ts`) and a test keeps the two equal.
 */
import { z } from 'zod';

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const text = z.string().regex(/\S/, 'must not be blank');

export const translatedSchema = z
  .strictObject({ de: text, en: text })
  .meta({ id: 'Translated', description: 'German and English text' });

/** A candidate group: a group key of the case's tenant, or `<tenant>:<group key>`. */
export const groupIdSchema = z
  .string()
  .regex(/^(?!citizen$)([a-z0-9][a-z0-9-]{0,30}:)?[a-z0-9][a-z0-9._-]{0,63}$/)
  .meta({
    id: 'GroupId',
    description:
      'Candidate group of user tasks: a group key of the tenant running the case (einwohnerkontrolle), or <tenant>:<group key> for a fixed tenant (kanton:umwelt-und-energie). The group citizen (the applicant) is implicit.',
  });

const parameterSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('number'),
    default: z.number(),
    unit: z.string().optional(),
    label: translatedSchema,
  }),
  z.strictObject({ type: z.literal('string'), default: z.string(), label: translatedSchema }),
  z.strictObject({ type: z.literal('boolean'), default: z.boolean(), label: translatedSchema }),
]);

export const serviceManifestSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(kebab).meta({ description: 'Service id, the name of the folder' }),
    title: translatedSchema,
    description: translatedSchema,
    lifeSituation: z.enum(['moving', 'animals', 'building', 'documents']),
    authority: z
      .enum(['municipality', 'canton'])
      .meta({ description: 'The kind of authority responsible for the service' }),
    fee: z
      .strictObject({
        amountChf: z.number().min(0).meta({ description: 'CHF; for kind from: the lowest amount' }),
        kind: z.enum(['free', 'fixed', 'from', 'yearly']),
        note: translatedSchema.optional(),
      })
      .meta({ description: 'The fee as the service catalog shows it' }),
    expectedDurationDays: z.int().min(1).max(365),
    bpmnProcessId: z.string().regex(kebab),
    startFormId: z.string().regex(kebab),
    milestones: z
      .array(z.strictObject({ id: z.string().regex(kebab), label: translatedSchema }))
      .min(1)
      .meta({
        description:
          'Public milestones in their usual order; a task header portal:milestone=<id> marks the step that reaches one',
      }),
    groups: z
      .array(z.strictObject({ id: groupIdSchema, name: translatedSchema }))
      .meta({ description: 'Every candidate group the processes name' }),
    parameters: z
      .record(z.string().regex(/^[a-z][A-Za-z0-9]*$/), parameterSchema)
      .optional()
      .meta({
        description:
          'Values a tenant adopting the service may change; the process reads them as params.<name>',
      }),
    partnerProcesses: z
      .array(
        z.strictObject({
          bpmnProcessId: z.string().regex(kebab),
          tenant: z.string().regex(/^[a-z0-9][a-z0-9-]{0,30}$/),
          resources: z.array(z.string().regex(/^[a-z0-9-]+\.(bpmn|form|dmn)$/)).min(1),
          startMessage: z.string().regex(kebab),
        }),
      )
      .optional()
      .meta({
        description:
          'Processes of another tenant the service talks to by messages; these resources are deployed for that tenant, not for the adopting one',
      }),
  })
  .superRefine((manifest, ctx) => {
    const duplicates = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
    for (const id of duplicates(manifest.milestones.map((m) => m.id)))
      ctx.addIssue({
        code: 'custom',
        path: ['milestones'],
        message: `milestone ${id} is listed twice`,
      });
    for (const id of duplicates(manifest.groups.map((g) => g.id)))
      ctx.addIssue({ code: 'custom', path: ['groups'], message: `group ${id} is listed twice` });
  })
  .meta({
    title: 'Serviceportal service manifest',
    description:
      'workflows/<service>/service.json: what the service catalog shows and what the server needs to run the service',
  });

export type ServiceManifest = z.output<typeof serviceManifestSchema>;

/** The JSON Schema of the manifest, as stored in workflows/service.schema.json. */
export function manifestJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(serviceManifestSchema, { io: 'input' }),
    $id: 'https://serviceportal.lu.ch/schemas/service.schema.json',
  };
}
