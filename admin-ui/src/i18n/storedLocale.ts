const storageKey = 'serviceportal.locale';

/** The reader's last choice, or null. Storage may be blocked (privacy settings): then null. */
export function readStoredLocale(): string | null {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

/** Remembers the choice for the next visit; if storage is blocked, the choice lasts this visit. */
export function storeLocale(locale: string): void {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Storage blocked: nothing to remember the choice in, and nothing the reader must know.
  }
}
