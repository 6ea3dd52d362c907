import type { AuthProvider } from 'react-admin';
import { apiFetch } from './api/apiFetch';
import { setCsrfToken } from './api/csrfToken';
import { currentRoles, type StaffSession } from './api/session';

/** What GET /api/auth/providers says about the sign-in methods. */
export interface LoginProviders {
  password: boolean;
  oidc: { loginUrl: string } | null;
}

/** The session as last read; `checkAuth` refreshes it, a tenant switch replaces it. */
let session: StaffSession | undefined;
const listeners = new Set<(next: StaffSession | undefined) => void>();

function remember(next: StaffSession | undefined): void {
  session = next;
  for (const listener of listeners) listener(next);
}

export function cachedSession(): StaffSession | undefined {
  return session;
}

/** Called with every new session (login, tenant switch, logout); returns the unsubscribe. */
export function onSessionChange(listener: (next: StaffSession | undefined) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function fetchSession(): Promise<StaffSession> {
  const { json } = await apiFetch<StaffSession>('/api/auth/me');
  remember(json);
  return json;
}

export async function loginProviders(): Promise<LoginProviders> {
  return (await apiFetch<LoginProviders>('/api/auth/providers')).json;
}

/** POST /api/auth/tenant: work in another of one's tenants. */
export async function switchTenant(tenantId: string): Promise<StaffSession> {
  const { json } = await apiFetch<StaffSession>('/api/auth/tenant', {
    method: 'POST',
    body: { tenantId },
  });
  remember(json);
  return json;
}

/**
 * react-admin's authProvider over /api/auth: password login with the CSRF token, logout,
 * the session check (GET /api/auth/me), identity, and the roles of the current tenant as
 * permissions. OIDC sign-in is a full-page redirect the login page offers.
 */
export const authProvider: AuthProvider = {
  async login(params: { username: string; password: string }) {
    const { json } = await apiFetch<StaffSession & { csrfToken: string }>('/api/auth/login', {
      method: 'POST',
      body: { username: params.username, password: params.password },
    });
    const { csrfToken, ...me } = json;
    setCsrfToken(csrfToken);
    remember(me);
  },

  async logout() {
    try {
      await apiFetch('/api/auth/logout', { method: 'POST' });
    } catch {
      // Already signed out (expired session): nothing left to end.
    }
    setCsrfToken(undefined);
    remember(undefined);
  },

  async checkAuth() {
    await fetchSession();
  },

  async checkError(error: { status?: number }) {
    if (error.status === 401) {
      setCsrfToken(undefined);
      remember(undefined);
      throw error;
    }
  },

  async getIdentity() {
    const me = session ?? (await fetchSession());
    return { id: me.user.id, fullName: me.user.displayName };
  },

  /** No roles without a session: checkAuth (not this) sends a visitor to the login page. */
  async getPermissions() {
    if (session) return currentRoles(session);
    try {
      return currentRoles(await fetchSession());
    } catch {
      return [];
    }
  },
};
