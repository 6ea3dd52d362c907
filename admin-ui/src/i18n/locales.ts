/**
 * The languages the UI ships in, shaped like react-admin's `i18nProvider.getLocales()`.
 * `name` is the language's own name (an endonym) on purpose: a reader looks for "English" or
 * "Deutsch", never for the name in a language they may not read. It is not an i18n key.
 */
export const locales = [
  { locale: 'de-CH', name: 'Deutsch' },
  { locale: 'en', name: 'English' },
] as const;

export type Locale = (typeof locales)[number]['locale'];

export const defaultLocale: Locale = 'de-CH';

export function isLocale(value: unknown): value is Locale {
  return locales.some(({ locale }) => locale === value);
}
