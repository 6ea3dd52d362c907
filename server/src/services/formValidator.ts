/**
 * Validates submitted data against a form-js schema (Camunda Forms JSON) with the rules the
 * form-js viewer enforces in the browser, so browser and server agree: required, minLength /
 * maxLength (of the trimmed text), pattern, validationType email / phone, min / max, number
 * decimalDigits and increment, options of radio / select / checklist / taglist, date and time
 * formats of datetime fields, and `conditional.hide` (a hidden field is neither validated nor
 * kept). FEEL in `min`, `max`, `minLength`, `maxLength` and `conditional.hide` is evaluated
 * with feelin against the submitted data, as form-js does.
 *
 * Why not form-js's own `Validator`: @bpmn-io/form-js-viewer cannot be loaded in Node (its
 * ESM build imports `lodash/isEqual` without an extension, its CJS build touches
 * `KeyboardEvent` at load time), and its Validator is a DI service of a rendered `Form`
 * (form field registry, expression language, condition checker). The rules below mirror
 * `runPresetValidation` / `runNumberValidation` of form-js-viewer 1.23 and its EMAIL_PATTERN.
 *
 * Beyond form-js, the server also checks types (text is a string, a number a number, a
 * checkbox a boolean) and refuses keys the form does not define, since the data become
 * process variables.
 */
import { evaluate } from 'feelin';
import type { FieldError } from '../http/errors';
import { translate, type Locale, type MessageKey } from '../http/messages';
import type { FormComponent, FormSchema } from './catalog.loader';

export type FormData = Record<string, unknown>;

export type FormValidation = { ok: true; data: FormData } | { ok: false; errors: FieldError[] };

/** form-js-viewer's EMAIL_PATTERN. */
const EMAIL_PATTERN =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
/** form-js-viewer's PHONE_PATTERN (international numbers by country code). */
// prettier-ignore
const PHONE_PATTERN =
  /(\+|00)(297|93|244|1264|358|355|376|971|54|374|1684|1268|61|43|994|257|32|229|226|880|359|973|1242|387|590|375|501|1441|591|55|1246|673|975|267|236|1|61|41|56|86|225|237|243|242|682|57|269|238|506|53|5999|61|1345|357|420|49|253|1767|45|1809|1829|1849|213|593|20|291|212|34|372|251|358|679|500|33|298|691|241|44|995|44|233|350|224|590|220|245|240|30|1473|299|502|594|1671|592|852|504|385|509|36|62|44|91|246|353|98|964|354|972|39|1876|44|962|81|76|77|254|996|855|686|1869|82|383|965|856|961|231|218|1758|423|94|266|370|352|371|853|590|212|377|373|261|960|52|692|389|223|356|95|382|976|1670|258|222|1664|596|230|265|60|262|264|687|227|672|234|505|683|31|47|977|674|64|968|92|507|64|51|63|680|675|48|1787|1939|850|351|595|970|689|974|262|40|7|250|966|249|221|65|500|4779|677|232|503|378|252|508|381|211|239|597|421|386|46|268|1721|248|963|1649|235|228|66|992|690|993|670|676|1868|216|90|688|886|255|256|380|598|1|998|3906698|379|1784|58|1284|1340|84|678|681|685|967|27|260|263)(9[976]\d|8[987530]\d|6[987]\d|5[90]\d|42\d|3[875]\d|2[98654321]\d|9[8543210]|8[6421]|6[6543210]|5[87654321]|4[987654310]|3[9643210]|2[70]|7|1)\d{4,20}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(Z|[+-]\d{2}:?\d{2})?$/;

const VALUE_TYPES = new Set([
  'textfield',
  'textarea',
  'number',
  'checkbox',
  'checklist',
  'radio',
  'select',
  'taglist',
  'datetime',
  'filepicker',
]);

interface Validate {
  required?: boolean;
  minLength?: unknown;
  maxLength?: unknown;
  min?: unknown;
  max?: unknown;
  pattern?: string;
  patternErrorMessage?: string;
  validationType?: 'email' | 'phone' | 'custom';
}

/**
 * The translations of a form (`i18n/<lang>.json` of its service: by language, then component
 * id), attached by the catalog loader; a form's own texts are German. They give the custom
 * `patternErrorMessage` in the caller's language.
 */
const formTexts = new WeakMap<FormSchema, Record<string, unknown>>();

export function attachFormTexts(schema: FormSchema, texts: Record<string, unknown>): void {
  formTexts.set(schema, texts);
}

class Run {
  readonly errors: FieldError[] = [];
  readonly data: FormData = {};
  readonly used = new Set<string>();

  constructor(
    readonly input: FormData,
    readonly locale: Locale,
    /** Translations of this form in the caller's language, by component id. */
    readonly texts: Record<string, unknown> = {},
    /** Variables the form was shown with (a task's), which its FEEL also reads. */
    readonly variables: FormData = {},
  ) {}

  /** The component's custom pattern message in the caller's language, else the form's. */
  patternErrorMessage(component: FormComponent, validate: Validate): string | undefined {
    const translated = component.id ? this.texts[component.id] : undefined;
    const message = isRecord(translated) ? translated.patternErrorMessage : undefined;
    return typeof message === 'string' ? message : validate.patternErrorMessage;
  }

  fail(
    field: string,
    key: MessageKey,
    values: Record<string, string | number> = {},
    custom?: string,
  ) {
    let message = custom ?? translate(this.locale, key);
    for (const [name, value] of Object.entries(values))
      message = message.replace(`{${name}}`, String(value));
    this.errors.push({ field, message });
  }
}

/**
 * `variables`: what the form is shown with besides its data (a user task's variables), as
 * form-js evaluates conditions and FEEL limits over the variables and the data together.
 */
export function validateFormData(
  schema: FormSchema,
  input: unknown,
  locale: Locale,
  variables: FormData = {},
): FormValidation {
  if (!isRecord(input)) {
    return {
      ok: false,
      errors: [{ field: 'data', message: translate(locale, 'field.type_object') }],
    };
  }
  const language = locale === 'en' ? formTexts.get(schema)?.en : undefined;
  const run = new Run(input, locale, isRecord(language) ? language : {}, variables);
  walk(run, schema.components, [], input, run.data);
  for (const key of unknownKeys(input, run.used, [])) run.fail(key, 'field.unknown');
  return run.errors.length ? { ok: false, errors: run.errors } : { ok: true, data: run.data };
}

function walk(
  run: Run,
  components: FormComponent[],
  prefix: string[],
  scope: FormData,
  out: FormData,
): void {
  for (const component of components) {
    if (isHidden(component, { ...run.variables, ...run.input }, scope)) {
      // form-js leaves a hidden field's value out of the submission; so do we, without error.
      markUsed(run, component, prefix);
      continue;
    }
    const path = component.path ? component.path.split('.') : [];
    if (component.type === 'group' && component.components) {
      const nested = path.length ? getAt(scope, path) : scope;
      if (path.length && nested !== undefined && !isRecord(nested)) {
        run.fail([...prefix, ...path].join('.'), 'field.type_object');
        continue;
      }
      const target = path.length ? ensureObject(out, path) : out;
      walk(run, component.components, [...prefix, ...path], (nested as FormData) ?? {}, target);
      continue;
    }
    if (component.type === 'dynamiclist' && component.components && path.length) {
      const field = [...prefix, ...path].join('.');
      run.used.add(field);
      const items = getAt(scope, path);
      if (items === undefined) continue;
      if (!Array.isArray(items)) {
        run.fail(field, 'field.type_list');
        continue;
      }
      const list: FormData[] = [];
      items.forEach((item, index) => {
        const itemPrefix = [...prefix, ...path, String(index)];
        if (!isRecord(item)) {
          run.fail(itemPrefix.join('.'), 'field.type_object');
          return;
        }
        const itemOut: FormData = {};
        walk(run, component.components!, itemPrefix, item, itemOut);
        for (const key of unknownKeys(item, run.used, itemPrefix)) run.fail(key, 'field.unknown');
        list.push(itemOut);
      });
      setAt(out, path, list);
      continue;
    }
    if (!component.key || !VALUE_TYPES.has(component.type)) continue;
    const keyPath = component.key.split('.');
    const field = [...prefix, ...keyPath].join('.');
    run.used.add(field);
    const value = getAt(scope, keyPath);
    const checked = checkField(run, component, field, value, scope);
    if (checked !== undefined) setAt(out, keyPath, checked);
  }
}

function markUsed(run: Run, component: FormComponent, prefix: string[]): void {
  if (component.key) run.used.add([...prefix, ...component.key.split('.')].join('.'));
  if (component.path) {
    run.used.add([...prefix, ...component.path.split('.')].join('.'));
    return;
  }
  for (const child of component.components ?? []) markUsed(run, child, prefix);
}

/** Checks one value; returns the value to keep (undefined: nothing to keep). */
function checkField(
  run: Run,
  component: FormComponent,
  field: string,
  value: unknown,
  scope: FormData,
): unknown {
  const validate = (isRecord(component.validate) ? component.validate : {}) as Validate;
  const context = { ...run.variables, ...run.input, ...scope };
  const empty =
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (component.type === 'checkbox' && value === false);
  if (empty) {
    if (validate.required) run.fail(field, 'field.required');
    return value === undefined ? undefined : value;
  }
  switch (component.type) {
    case 'textfield':
    case 'textarea':
      if (typeof value !== 'string') return run.fail(field, 'field.type_text');
      checkText(
        run,
        field,
        value,
        { ...validate, patternErrorMessage: run.patternErrorMessage(component, validate) },
        context,
        component.type === 'textfield',
      );
      return value;
    case 'number':
      return checkNumber(run, component, field, value, validate, context);
    case 'checkbox':
      if (typeof value !== 'boolean') return run.fail(field, 'field.type_boolean');
      return value;
    case 'radio':
    case 'select':
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        return run.fail(field, 'field.option');
      }
      if (!inOptions(component, value)) return run.fail(field, 'field.option');
      return value;
    case 'checklist':
    case 'taglist':
      if (!Array.isArray(value)) return run.fail(field, 'field.type_list');
      if (!value.every((entry) => inOptions(component, entry)))
        return run.fail(field, 'field.option');
      return value;
    case 'datetime':
      return checkDatetime(run, component, field, value);
    case 'filepicker':
      // Filled by the server with the ids of the uploaded parts (see submission.routes.ts).
      if (!Array.isArray(value) || !value.every((id) => typeof id === 'string')) {
        return run.fail(field, 'field.type_list');
      }
      return value;
    default:
      return value;
  }
}

function checkText(
  run: Run,
  field: string,
  value: string,
  validate: Validate,
  context: FormData,
  textfield: boolean,
): void {
  if (validate.pattern && !safeRegExp(validate.pattern)?.test(value)) {
    run.fail(field, 'field.pattern', { pattern: validate.pattern }, validate.patternErrorMessage);
  }
  const minLength = feelNumber(validate.minLength, context);
  const maxLength = feelNumber(validate.maxLength, context);
  if (minLength !== undefined && value.trim().length < minLength) {
    run.fail(field, 'field.min_length', { n: minLength });
  }
  if (maxLength !== undefined && value.trim().length > maxLength) {
    run.fail(field, 'field.max_length', { n: maxLength });
  }
  if (textfield && validate.validationType === 'email' && !EMAIL_PATTERN.test(value)) {
    run.fail(field, 'field.email');
  }
  if (textfield && validate.validationType === 'phone' && !PHONE_PATTERN.test(value)) {
    run.fail(field, 'field.phone');
  }
}

function checkNumber(
  run: Run,
  component: FormComponent,
  field: string,
  value: unknown,
  validate: Validate,
  context: FormData,
): unknown {
  const asString = component.serializeToString === true;
  const numeric =
    typeof value === 'number'
      ? value
      : asString && typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : Number.NaN;
  if (!Number.isFinite(numeric)) return run.fail(field, 'field.type_number');
  const decimalDigits =
    typeof component.decimalDigits === 'number' ? component.decimalDigits : undefined;
  if (decimalDigits !== undefined && countDecimals(value) > decimalDigits) {
    if (decimalDigits === 0) run.fail(field, 'field.integer');
    else run.fail(field, 'field.decimals', { n: decimalDigits });
  }
  const increment = Number(component.increment);
  if (component.increment !== undefined && Number.isFinite(increment) && increment > 0) {
    const scale = 10 ** Math.max(countDecimals(value), countDecimals(component.increment));
    if (Math.round(numeric * scale) % Math.round(increment * scale) !== 0) {
      run.fail(field, 'field.increment', { n: increment });
    }
  }
  const min = feelNumber(validate.min, context);
  const max = feelNumber(validate.max, context);
  if (min !== undefined && numeric < min) run.fail(field, 'field.min', { n: min });
  if (max !== undefined && numeric > max) run.fail(field, 'field.max', { n: max });
  return value;
}

function checkDatetime(run: Run, component: FormComponent, field: string, value: unknown): unknown {
  if (typeof value !== 'string') return run.fail(field, 'field.date');
  const subtype = typeof component.subtype === 'string' ? component.subtype : 'date';
  if (subtype === 'date') {
    if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
      return run.fail(field, 'field.date');
    }
    if (component.disallowPassedDates === true && value < new Date().toISOString().slice(0, 10)) {
      return run.fail(field, 'field.past_date');
    }
    return value;
  }
  if (subtype === 'time') {
    if (!TIME.test(value)) return run.fail(field, 'field.time');
    return value;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(Date.parse(value))) {
    return run.fail(field, 'field.datetime');
  }
  return value;
}

/** Static options (`values`) are enforced; options from input data or FEEL cannot be, and are not. */
function inOptions(component: FormComponent, value: unknown): boolean {
  if (!Array.isArray(component.values)) return true;
  return (component.values as { value?: unknown }[]).some((option) => option.value === value);
}

function isHidden(component: FormComponent, data: FormData, scope: FormData): boolean {
  const conditional = component.conditional as { hide?: unknown } | undefined;
  const hide = conditional?.hide;
  if (typeof hide !== 'string' || !hide.trim()) return false;
  try {
    const expression = hide.trim().replace(/^=/, '');
    return evaluate(expression, { ...data, ...scope }).value === true;
  } catch {
    return false;
  }
}

function feelNumber(value: unknown, context: FormData): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  if (!value.startsWith('=')) {
    const number = Number(value);
    return Number.isFinite(number) ? number : undefined;
  }
  try {
    const result = evaluate(value.slice(1), context).value;
    return typeof result === 'number' && Number.isFinite(result) ? result : undefined;
  } catch {
    return undefined;
  }
}

function countDecimals(value: unknown): number {
  const text = String(value);
  if (/e-/i.test(text)) return Number(/e-(\d+)/i.exec(text)?.[1] ?? 0);
  return text.includes('.') ? (text.split('.')[1] ?? '').replace(/0+$/, '').length : 0;
}

function safeRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}

function unknownKeys(input: FormData, used: Set<string>, prefix: string[]): string[] {
  const found: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    const field = [...prefix, key].join('.');
    if (used.has(field)) continue;
    const nestedUsed = [...used].some((name) => name.startsWith(`${field}.`));
    if (nestedUsed && isRecord(value)) found.push(...unknownKeys(value, used, [...prefix, key]));
    else found.push(field);
  }
  return found;
}

function isRecord(value: unknown): value is FormData {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function getAt(scope: FormData, path: string[]): unknown {
  let current: unknown = scope;
  for (const part of path) {
    if (!isRecord(current)) return undefined;
    current = current[part];
  }
  return current;
}

function ensureObject(target: FormData, path: string[]): FormData {
  let current = target;
  for (const part of path) {
    const next = current[part];
    if (isRecord(next)) current = next;
    else current = current[part] = {};
  }
  return current;
}

function setAt(target: FormData, path: string[], value: unknown): void {
  const parent = ensureObject(target, path.slice(0, -1));
  parent[path[path.length - 1]!] = value;
}

/**
 * Dotted paths of the form's file pickers (outside dynamic lists), e.g. `plans`,
 * `landowner.consent`: the multipart part names a submission's files are sent under.
 */
export function filepickerPaths(schema: FormSchema): string[] {
  const found: string[] = [];
  const visit = (components: FormComponent[], prefix: string[]) => {
    for (const component of components) {
      if (component.type === 'dynamiclist') continue;
      if (component.type === 'group' && component.components) {
        visit(component.components, [
          ...prefix,
          ...(component.path ? component.path.split('.') : []),
        ]);
      } else if (component.type === 'filepicker' && component.key) {
        found.push([...prefix, ...component.key.split('.')].join('.'));
      }
    }
  };
  visit(schema.components, []);
  return found;
}
