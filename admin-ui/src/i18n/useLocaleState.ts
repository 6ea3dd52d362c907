import { useI18nContext } from './I18nContext';
import type { Locale } from './locales';

/** `[locale, setLocale]` — named after react-admin's hook. Changing it keeps the current page. */
export function useLocaleState(): readonly [Locale, (locale: Locale) => void] {
  const { locale, setLocale } = useI18nContext();
  return [locale, setLocale] as const;
}
