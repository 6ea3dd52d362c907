import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { I18nProvider, TranslationMessages } from 'react-admin';
import { defaultLocale, isLocale, locales, type Locale } from '../../i18n/locales';
import { messages } from '../../i18n/messages';
import germanMessages from '../../i18n/ra/de-CH.json';
import { resolveLocale } from '../../i18n/resolveLocale';
import { readStoredLocale, storeLocale } from '../../i18n/storedLocale';
import { setCurrentLocale } from '../api/currentLocale';

/** react-admin's own texts and ours, per language. */
const catalog: Record<Locale, TranslationMessages> = {
  'de-CH': { ...germanMessages, ...messages['de-CH'] } as TranslationMessages,
  en: { ...englishMessages, ...messages.en } as TranslationMessages,
};

/** The language the back office starts in: the same choice as the portal's (storedLocale). */
export function initialLocale(): Locale {
  return resolveLocale(readStoredLocale(), navigator.languages);
}

function apply(locale: Locale): void {
  setCurrentLocale(locale);
  document.documentElement.lang = locale;
}

/**
 * react-admin's i18nProvider over ra-i18n-polyglot. A change of language is remembered for
 * both entries (portal and back office), sets `<html lang>` and the API's Accept-Language.
 */
export function createI18nProvider(start: Locale = initialLocale()): I18nProvider {
  apply(start);
  const polyglot = polyglotI18nProvider(
    (locale) => catalog[isLocale(locale) ? locale : defaultLocale],
    start,
    [...locales],
  );
  return {
    ...polyglot,
    changeLocale: async (locale, options) => {
      if (isLocale(locale)) {
        storeLocale(locale);
        apply(locale);
      }
      await polyglot.changeLocale(locale, options);
    },
  };
}
