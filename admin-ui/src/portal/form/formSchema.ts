/**
 * Reading a start form's schema (Camunda Forms JSON) for the portal: its texts in the reader's
 * language, its value fields with their data paths (groups with a `path` nest their fields),
 * and the file pickers whose files go as multipart parts named by that path.
 */
import type { Locale } from '../../i18n';
import type { FormComponent, FormSchema } from '../api/portalApi';

const TRANSLATED = ['label', 'description', 'text', 'dateLabel', 'timeLabel'] as const;

/** The schema with the `i18n/<lang>.json` texts applied; German is the schema's own language. */
export function translatedSchema(
  schema: FormSchema,
  texts: Record<string, Record<string, Record<string, unknown>>>,
  locale: Locale,
): FormSchema {
  const own = locale === 'en' ? texts.en : undefined;
  if (!own) return schema;
  const apply = (component: FormComponent): FormComponent => {
    const text = component.id ? own[component.id] : undefined;
    const copy: FormComponent = { ...component };
    if (text) {
      for (const name of TRANSLATED) {
        if (typeof text[name] === 'string') copy[name] = text[name];
      }
      if (typeof text.patternErrorMessage === 'string' && copy.validate) {
        copy.validate = { ...copy.validate, patternErrorMessage: text.patternErrorMessage };
      }
      const values = text.values as Record<string, string> | undefined;
      if (values && copy.values) {
        copy.values = copy.values.map((option) => ({
          ...option,
          label: values[option.value] ?? option.label,
        }));
      }
    }
    if (copy.components) copy.components = copy.components.map(apply);
    return copy;
  };
  return { ...schema, components: schema.components.map(apply) };
}

export interface ValueField {
  component: FormComponent;
  /** Dotted data path, e.g. `applicant.email`. */
  path: string;
  label: string;
  required: boolean;
  /** The labels of the groups around it, outermost first. */
  groups: string[];
}

/** Every field that holds a value, in form order. */
export function valueFields(schema: FormSchema): ValueField[] {
  const fields: ValueField[] = [];
  const walk = (components: FormComponent[], prefix: string[], groups: string[]) => {
    for (const component of components) {
      if (component.components) {
        const path = component.path ? [...prefix, ...component.path.split('.')] : prefix;
        walk(component.components, path, component.label ? [...groups, component.label] : groups);
      } else if (component.key) {
        fields.push({
          component,
          path: [...prefix, ...component.key.split('.')].join('.'),
          label: String(component.label ?? component.dateLabel ?? component.key),
          required: component.validate?.required === true,
          groups,
        });
      }
    }
  };
  walk(schema.components, [], []);
  return fields;
}

export function uploadFields(schema: FormSchema): ValueField[] {
  return valueFields(schema).filter((field) => field.component.type === 'filepicker');
}

export function getPath(data: Record<string, unknown>, path: string): unknown {
  let node: unknown = data;
  for (const part of path.split('.')) {
    node =
      typeof node === 'object' && node !== null
        ? (node as Record<string, unknown>)[part]
        : undefined;
  }
  return node;
}

/** The data as the server takes it: file picker keys left out (the files go as parts). */
export function submittableData(
  schema: FormSchema,
  data: Record<string, unknown>,
  registry: Map<string, File[]>,
): { data: Record<string, unknown>; files: { field: string; file: File }[] } {
  const result = structuredClone(data);
  const files: { field: string; file: File }[] = [];
  for (const picker of uploadFields(schema)) {
    const key = getPath(data, picker.path);
    if (typeof key === 'string') {
      for (const file of registry.get(key) ?? []) files.push({ field: picker.path, file });
    }
    const parts = picker.path.split('.');
    const parent = getPath(result, parts.slice(0, -1).join('.'));
    const target = parts.length === 1 ? result : parent;
    if (typeof target === 'object' && target !== null) {
      delete (target as Record<string, unknown>)[parts[parts.length - 1]!];
    }
  }
  return { data: result, files };
}

/** Server field errors (`data.applicant.email`) by form-js component id. */
export function errorsByComponent(
  schema: FormSchema,
  errors: { field: string; message: string }[],
): Record<string, string[]> {
  const byPath = new Map(valueFields(schema).map((field) => [field.path, field.component.id]));
  const result: Record<string, string[]> = {};
  for (const error of errors) {
    const path = error.field.replace(/^data\./, '');
    const id = byPath.get(path);
    if (id) (result[id] ??= []).push(error.message);
  }
  return result;
}
