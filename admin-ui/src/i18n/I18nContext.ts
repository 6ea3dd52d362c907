import { createContext, useContext } from 'react';
import type { Locale } from './locales';
import type { MessageKey } from './messages';
import type { TranslateValues } from './translate';

export type Translate = (key: MessageKey, values?: TranslateValues) => string;

export interface I18nState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  translate: Translate;
}

export const I18nContext = createContext<I18nState | null>(null);

export function useI18nContext(): I18nState {
  const state = useContext(I18nContext);
  if (!state) throw new Error('i18n hooks must be used inside <I18nProvider>');
  return state;
}
