/**
 * The portal's calls to the server's public API (`/api/tenants`, `/api/portal/…`). Every call
 * sends the reader's language, so problem details (RFC 9457) come back translated.
 */
import type { Locale } from '../../i18n';

export interface LocalizedText {
  de: string;
  en: string;
}

export interface PublicTenant {
  id: string;
  kind: 'canton' | 'municipality';
  name: string;
  district: string | null;
}

export interface PortalService {
  id: string;
  tenantId: string;
  title: LocalizedText;
  description: LocalizedText;
  notice: LocalizedText | null;
  lifeSituation: { id: string; label: LocalizedText };
  authority: 'canton' | 'municipality';
  fee: {
    amountCents: number;
    currency: 'CHF';
    kind: string | null;
    note: LocalizedText | null;
  } | null;
  expectedDurationDays: number | null;
  contact: { email: string | null; phone: string | null };
}

export interface FormComponent {
  type: string;
  id?: string;
  key?: string;
  path?: string;
  label?: string;
  text?: string;
  dateLabel?: string;
  description?: string;
  values?: { label: string; value: string }[];
  components?: FormComponent[];
  validate?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface FormSchema {
  id?: string;
  components: FormComponent[];
  [key: string]: unknown;
}

export interface PortalServiceDetail extends PortalService {
  startForm: FormSchema | null;
  /** Texts of the start form by language, then component id (e.g. `en.Field_x.label`). */
  startFormTexts: Record<string, Record<string, Record<string, unknown>>>;
}

export interface LifeSituationGroup {
  lifeSituation: { id: string; label: LocalizedText };
  services: PortalService[];
}

export interface SubmittedCase {
  id: string;
  reference: string;
  status: string;
  submittedAt: string;
  expectedCompletionAt: string | null;
  trackingUrl: string | null;
  trackingToken: string | null;
}

export interface FieldError {
  field: string;
  message: string;
}

/** A problem+json answer (or a network failure, status 0) as a value the page can show. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly errors: FieldError[] = [],
  ) {
    super(title);
  }
}

export async function apiFetch<T>(
  path: string,
  locale: Locale,
  init: RequestInit = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      headers: { Accept: 'application/json', 'Accept-Language': locale, ...init.headers },
    });
  } catch {
    throw new ApiProblem(0, '');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { title?: string; errors?: FieldError[] };
    throw new ApiProblem(res.status, body.title ?? res.statusText, body.errors ?? []);
  }
  return (await res.json()) as T;
}

export const portalApi = {
  tenants: (locale: Locale) => apiFetch<PublicTenant[]>('/api/tenants', locale),
  tenant: (locale: Locale, tenantId: string) =>
    apiFetch<PublicTenant>(`/api/tenants/${encodeURIComponent(tenantId)}`, locale),
  services: (locale: Locale, tenantId: string) =>
    apiFetch<{ tenantId: string; lifeSituations: LifeSituationGroup[] }>(
      `/api/portal/tenants/${encodeURIComponent(tenantId)}/services`,
      locale,
    ),
  service: (locale: Locale, tenantId: string, serviceId: string) =>
    apiFetch<PortalServiceDetail>(
      `/api/portal/tenants/${encodeURIComponent(tenantId)}/services/${encodeURIComponent(serviceId)}`,
      locale,
    ),
  saveDraft: (
    locale: Locale,
    body: {
      tenantId: string;
      serviceId: string;
      email: string;
      language: 'de' | 'en';
      data: Record<string, unknown>;
    },
  ) =>
    apiFetch<{ expiresAt: string }>('/api/portal/drafts', locale, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }),
  draft: (locale: Locale, token: string) =>
    apiFetch<{
      tenantId: string;
      serviceId: string;
      language: 'de' | 'en';
      data: Record<string, unknown>;
      expiresAt: string;
    }>('/api/portal/drafts/current', locale, { headers: { Authorization: `Bearer ${token}` } }),
  /** JSON without files, else multipart: a part `submission` and one part per file picker path. */
  submit: (
    locale: Locale,
    tenantId: string,
    serviceId: string,
    idempotencyKey: string,
    body: { applicant: { language: 'de' | 'en' }; data: Record<string, unknown> },
    files: { field: string; file: File }[],
  ) => {
    const path = `/api/portal/tenants/${encodeURIComponent(tenantId)}/services/${encodeURIComponent(serviceId)}/submissions`;
    const headers: Record<string, string> = { 'Idempotency-Key': idempotencyKey };
    if (!files.length) {
      headers['Content-Type'] = 'application/json';
      return apiFetch<SubmittedCase>(path, locale, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
    }
    const form = new FormData();
    form.append('submission', JSON.stringify(body));
    for (const { field, file } of files) form.append(field, file, file.name);
    return apiFetch<SubmittedCase>(path, locale, { method: 'POST', headers, body: form });
  },
};

/** The text in the reader's language (German for de-CH). */
export function localized(text: LocalizedText, locale: Locale): string {
  return locale === 'en' ? text.en : text.de;
}
