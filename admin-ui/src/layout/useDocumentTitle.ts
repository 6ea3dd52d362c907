import { useEffect } from 'react';

/** Keeps the browser tab's title in step with the page, e.g. after a language switch. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
