import { defaultLocale, type Locale } from '../../i18n/locales';

let locale: Locale = defaultLocale;

/** The back office's language, sent as Accept-Language so that the server's problems match it. */
export function currentLocale(): Locale {
  return locale;
}

export function setCurrentLocale(next: Locale): void {
  locale = next;
}
