/**
 * form-js (the viewer the portal renders forms with, installed in server/) in Node. Its bundle
 * touches two browser globals while loading (a KeyboardEvent constant and a <form> element for
 * its HTML sanitiser); with those stubbed, and the renderer replaced by a no-op, importing a
 * schema runs form-js's own Importer: unknown component types, duplicate ids and keys, and
 * clashing binding paths are rejected as they are in the browser. Its Validator checks a value
 * against a field's validate rules (required, pattern, min/max, email, …). Nothing is rendered.
 */
import { createRequire } from 'node:module';
import { camundaBuiltins } from '@camunda/feel-builtins';

export interface FormField {
  id: string;
  type: string;
  key?: string;
  [property: string]: unknown;
}

interface FormJsForm {
  importSchema(schema: unknown, data?: unknown): Promise<{ warnings: unknown[] }>;
  get(service: 'formFieldRegistry'): { getAll(): FormField[] };
  get(service: 'validator'): { validateField(field: FormField, value: unknown): string[] };
  get(service: 'pathRegistry'): { getValuePath(field: FormField): string[] | undefined };
  destroy(): void;
}

interface FormJsModule {
  Form: new (options: { additionalModules: object[] }) => FormJsForm;
  schemaVersion: number;
}

let formJs: FormJsModule | undefined;

function load(): FormJsModule {
  if (formJs) return formJs;
  const globals = globalThis as Record<string, unknown>;
  globals.KeyboardEvent ??= class KeyboardEvent {};
  globals.document ??= { createElement: () => ({ classList: { add() {}, remove() {} } }) };
  // the CommonJS build: the ESM build imports lodash paths Node cannot resolve
  const require = createRequire(new URL('../../server/package.json', import.meta.url));
  formJs = require('@bpmn-io/form-js-viewer') as FormJsModule;
  return formJs;
}

export interface ImportedForm {
  fields: FormField[];
  /** The data path of each keyed field ('dog.microchipNumber'), as form-js binds it. */
  valuePaths: Map<string, FormField>;
  /** form-js's validation messages for a value of the field at this data path. */
  validate(valuePath: string, value: unknown): string[];
  destroy(): void;
}

/** Imports a schema as form-js does; rejects with form-js's error for an invalid one. */
export async function importForm(schema: unknown): Promise<ImportedForm> {
  const { Form } = load();
  const form = new Form({ additionalModules: [{ renderer: ['value', {}] }] });
  await form.importSchema(schema);
  const fields = form.get('formFieldRegistry').getAll();
  const validator = form.get('validator');
  const paths = form.get('pathRegistry');
  const valuePaths = new Map<string, FormField>();
  for (const field of fields) {
    const valuePath = field.key === undefined ? undefined : paths.getValuePath(field);
    if (valuePath) valuePaths.set(valuePath.join('.'), field);
  }
  return {
    fields,
    valuePaths,
    validate(valuePath, value) {
      const field = valuePaths.get(valuePath);
      if (!field) throw new Error(`the form has no field at ${valuePath}`);
      return validator.validateField(field, value);
    },
    destroy: () => form.destroy(),
  };
}

/** The newest schema version this form-js understands. */
export function formJsSchemaVersion(): number {
  return load().schemaVersion;
}

interface FormJsVariables {
  getSchemaVariables(schema: unknown, options: { inputs?: boolean; outputs?: boolean }): string[];
}

const BUILTIN_NAMES = new Set(camundaBuiltins.map((builtin) => builtin.name));

/**
 * The variables a form reads (expressions, templates, options sources), root names only;
 * form-js lists the FEEL functions called too, which are left out here.
 */
export function formInputVariables(schema: unknown): string[] {
  const { getSchemaVariables } = load() as unknown as FormJsVariables;
  const names = getSchemaVariables(schema, { inputs: true, outputs: false });
  return [...new Set(names)].filter((name) => !BUILTIN_NAMES.has(name)).sort();
}
