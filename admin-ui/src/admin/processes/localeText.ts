import { useCallback } from 'react';
import { useLocaleState } from 'react-admin';

/** Picks the reader's language from a `{ de, en }` text of the catalog (service titles). */
export function useLocaleText(): (text: { de: string; en: string } | undefined) => string {
  const [locale] = useLocaleState();
  return useCallback(
    (text) => (text ? (locale.startsWith('en') ? text.en : text.de) : ''),
    [locale],
  );
}
