/**
 * Where the tracking page finds its key. The tracking link is `/track/{reference}#{token}`:
 * the token after `#` never reaches a server (not in requests, logs or Referer). At first load
 * it moves from the address bar into this tab's sessionStorage, and the fragment is removed
 * (history.replaceState), so it is not left in the history, in bookmarks or on screen.
 * Without a tracking token the page uses the "my cases" session, if there is one.
 */
const trackingKey = (reference: string) => `serviceportal.tracking.${reference}`;
const SESSION_KEY = 'serviceportal.myCases.session';

export function takeTokenFromUrl(reference: string): void {
  const token = window.location.hash.slice(1);
  if (!token) return;
  sessionStorage.setItem(trackingKey(reference), decodeURIComponent(token));
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}`);
}

export function caseToken(reference: string): string | undefined {
  return sessionStorage.getItem(trackingKey(reference)) ?? myCasesSession()?.token;
}

export interface MyCasesSession {
  token: string;
  expiresAt: string;
}

export function myCasesSession(): MyCasesSession | undefined {
  const raw = sessionStorage.getItem(SESSION_KEY);
  if (!raw) return undefined;
  const session = JSON.parse(raw) as MyCasesSession;
  if (Date.parse(session.expiresAt) <= Date.now()) {
    sessionStorage.removeItem(SESSION_KEY);
    return undefined;
  }
  return session;
}

export function saveMyCasesSession(session: MyCasesSession | undefined): void {
  if (session) sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(SESSION_KEY);
}
