/**
 * The citizen's case API (server/src/citizens): every call carries `Authorization: Bearer`
 * with the case's tracking token or a "my cases" session, and the reader's language, so
 * problems arrive translated. Not found, wrong token and someone else's case are one 404.
 */
import type { Locale } from '../../i18n';

export interface LocalizedText {
  de: string;
  en: string;
}

export interface CitizenCase {
  reference: string;
  tenant: { id: string; name: string };
  service: { id: string; title: LocalizedText };
  status: string;
  statusLabel: LocalizedText;
  submittedAt: string;
  expectedCompletionAt: string | null;
  decidedAt: string | null;
  milestones: { id: string; label: LocalizedText; reachedAt: string | null }[];
  timeline: { at: string; kind: string; label: LocalizedText; milestoneId?: string }[];
  documents: {
    id: string;
    kind: string;
    name: string;
    mediaType: string;
    sizeBytes: number;
    createdAt: string;
  }[];
  messages: { id: string; kind: string; subject: string; body: string; createdAt: string }[];
  openRequests: {
    id: string;
    title: LocalizedText;
    kind?: string;
    createdAt: string;
    dueAt?: string | null;
  }[];
}

export interface CitizenRequestDetail {
  id: string;
  title: LocalizedText;
  acceptsDocuments: boolean;
  form: { id: string; schema: Record<string, unknown> } | null;
  variables: Record<string, unknown>;
}

/** A problem+json answer: `status` and the server's translated text. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export function localized(text: LocalizedText, locale: Locale): string {
  return locale === 'en' ? text.en : text.de;
}

async function call(
  path: string,
  token: string,
  locale: Locale,
  init: RequestInit = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${token}`);
  headers.set('Accept-Language', locale);
  // The token never leaves in a Referer: the page sets `no-referrer` for these requests too.
  const res = await fetch(path, { ...init, headers, referrerPolicy: 'no-referrer' });
  if (res.ok) return res;
  const body = (await res.json().catch(() => ({}))) as {
    title?: string;
    detail?: string;
    errors?: { field: string; message: string }[];
  };
  throw new ApiProblem(res.status, body.detail ?? body.title ?? res.statusText, body.errors);
}

const casePath = (reference: string) => `/api/portal/cases/${encodeURIComponent(reference)}`;

export async function fetchCase(
  reference: string,
  token: string,
  locale: Locale,
): Promise<CitizenCase> {
  return (await call(casePath(reference), token, locale)).json() as Promise<CitizenCase>;
}

export async function fetchRequest(
  reference: string,
  requestId: string,
  token: string,
  locale: Locale,
): Promise<CitizenRequestDetail> {
  const res = await call(
    `${casePath(reference)}/requests/${encodeURIComponent(requestId)}`,
    token,
    locale,
  );
  return res.json() as Promise<CitizenRequestDetail>;
}

/** Answers a request: the form's data, and at most one file for its file picker. */
export async function answerRequest(
  reference: string,
  requestId: string,
  answer: { data: Record<string, unknown>; file?: File | undefined },
  token: string,
  locale: Locale,
): Promise<CitizenCase> {
  const path = `${casePath(reference)}/requests/${encodeURIComponent(requestId)}`;
  let init: RequestInit;
  if (answer.file) {
    const body = new FormData();
    body.append('data', JSON.stringify(answer.data));
    body.append('file', answer.file, answer.file.name);
    init = { method: 'POST', body };
  } else {
    init = {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ data: answer.data }),
    };
  }
  return (await call(path, token, locale, init)).json() as Promise<CitizenCase>;
}

/**
 * Downloads a document. A plain link cannot carry the Authorization header, so the file is
 * fetched and handed to the browser as a download (the server sends it as an attachment).
 */
export async function downloadDocument(
  reference: string,
  document: CitizenCase['documents'][number],
  token: string,
  locale: Locale,
): Promise<void> {
  const res = await call(
    `${casePath(reference)}/documents/${encodeURIComponent(document.id)}`,
    token,
    locale,
  );
  const url = URL.createObjectURL(await res.blob());
  try {
    const link = window.document.createElement('a');
    link.href = url;
    link.download = document.name;
    link.rel = 'noopener';
    window.document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser the time to start the download before the URL goes.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
