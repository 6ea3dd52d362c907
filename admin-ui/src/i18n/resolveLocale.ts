import { defaultLocale, locales, type Locale } from './locales';

const language = (tag: string): string => tag.toLowerCase().split('-')[0] ?? '';

/**
 * The language to show: the reader's stored choice, else the first of the browser's preferred
 * languages we ship (`de-DE` and `de-AT` get `de-CH`), else `de-CH`.
 */
export function resolveLocale(stored: string | null, preferred: readonly string[]): Locale {
  const storedLocale = locales.find(({ locale }) => locale === stored);
  if (storedLocale) return storedLocale.locale;
  for (const tag of preferred) {
    const match = locales.find(({ locale }) => language(locale) === language(tag));
    if (match) return match.locale;
  }
  return defaultLocale;
}
