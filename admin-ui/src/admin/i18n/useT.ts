import { useCallback } from 'react';
import { useTranslate } from 'react-admin';
import type { MessageKey } from '../../i18n/messages';
import type { TranslateValues } from '../../i18n/translate';

/**
 * react-admin's translate, limited to keys of our message files: a typo is a compile error.
 * Use react-admin's `useTranslate` only for its own `ra.*` keys.
 */
export function useT(): (key: MessageKey, values?: TranslateValues) => string {
  const translate = useTranslate();
  return useCallback((key, values) => translate(key, values), [translate]);
}
