import { useCallback, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, type I18nState } from './I18nContext';
import type { Locale } from './locales';
import { messages } from './messages';
import { resolveLocale } from './resolveLocale';
import { readStoredLocale, storeLocale } from './storedLocale';
import { translate } from './translate';

/** Holds the current language for one entry (portal or back office) and keeps `<html lang>` in step. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() =>
    resolveLocale(readStoredLocale(), navigator.languages),
  );

  useLayoutEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setLocaleState(next);
  }, []);

  const state = useMemo<I18nState>(
    () => ({
      locale,
      setLocale,
      translate: (key, values) => translate(messages[locale], key, values),
    }),
    [locale, setLocale],
  );

  return <I18nContext value={state}>{children}</I18nContext>;
}
