/**
 * The service manifest (`workflows/<service>/service.json`) as the server reads it. The
 * authoritative format is `workflows/service.schema.json`; this reader is deliberately
 * tolerant (unknown keys ignored, a few spellings accepted, texts either `{ de, en }` or one
 * string) so that a manifest still being written does not stop the server: what cannot be
 * understood is reported as a problem of that one service, which is then left out.
 */
import { z } from 'zod';

export interface LocalizedText {
  de: string;
  en: string;
}

export interface ServiceMilestone {
  id: string;
  label: LocalizedText;
}

export interface LifeSituation {
  id: string;
  label: LocalizedText;
}

/** A value an adopting tenant may set; the process reads it as `params.<name>`. */
export interface ServiceParameter {
  type: 'number' | 'string' | 'boolean';
  default: number | string | boolean;
  label: LocalizedText;
  unit?: string | undefined;
}

/** A process of another tenant the service talks to by messages (deployed for that tenant). */
export interface PartnerProcess {
  bpmnProcessId: string;
  tenant: string;
  resources: string[];
}

export interface ServiceManifest {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  lifeSituation: LifeSituation;
  /** Which kind of authority runs the service. */
  authority: 'canton' | 'municipality';
  /** Default fee in Rappen (a tenant's adoption may set its own); null: free. */
  feeCents: number | null;
  /** Expected days from submission to decision; null: not promised. */
  expectedDurationDays: number | null;
  /** File name of the BPMN, or undefined: the only .bpmn of the folder. */
  processFile: string | undefined;
  /** BPMN process id, or undefined: read from the BPMN. */
  bpmnProcessId: string | undefined;
  /** File name or form id of the start form, or undefined: found from the BPMN or the files. */
  startForm: string | undefined;
  milestones: ServiceMilestone[];
  /** The fee's kind as the catalog shows it (free, fixed, from, yearly), and its note. */
  feeKind: string | null;
  feeNote: LocalizedText | null;
  /** Staff groups the processes name (candidate groups); the first is the usual responsible one. */
  groups: { id: string; name: LocalizedText }[];
  parameters: Record<string, ServiceParameter>;
  partnerProcesses: PartnerProcess[];
}

/** Life situations known by id, so a manifest may name one by id only. */
const KNOWN_LIFE_SITUATIONS: Record<string, LocalizedText> = {
  wohnen: { de: 'Wohnen und Umzug', en: 'Housing and moving' },
  umzug: { de: 'Wohnen und Umzug', en: 'Housing and moving' },
  moving: { de: 'Wohnen und Umzug', en: 'Housing and moving' },
  haustiere: { de: 'Haustiere', en: 'Pets' },
  pets: { de: 'Haustiere', en: 'Pets' },
  animals: { de: 'Haustiere', en: 'Pets' },
  bauen: { de: 'Bauen', en: 'Building' },
  building: { de: 'Bauen', en: 'Building' },
  mobilitaet: { de: 'Mobilität und Verkehr', en: 'Mobility and traffic' },
  mobility: { de: 'Mobilität und Verkehr', en: 'Mobility and traffic' },
  dokumente: { de: 'Ausweise und Bestätigungen', en: 'Documents and certificates' },
  documents: { de: 'Ausweise und Bestätigungen', en: 'Documents and certificates' },
  other: { de: 'Weitere Dienstleistungen', en: 'Other services' },
};

export const SERVICE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const text = z.union([
  z.string().min(1),
  z.looseObject({
    de: z.string().min(1).optional(),
    'de-CH': z.string().min(1).optional(),
    en: z.string().min(1).optional(),
  }),
]);

function localized(value: z.infer<typeof text> | undefined): LocalizedText | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return { de: value, en: value };
  const de = value.de ?? value['de-CH'] ?? value.en;
  const en = value.en ?? de;
  return de && en ? { de, en } : undefined;
}

const milestone = z.looseObject({
  id: z.string().min(1).max(64),
  label: text.optional(),
  title: text.optional(),
  name: text.optional(),
});

const lifeSituation = z.union([
  z.string().min(1).max(64),
  z.looseObject({
    id: z.string().min(1).max(64),
    label: text.optional(),
    title: text.optional(),
    de: z.string().optional(),
    en: z.string().optional(),
  }),
]);

const fee = z.union([
  z.number().min(0),
  z.looseObject({
    amount: z.number().min(0).optional(),
    amountChf: z.number().min(0).optional(),
    chf: z.number().min(0).optional(),
    kind: z.string().optional(),
    note: text.optional(),
  }),
  z.null(),
]);

const isoDays = z.string().regex(/^P(\d+)D$/);

const manifestSchema = z.looseObject({
  id: z.string().regex(SERVICE_ID).optional(),
  title: text.optional(),
  name: text.optional(),
  description: text.optional(),
  lifeSituation: lifeSituation.optional(),
  lifeSituations: z.array(lifeSituation).optional(),
  category: lifeSituation.optional(),
  authority: z.string().optional(),
  responsibleAuthority: z.string().optional(),
  authorityKind: z.string().optional(),
  fee: fee.optional(),
  feeChf: z.number().min(0).optional(),
  expectedDurationDays: z.number().int().min(0).optional(),
  durationDays: z.number().int().min(0).optional(),
  expectedDuration: z.union([isoDays, z.number().int().min(0)]).optional(),
  process: z.string().optional(),
  bpmn: z.string().optional(),
  bpmnFile: z.string().optional(),
  bpmnProcessId: z.string().optional(),
  processId: z.string().optional(),
  startForm: z.string().optional(),
  startFormId: z.string().optional(),
  form: z.string().optional(),
  groups: z.array(z.looseObject({ id: z.string().min(1), name: text.optional() })).optional(),
  parameters: z
    .record(
      z.string(),
      z.looseObject({
        type: z.enum(['number', 'string', 'boolean']),
        default: z.union([z.number(), z.string(), z.boolean()]),
        unit: z.string().optional(),
        label: text.optional(),
      }),
    )
    .optional(),
  partnerProcesses: z
    .array(
      z.looseObject({
        bpmnProcessId: z.string().min(1),
        tenant: z.string().min(1),
        resources: z.array(z.string().min(1)),
      }),
    )
    .optional(),
  milestones: z.array(milestone).optional(),
  publicMilestones: z.array(milestone).optional(),
});

export type ManifestResult =
  { ok: true; manifest: ServiceManifest } | { ok: false; problem: string };

/** Reads a parsed service.json of the folder `folderName`. */
export function readManifest(json: unknown, folderName: string): ManifestResult {
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      problem: `service.json: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`,
    };
  }
  const m = parsed.data;
  const id = m.id ?? folderName;
  const title = localized(m.title ?? m.name);
  if (!title) return { ok: false, problem: 'service.json: title (de/en) is missing' };
  const situation = m.lifeSituation ?? m.lifeSituations?.[0] ?? m.category ?? 'other';
  const authorityText = (
    m.authority ??
    m.responsibleAuthority ??
    m.authorityKind ??
    ''
  ).toLowerCase();
  const authority = /kanton|canton/.test(authorityText) ? 'canton' : 'municipality';
  const milestones = (m.milestones ?? m.publicMilestones ?? []).map((entry) => ({
    id: entry.id,
    label: localized(entry.label ?? entry.title ?? entry.name) ?? { de: entry.id, en: entry.id },
  }));
  return {
    ok: true,
    manifest: {
      id,
      title,
      description: localized(m.description) ?? { de: '', en: '' },
      lifeSituation: toLifeSituation(situation),
      authority,
      feeCents: feeCents(m.fee, m.feeChf),
      expectedDurationDays: durationDays(m),
      processFile: m.process ?? m.bpmn ?? m.bpmnFile,
      bpmnProcessId: m.bpmnProcessId ?? m.processId,
      startForm: m.startFormId ?? m.startForm ?? m.form,
      milestones,
      feeKind: m.fee && typeof m.fee === 'object' ? (m.fee.kind ?? null) : null,
      feeNote: m.fee && typeof m.fee === 'object' ? (localized(m.fee.note) ?? null) : null,
      groups: (m.groups ?? []).map((group) => ({
        id: group.id,
        name: localized(group.name) ?? { de: group.id, en: group.id },
      })),
      parameters: Object.fromEntries(
        Object.entries(m.parameters ?? {}).map(([name, parameter]) => [
          name,
          {
            type: parameter.type,
            default: parameter.default,
            unit: parameter.unit,
            label: localized(parameter.label) ?? { de: name, en: name },
          },
        ]),
      ),
      partnerProcesses: (m.partnerProcesses ?? []).map((partner) => ({
        bpmnProcessId: partner.bpmnProcessId,
        tenant: partner.tenant,
        resources: partner.resources,
      })),
    },
  };
}

function toLifeSituation(value: z.infer<typeof lifeSituation>): LifeSituation {
  if (typeof value === 'string') {
    const id = value.toLowerCase();
    return { id, label: KNOWN_LIFE_SITUATIONS[id] ?? { de: value, en: value } };
  }
  const label = localized(value.label ?? value.title) ??
    (value.de || value.en ? localized({ de: value.de, en: value.en }) : undefined) ??
    KNOWN_LIFE_SITUATIONS[value.id.toLowerCase()] ?? { de: value.id, en: value.id };
  return { id: value.id.toLowerCase(), label };
}

function feeCents(value: z.infer<typeof fee> | undefined, chf: number | undefined): number | null {
  if (value && typeof value === 'object' && value.kind === 'free') return 0;
  const amount =
    typeof value === 'number'
      ? value
      : (value?.amountChf ?? value?.amount ?? value?.chf ?? chf ?? undefined);
  return amount === undefined ? null : Math.round(amount * 100);
}

function durationDays(m: z.infer<typeof manifestSchema>): number | null {
  if (m.expectedDurationDays !== undefined) return m.expectedDurationDays;
  if (m.durationDays !== undefined) return m.durationDays;
  if (typeof m.expectedDuration === 'number') return m.expectedDuration;
  if (typeof m.expectedDuration === 'string')
    return Number(/^P(\d+)D$/.exec(m.expectedDuration)?.[1]);
  return null;
}
