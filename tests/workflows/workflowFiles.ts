/**
 * The deployable artefacts in workflows/, one entry per service folder: its manifest, BPMN,
 * forms, DMN and English labels, read once per test file.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WORKFLOWS_DIR = fileURLToPath(new URL('../../workflows/', import.meta.url));

export interface Resource<T = string> {
  /** File name inside the service folder, e.g. dog-registration.bpmn. */
  name: string;
  content: T;
}

export interface FormSchema {
  id?: unknown;
  type?: unknown;
  components?: unknown;
  [property: string]: unknown;
}

export interface ServiceFolder {
  id: string;
  dir: string;
  manifest: unknown;
  bpmn: Resource[];
  forms: Resource<FormSchema>[];
  dmn: Resource[];
  /** i18n/en.json, or undefined when the folder has none. */
  en: unknown;
  /** Every file name, i18n/ files as i18n/<name>. */
  files: string[];
}

function read(dir: string, name: string): string {
  return readFileSync(path.join(dir, name), 'utf8');
}

export function serviceFolders(): ServiceFolder[] {
  return readdirSync(WORKFLOWS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((id) => {
      const dir = path.join(WORKFLOWS_DIR, id);
      const names = readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name)
        .sort();
      const i18n = readdirSync(dir).includes('i18n')
        ? readdirSync(path.join(dir, 'i18n')).sort()
        : [];
      const ofKind = (extension: string) => names.filter((name) => name.endsWith(extension));
      return {
        id,
        dir,
        manifest: JSON.parse(read(dir, 'service.json')) as unknown,
        bpmn: ofKind('.bpmn').map((name) => ({ name, content: read(dir, name) })),
        forms: ofKind('.form').map((name) => ({
          name,
          content: JSON.parse(read(dir, name)) as FormSchema,
        })),
        dmn: ofKind('.dmn').map((name) => ({ name, content: read(dir, name) })),
        en: i18n.includes('en.json')
          ? (JSON.parse(read(dir, 'i18n/en.json')) as unknown)
          : undefined,
        files: [...names, ...i18n.map((name) => `i18n/${name}`)],
      };
    });
}
