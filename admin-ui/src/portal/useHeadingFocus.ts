import { useEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router-dom';

/**
 * After a route change, moves focus to the new page's `<h1>` (GOV.UK's pattern for single-page
 * apps): a keyboard or screen-reader user starts reading the new page at its top instead of
 * staying on a link that no longer exists. The first page load keeps the browser's own order
 * (skip link first). Pages render their heading only once loaded, so the heading is awaited
 * with a MutationObserver; a focus the page moved itself (the error summary) is left alone.
 */
export function useHeadingFocus(main: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const container = main.current;
    if (!container) return;
    const focusHeading = (): boolean => {
      const heading = container.querySelector('h1');
      if (!heading) return false;
      // Only when nothing on the new page holds focus yet.
      const active = document.activeElement;
      if (active && active !== container && container.contains(active)) return true;
      heading.tabIndex = -1;
      heading.focus();
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(container, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [pathname, main]);
}
