/**
 * Loads the service catalog from WORKFLOWS_DIR: one folder per service with `service.json`,
 * its `.bpmn` files (the main process is the manifest's `bpmnProcessId`; those listed under
 * `partnerProcesses` are marked for their tenant), `.form` files, `.dmn` tables and the start
 * form's translations from `i18n/<lang>.json`. Parsing is its own stage: every folder
 * becomes a `LoadedService` or a problem naming the folder; a broken folder never stops the
 * others (the models may be half-written while the server runs in development).
 *
 * The start form is, in this order: the manifest's `startForm` (file name or form id), the
 * form linked from the BPMN's none start event (`zeebe:formDefinition formId`), the only
 * `.form` of the folder, or a `.form` whose name contains `start`.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { attachFormTexts } from './formValidator';
import { readManifest, SERVICE_ID, type ServiceManifest } from './serviceManifest';

export interface ServiceResource {
  name: string;
  content: Buffer;
  kind: 'process' | 'form' | 'decision';
  /** Set for a partner process's resource: deployed for that tenant (with multi-tenancy). */
  partnerTenant?: string | undefined;
}

/** A form-js schema (Camunda Forms JSON); only what the server reads is typed. */
export interface FormSchema {
  id?: string;
  type?: string;
  components: FormComponent[];
  [key: string]: unknown;
}

export interface FormComponent {
  type: string;
  id?: string;
  key?: string;
  path?: string;
  label?: string;
  components?: FormComponent[];
  [key: string]: unknown;
}

export interface LoadedService {
  id: string;
  manifest: ServiceManifest;
  bpmnProcessId: string;
  startForm: FormSchema | null;
  /** `i18n/<lang>.json` texts of the start form by component id (the portal translates with them). */
  startFormTexts: Record<string, unknown>;
  /** Everything deployed to the engine: the BPMN, its forms and decisions. */
  resources: ServiceResource[];
  /** SHA-256 over the resources: a changed file means a new deployment. */
  checksum: string;
}

export interface CatalogProblem {
  folder: string;
  problem: string;
}

export interface LoadedCatalog {
  services: LoadedService[];
  problems: CatalogProblem[];
}

export function loadCatalog(directory: string): LoadedCatalog {
  const services: LoadedService[] = [];
  const problems: CatalogProblem[] = [];
  let folders: string[];
  try {
    folders = fs
      .readdirSync(directory, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return { services, problems: [{ folder: directory, problem: 'cannot read the folder' }] };
  }
  const seen = new Set<string>();
  for (const folder of folders) {
    const result = loadService(path.join(directory, folder), folder);
    if (!result.ok) {
      problems.push({ folder, problem: result.problem });
    } else if (seen.has(result.service.id)) {
      problems.push({ folder, problem: `service id "${result.service.id}" is used twice` });
    } else {
      seen.add(result.service.id);
      services.push(result.service);
    }
  }
  return { services, problems };
}

type ServiceResult = { ok: true; service: LoadedService } | { ok: false; problem: string };

export function loadService(folderPath: string, folder: string): ServiceResult {
  const files = fs.readdirSync(folderPath).sort();
  if (!files.includes('service.json')) return { ok: false, problem: 'no service.json' };
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(path.join(folderPath, 'service.json'), 'utf8'));
  } catch {
    return { ok: false, problem: 'service.json is not valid JSON' };
  }
  const read = readManifest(json, folder);
  if (!read.ok) return read;
  const manifest = read.manifest;
  if (!SERVICE_ID.test(manifest.id))
    return { ok: false, problem: `invalid service id "${manifest.id}"` };

  const partnerOf = new Map<string, string>();
  for (const partner of manifest.partnerProcesses) {
    for (const resource of partner.resources) partnerOf.set(resource, partner.tenant);
  }
  const bpmns = files
    .filter((name) => name.endsWith('.bpmn'))
    .map((name) => {
      const content = fs.readFileSync(path.join(folderPath, name));
      const text = content.toString('utf8');
      return { name, content, text, processId: executableProcessId(text) };
    });
  const own = bpmns.filter((b) => !partnerOf.has(b.name));
  const main =
    (manifest.processFile ? bpmns.find((b) => b.name === manifest.processFile) : undefined) ??
    (manifest.bpmnProcessId
      ? bpmns.find((b) => b.processId === manifest.bpmnProcessId)
      : undefined) ??
    (own.length === 1 ? own[0] : undefined);
  if (!main) {
    return {
      ok: false,
      problem: bpmns.length
        ? 'cannot tell the main .bpmn (set bpmnProcessId in service.json)'
        : 'no .bpmn file',
    };
  }
  const bpmnProcessId = manifest.bpmnProcessId ?? main.processId;
  if (!bpmnProcessId) return { ok: false, problem: `${main.name}: no executable process` };

  const resources: ServiceResource[] = bpmns.map((b) => ({
    name: b.name,
    content: b.content,
    kind: 'process' as const,
    partnerTenant: partnerOf.get(b.name),
  }));
  const forms: { name: string; schema: FormSchema }[] = [];
  for (const name of files.filter((file) => file.endsWith('.form'))) {
    const content = fs.readFileSync(path.join(folderPath, name));
    const schema = parseForm(content);
    if (!schema) return { ok: false, problem: `${name}: not a form-js schema` };
    forms.push({ name, schema });
    resources.push({ name, content, kind: 'form', partnerTenant: partnerOf.get(name) });
  }
  for (const name of files.filter((file) => file.endsWith('.dmn'))) {
    resources.push({
      name,
      content: fs.readFileSync(path.join(folderPath, name)),
      kind: 'decision',
      partnerTenant: partnerOf.get(name),
    });
  }
  const startForm = pickStartForm(manifest, forms, startFormId(main.text));
  const startFormTexts = startForm?.id ? formTexts(folderPath, startForm.id) : {};
  if (startForm) attachFormTexts(startForm, startFormTexts);
  return {
    ok: true,
    service: {
      id: manifest.id,
      manifest,
      bpmnProcessId,
      startForm,
      startFormTexts,
      resources,
      checksum: checksumOf(resources),
    },
  };
}

/** The id of the first executable process (Zeebe deploys every process; we start this one). */
function executableProcessId(bpmn: string): string | undefined {
  const processes = [...bpmn.matchAll(/<(?:[\w-]+:)?process\b([^>]*)>/g)].map((m) => m[1] ?? '');
  const executable = processes.find((attrs) => /isExecutable="true"/.test(attrs)) ?? processes[0];
  return executable ? /\bid="([^"]+)"/.exec(executable)?.[1] : undefined;
}

/** The form id linked from the none start event, if any. */
function startFormId(bpmn: string): string | undefined {
  const start = /<(?:[\w-]+:)?startEvent\b[^>]*>([\s\S]*?)<\/(?:[\w-]+:)?startEvent>/.exec(bpmn);
  return start ? /formId="([^"]+)"/.exec(start[1] ?? '')?.[1] : undefined;
}

/** `{ en: { <component id>: { label, … } } }` from `i18n/<lang>.json` (`forms.<form id>`). */
function formTexts(folderPath: string, formId: string): Record<string, unknown> {
  const texts: Record<string, unknown> = {};
  let files: string[] = [];
  try {
    files = fs.readdirSync(path.join(folderPath, 'i18n')).filter((name) => name.endsWith('.json'));
  } catch {
    return texts;
  }
  for (const file of files) {
    try {
      const json = JSON.parse(fs.readFileSync(path.join(folderPath, 'i18n', file), 'utf8')) as {
        forms?: Record<string, unknown>;
      };
      const forForm = json.forms?.[formId];
      if (forForm) texts[file.replace(/\.json$/, '')] = forForm;
    } catch {
      // a broken translation file leaves the form in German
    }
  }
  return texts;
}

function parseForm(content: Buffer): FormSchema | undefined {
  try {
    const json = JSON.parse(content.toString('utf8')) as unknown;
    if (json && typeof json === 'object' && Array.isArray((json as FormSchema).components)) {
      return json as FormSchema;
    }
  } catch {
    // reported by the caller
  }
  return undefined;
}

function pickStartForm(
  manifest: ServiceManifest,
  forms: { name: string; schema: FormSchema }[],
  linkedId: string | undefined,
): FormSchema | null {
  const wanted = manifest.startForm;
  const byName = (name: string) => forms.find((form) => form.name === name);
  const byId = (id: string) => forms.find((form) => form.schema.id === id);
  const found =
    (wanted ? (byName(wanted) ?? byId(wanted)) : undefined) ??
    (linkedId ? byId(linkedId) : undefined) ??
    (forms.length === 1 ? forms[0] : undefined) ??
    forms.find((form) => /start/i.test(form.name));
  return found?.schema ?? null;
}

/** SHA-256 over the resources' names and bytes: a changed file means a new deployment. */
export function checksumOf(resources: readonly ServiceResource[]): string {
  const hash = createHash('sha256');
  for (const resource of [...resources].sort((a, b) => a.name.localeCompare(b.name))) {
    hash.update(resource.name).update('\0').update(resource.content).update('\0');
  }
  return hash.digest('hex');
}
