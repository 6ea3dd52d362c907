/** "My cases" (server/src/citizens): a one-time code by mail → a session → the cases. */
import type { Locale } from '../../i18n';
import { ApiProblem, type LocalizedText } from '../tracking/citizenApi';
import type { MyCasesSession } from '../tracking/caseToken';

export interface MyCase {
  reference: string;
  tenantId: string;
  serviceId: string;
  serviceTitle: LocalizedText;
  status: string;
  statusLabel: LocalizedText;
  submittedAt: string;
  expectedCompletionAt: string | null;
}

async function send(
  path: string,
  locale: Locale,
  init: { body?: unknown; token?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'Accept-Language': locale };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers,
    body: init.body === undefined ? null : JSON.stringify(init.body),
    referrerPolicy: 'no-referrer',
  });
  if (res.ok) return res;
  const problem = (await res.json().catch(() => ({}))) as {
    title?: string;
    detail?: string;
    errors?: { field: string; message: string }[];
  };
  throw new ApiProblem(
    res.status,
    problem.detail ?? problem.title ?? res.statusText,
    problem.errors,
  );
}

export async function requestCode(email: string, locale: Locale): Promise<void> {
  await send('/api/portal/my-cases/code', locale, { body: { email } });
}

export async function openSession(
  email: string,
  code: string,
  locale: Locale,
): Promise<MyCasesSession> {
  const res = await send('/api/portal/my-cases/session', locale, { body: { email, code } });
  return res.json() as Promise<MyCasesSession>;
}

export async function fetchMyCases(token: string, locale: Locale): Promise<MyCase[]> {
  const res = await send('/api/portal/my-cases', locale, { token });
  return ((await res.json()) as { cases: MyCase[] }).cases;
}

/** Names of the municipalities (and the canton) by tenant id; public and cached. */
export async function fetchTenantNames(locale: Locale): Promise<Record<string, string>> {
  const res = await send('/api/tenants', locale);
  const tenants = (await res.json()) as { id: string; name: string }[];
  return Object.fromEntries(tenants.map((tenant) => [tenant.id, tenant.name]));
}
