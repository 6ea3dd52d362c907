import type { Translate } from '../../i18n/I18nContext';

/**
 * form-js 1.23 writes its validation messages in English only and has no hook to translate
 * them; these patterns mirror the messages of its Validator (and pass others through), so a
 * German reader gets German messages at the fields.
 */
const PATTERNS: [RegExp, (t: Translate, match: RegExpExecArray) => string][] = [
  [/^Field is required\.$/, (t) => t('portal.form.errors.required')],
  [/^Field must be a valid email\.$/, (t) => t('portal.form.errors.email')],
  [/^Field must be a valid\s+international phone number/, (t) => t('portal.form.errors.phone')],
  [
    /^Field must have minimum length of (.+)\.$/,
    (t, m) => t('portal.form.errors.minLength', { value: m[1] ?? '' }),
  ],
  [
    /^Field must have maximum length of (.+)\.$/,
    (t, m) => t('portal.form.errors.maxLength', { value: m[1] ?? '' }),
  ],
  [
    /^Field must have minimum value of (.+)\.$/,
    (t, m) => t('portal.form.errors.min', { value: m[1] ?? '' }),
  ],
  [
    /^Field must have maximum value of (.+)\.$/,
    (t, m) => t('portal.form.errors.max', { value: m[1] ?? '' }),
  ],
  [/^Value is not a number\.$/, (t) => t('portal.form.errors.number')],
  [/^Value is expected to be an integer\.$/, (t) => t('portal.form.errors.integer')],
  [/^Field must match pattern /, (t) => t('portal.form.errors.pattern')],
];

export function translateFormJsError(message: string, t: Translate): string {
  for (const [pattern, text] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return text(t, match);
  }
  return message;
}

export function translateFormJsErrors(
  errors: Record<string, unknown>,
  t: Translate,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [id, messages] of Object.entries(errors)) {
    if (Array.isArray(messages)) {
      result[id] = messages.map((message) => translateFormJsError(String(message), t));
    }
  }
  return result;
}
