/**
 * The service manifests: valid by the zod schema and by workflows/service.schema.json (which
 * the server loads, generated from the zod schema), and true to their folders.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readDmn } from './decisionTable';
import { manifestJsonSchema, serviceManifestSchema } from './serviceManifest';
import { services } from './workflowSuite';
import { WORKFLOWS_DIR } from './workflowFiles';

const jsonSchema = JSON.parse(
  readFileSync(`${WORKFLOWS_DIR}service.schema.json`, 'utf8'),
) as Record<string, unknown>;
const fromJsonSchema = z.fromJSONSchema(jsonSchema as Parameters<typeof z.fromJSONSchema>[0]);

const valid = services.find((service) => service.id === 'residence-certificate')
  ?.manifest as Record<string, unknown>;

/** A valid manifest with one change, and whether the JSON Schema sees the problem too. */
const INVALID: { case: string; change: Record<string, unknown>; jsonSchemaToo: boolean }[] = [
  {
    case: 'the English title is missing',
    change: { title: { de: 'Wohnsitzbestätigung' } },
    jsonSchemaToo: true,
  },
  { case: 'a text is blank', change: { description: { de: ' ', en: 'x' } }, jsonSchemaToo: true },
  {
    case: 'the life situation is unknown',
    change: { lifeSituation: 'holidays' },
    jsonSchemaToo: true,
  },
  {
    case: 'the authority is a federal office',
    change: { authority: 'confederation' },
    jsonSchemaToo: true,
  },
  {
    case: 'the fee is negative',
    change: { fee: { amountChf: -1, kind: 'fixed' } },
    jsonSchemaToo: true,
  },
  {
    case: 'the duration is not whole days',
    change: { expectedDurationDays: 1.5 },
    jsonSchemaToo: true,
  },
  { case: 'there are no milestones', change: { milestones: [] }, jsonSchemaToo: true },
  {
    case: 'a milestone id has capitals',
    change: { milestones: [{ id: 'Issued', label: { de: 'a', en: 'b' } }] },
    jsonSchemaToo: true,
  },
  {
    case: 'the citizen is declared a group',
    change: { groups: [{ id: 'citizen', name: { de: 'a', en: 'b' } }] },
    jsonSchemaToo: true,
  },
  {
    case: 'a group names a tenant badly',
    change: { groups: [{ id: 'Kanton:rawi', name: { de: 'a', en: 'b' } }] },
    jsonSchemaToo: true,
  },
  { case: 'an unknown property is set', change: { owner: 'x' }, jsonSchemaToo: true },
  {
    case: 'a parameter has no default',
    change: { parameters: { fee: { type: 'number', label: { de: 'a', en: 'b' } } } },
    jsonSchemaToo: true,
  },
  {
    case: 'a milestone is listed twice',
    change: {
      milestones: [
        { id: 'issued', label: { de: 'a', en: 'b' } },
        { id: 'issued', label: { de: 'c', en: 'd' } },
      ],
    },
    jsonSchemaToo: false,
  },
];

describe('service manifests', () => {
  it('workflows/service.schema.json is the JSON Schema of the zod schema (npx tsx tests/workflows/writeServiceSchema.ts)', () => {
    expect(jsonSchema).toEqual(JSON.parse(JSON.stringify(manifestJsonSchema())));
  });

  it.each(services)(
    '$id/service.json is valid by the zod schema and by service.schema.json',
    ({ manifest }) => {
      expect(serviceManifestSchema.safeParse(manifest).error?.issues ?? []).toEqual([]);
      expect(fromJsonSchema.safeParse(manifest).error?.issues ?? []).toEqual([]);
    },
  );

  it.each(INVALID)('refuses a manifest where $case', ({ change, jsonSchemaToo }) => {
    // given
    const manifest = { ...valid, ...change };
    // then
    expect(serviceManifestSchema.safeParse(manifest).success).toBe(false);
    expect(fromJsonSchema.safeParse(manifest).success).toBe(!jsonSchemaToo);
  });

  it.each(services)(
    '$id/service.json describes its folder',
    async ({ id, parsedManifest, processes, forms, files }) => {
      const manifest = parsedManifest;
      expect(manifest?.id).toBe(id);
      const own = processes.filter((process) => !process.partner);
      expect(own.map((process) => process.processId)).toContain(manifest?.bpmnProcessId);
      expect(forms.map((form) => form.content.id)).toContain(manifest?.startFormId);
      for (const partner of manifest?.partnerProcesses ?? []) {
        expect(files).toEqual(expect.arrayContaining(partner.resources));
        expect(processes.filter((p) => p.partner).map((p) => p.processId)).toEqual([
          partner.bpmnProcessId,
        ]);
        const start = processes.find((p) => p.processId === partner.bpmnProcessId);
        expect(start?.model.messages.map((m) => m.name)).toContain(partner.startMessage);
      }
    },
  );

  it('process, form and decision ids are unique across all services (they share a tenant)', async () => {
    const processIds = services.flatMap((s) => s.processes.map((p) => p.processId));
    const formIds = services.flatMap((s) => s.forms.map((f) => String(f.content.id)));
    const decisionIds = (
      await Promise.all(services.flatMap((s) => s.dmn.map((file) => readDmn(file.content))))
    ).flatMap((dmn) => [dmn.id, ...dmn.decisions.map((d) => d.decisionId)]);
    const duplicates = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
    expect([...duplicates(processIds), ...duplicates(formIds), ...duplicates(decisionIds)]).toEqual(
      [],
    );
  });
});
