/**
 * The models' FEEL run on the engine's FEEL with one realistic case per service (samples.ts):
 * every expression evaluates without failure or warning, every job gets the variables its
 * worker expects (in German and in English), the conditions decide as intended, and the start
 * forms accept the sample and refuse malformed input as form-js validates it in the portal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  evaluateArray,
  evaluateDateTime,
  evaluateStringList,
  resetFeelClock,
  setFeelClock,
} from '../../engine/src/feel';
import { runExpression } from '../../engine/src/feel/evaluate';
import { importForm } from './formJs';
import { MESSAGE_VARIABLES } from './processContracts';
import { CONSULTATION_SAMPLE, SAMPLES, SERVER_START } from './samples';
import { processes, serviceOf, services } from './workflowSuite';
import type { ProcessUnderTest } from './workflowSuite';

beforeAll(() => setFeelClock(() => new Date('2026-03-02T09:00:00Z')));
afterAll(() => resetFeelClock());

function variablesOf(process: ProcessUnderTest, language: 'de' | 'en'): Record<string, unknown> {
  if (process.partner) return { ...CONSULTATION_SAMPLE };
  const sample = SAMPLES[process.service];
  if (!sample) throw new Error(`no sample for ${process.service}`);
  return { ...SERVER_START, language, ...sample.submission, ...sample.later };
}

function evaluate(feel: string, variables: Record<string, unknown>) {
  const result = runExpression(feel, variables);
  if (!result.ok) throw new Error(result.message);
  return result;
}

const text = z
  .string()
  .min(1)
  .refine((s) => !s.includes('null'), 'contains "null"');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** What each worker reads (server/src/workers/*.worker.ts), as the job's input mappings give it. */
const WORKER_INPUTS: Record<string, z.ZodType> = {
  'send-email': z.strictObject({ to: z.email(), subject: text.max(200), text: text.max(10_000) }),
  'generate-document': z.strictObject({
    title: text.max(200),
    paragraphs: z.array(text.max(5000)).min(1).max(100),
    recipient: z
      .strictObject({ name: text.max(200), addressLines: z.array(text.max(200)).max(5) })
      .optional(),
  }),
  'create-invoice': z.strictObject({
    amount: z.number().positive(),
    description: text.max(140),
    debtor: z.strictObject({
      name: text,
      street: text,
      buildingNumber: z.string().optional(),
      postalCode: text,
      city: text,
      country: z.literal('CH'),
    }),
  }),
  'register-lookup': z.strictObject({ firstName: text, lastName: text, birthDate: isoDate }),
  'publish-message': z.strictObject({
    correlationKey: text,
    messageId: text,
    targetTenantId: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    timeToLive: z.string().regex(/^P(\d+D|T\d+[HMS])$/),
    messageVariables: z.record(z.string(), z.unknown()),
  }),
};

const jobs = processes.flatMap((process) =>
  process.model.jobs.map((job) => ({ ...job, process, service: process.service })),
);

describe('expressions on a sample case', () => {
  it.each(processes)(
    '$service/$processId: every expression evaluates without failure or warning',
    (process) => {
      for (const language of ['de', 'en'] as const) {
        const variables = variablesOf(process, language);
        const problems = process.model.expressions.flatMap(({ elementId, role, feel }) => {
          const result = runExpression(feel, variables);
          if (!result.ok) return [`${elementId} (${role}): ${result.message}`];
          return result.warnings.map((w) => `${elementId} (${role}): ${w.message}`);
        });
        expect(problems).toEqual([]);
      }
    },
  );

  it.each(processes)('$service/$processId: conditions evaluate to a boolean', (process) => {
    const variables = variablesOf(process, 'de');
    for (const { elementId, feel } of process.model.conditions) {
      expect(typeof evaluate(feel, variables).value, elementId).toBe('boolean');
    }
  });

  it.each(processes)(
    '$service/$processId: groups, due dates and collections have the type Zeebe requires',
    (process) => {
      // Zeebe wants a list of strings for candidate groups, a date-time for a due date and a
      // list for a multi-instance input collection; anything else is an incident at run time
      const typed = {
        candidateGroups: evaluateStringList,
        dueDate: evaluateDateTime,
        inputCollection: evaluateArray,
      } as const;
      const variables = variablesOf(process, 'de');
      const problems = process.model.expressions.flatMap(({ elementId, role, feel }) => {
        const evaluator = typed[role as keyof typeof typed];
        if (!evaluator) return [];
        const result = evaluator(`=${feel}`, variables);
        return result.ok ? [] : [`${elementId} (${role}): ${result.message}`];
      });
      expect(problems).toEqual([]);
    },
  );

  it.each(jobs)(
    '$service: $elementId gives $type what it reads, in German and English',
    ({ type, inputs, process, headers }) => {
      // given
      const schema = WORKER_INPUTS[type];
      expect(schema, `a contract for ${type}`).toBeDefined();
      const mapped = (language: 'de' | 'en') =>
        Object.fromEntries(
          Object.entries(inputs).map(([target, source]) => [
            target,
            evaluate(source.replace(/^=/, ''), variablesOf(process, language)).value,
          ]),
        );
      // when
      const de = mapped('de');
      const en = mapped('en');
      // then the worker accepts both
      expect(schema?.safeParse(de).error?.issues ?? []).toEqual([]);
      expect(schema?.safeParse(en).error?.issues ?? []).toEqual([]);
      // and an e-mail is whole, down to its closing (an unbracketed if-else would cut it short)
      if (type === 'send-email') {
        expect(de.text).toMatch(/\n\nFreundliche Grüsse\n[^\n]+$/);
        expect(en.text).toMatch(/\n\nKind regards\n[^\n]+$/);
      }
      // and the texts are translated
      for (const key of ['subject', 'text', 'title', 'paragraphs', 'description']) {
        if (key in de && !process.partner) expect(en[key], key).not.toEqual(de[key]);
      }
      // and a message carries what its receivers read
      if (type === 'publish-message') {
        const expected = MESSAGE_VARIABLES[headers.messageName ?? ''];
        expect(expected, `message ${headers.messageName}`).toBeDefined();
        const payload = de.messageVariables as Record<string, unknown>;
        expect(Object.keys(payload).sort()).toEqual(Object.keys(expected ?? {}).sort());
        for (const [name, entries] of Object.entries(expected ?? {})) {
          if (entries !== '*' && entries.length > 0)
            expect(Object.keys(payload[name] as object).sort(), name).toEqual([...entries].sort());
        }
      }
    },
  );
});

describe('conditions', () => {
  const LATE =
    processes
      .find((p) => p.processId === 'change-of-address')
      ?.model.conditions.find((c) => c.elementId === 'flow-late')?.feel ?? '';
  it.each([
    { moveDate: '2026-02-01', submittedOn: '2026-02-15', late: false },
    { moveDate: '2026-02-01', submittedOn: '2026-02-16', late: true },
    { moveDate: '2025-12-24', submittedOn: '2026-03-02', late: true },
    { moveDate: '2026-03-31', submittedOn: '2026-03-02', late: false },
  ])('a move on $moveDate reported on $submittedOn is late: $late', ({ late, ...variables }) => {
    expect(evaluate(LATE, variables).value).toBe(late);
  });

  const PROOF =
    processes
      .find((p) => p.processId === 'dog-registration')
      ?.model.conditions.find((c) => c.elementId === 'flow-proof-attached')?.feel ?? '';
  it.each([
    { case: 'one document', insuranceProof: ['doc-1'], attached: true },
    { case: 'an empty list', insuranceProof: [], attached: false },
    { case: 'null', insuranceProof: null, attached: false },
  ])(
    'insurance proof given as $case counts as attached: $attached',
    ({ insuranceProof, attached }) => {
      expect(evaluate(PROOF, { insuranceProof }).value).toBe(attached);
    },
  );

  it('insurance proof left out counts as not attached', () => {
    expect(runExpression(PROOF, {})).toMatchObject({ ok: true, value: false });
  });
});

describe('start forms validate input as the portal will', () => {
  it.each(services)(
    '$id: the sample submission passes its start form',
    async ({ id, forms: ofService, parsedManifest }) => {
      // given
      const start = ofService.find((form) => form.content.id === parsedManifest?.startFormId);
      const form = await importForm(start?.content);
      const submission = SAMPLES[id]?.submission ?? {};
      // when every submitted value is validated by its field
      const values: [string, unknown][] = [];
      const walk = (prefix: string, value: unknown) => {
        if (form.valuePaths.has(prefix)) values.push([prefix, value]);
        else if (Array.isArray(value)) value.forEach((item) => walk(prefix, item));
        else if (value && typeof value === 'object')
          Object.entries(value).forEach(([k, v]) => walk(prefix ? `${prefix}.${k}` : k, v));
        else values.push([prefix, value]);
      };
      walk('', submission);
      // then every value belongs to a field and is valid
      const problems = values.flatMap(([path, value]) =>
        form.valuePaths.has(path)
          ? form.validate(path, value).map((m) => `${path}: ${m}`)
          : [`${path}: no such field`],
      );
      expect(problems).toEqual([]);
      form.destroy();
    },
  );

  const fieldCases = [
    {
      service: 'dog-registration',
      path: 'dog.microchipNumber',
      value: '756098100123456',
      valid: true,
    },
    {
      service: 'dog-registration',
      path: 'dog.microchipNumber',
      value: '75609810012345',
      valid: false,
    },
    {
      service: 'dog-registration',
      path: 'dog.microchipNumber',
      value: '7560981001234567',
      valid: false,
    },
    {
      service: 'dog-registration',
      path: 'dog.microchipNumber',
      value: '75609810012345A',
      valid: false,
    },
    { service: 'parking-permit', path: 'licencePlate', value: 'LU 123456', valid: true },
    { service: 'parking-permit', path: 'licencePlate', value: 'ZH1', valid: true },
    { service: 'parking-permit', path: 'licencePlate', value: 'LU 1234567', valid: false },
    { service: 'parking-permit', path: 'licencePlate', value: 'LU 012345', valid: false },
    { service: 'parking-permit', path: 'licencePlate', value: 'lu 123456', valid: false },
    { service: 'parking-permit', path: 'licencePlate', value: 'XY 123', valid: false },
    { service: 'change-of-address', path: 'newAddress.postalCode', value: '6003', valid: true },
    { service: 'change-of-address', path: 'newAddress.postalCode', value: '0600', valid: false },
    { service: 'change-of-address', path: 'newAddress.postalCode', value: '600', valid: false },
    { service: 'change-of-address', path: 'newAddress.country', value: 'Schweiz', valid: false },
    { service: 'building-permit', path: 'buildingCosts', value: -5, valid: false },
    { service: 'dog-registration', path: 'dogsInHousehold', value: 0, valid: false },
  ];
  it.each(fieldCases)(
    '$service: $path = $value is valid: $valid',
    async ({ service, path, value, valid }) => {
      const start = serviceOf(service).forms.find(
        (form) => form.content.id === serviceOf(service).parsedManifest?.startFormId,
      );
      const form = await importForm(start?.content);
      expect(form.validate(path, value).length === 0).toBe(valid);
      form.destroy();
    },
  );
});
