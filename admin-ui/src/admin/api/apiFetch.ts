import { HttpError } from 'react-admin';
import { CSRF_HEADER, csrfToken, setCsrfToken } from './csrfToken';
import { currentLocale } from './currentLocale';

/** An RFC 9457 problem as the server answers it (title already in the reader's language). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; message: string }[];
  requestId?: string;
}

export interface ApiResponse<T> {
  status: number;
  headers: Headers;
  json: T;
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal | undefined;
}

const SAFE = new Set(['GET', 'HEAD']);

/**
 * A request to the server's API: JSON in and out, the session cookie, the reader's language
 * (the server translates problem titles), and the CSRF token on every unsafe method. A problem
 * answer becomes react-admin's HttpError whose message is the translated title and detail, so
 * react-admin's notifications show it as is; `body` keeps the problem for field errors.
 */
export async function apiFetch<T = unknown>(
  path: string,
  request: ApiRequest = {},
): Promise<ApiResponse<T>> {
  const method = request.method ?? 'GET';
  const send = async (): Promise<Response> => {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      'Accept-Language': currentLocale(),
    };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    if (!SAFE.has(method)) headers[CSRF_HEADER] = await csrfToken();
    return fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: request.body === undefined ? null : JSON.stringify(request.body),
      signal: request.signal ?? null,
    });
  };
  let res = await send();
  if (res.status === 403 && !SAFE.has(method) && (await isCsrfProblem(res.clone()))) {
    // The session changed under the token (a new login in another tab): fetch a new one, once.
    setCsrfToken(undefined);
    res = await send();
  }
  const text = await res.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) {
    const problem = (json ?? {}) as Problem;
    const message = [problem.title, problem.detail].filter(Boolean).join(': ');
    throw new HttpError(message || res.statusText, res.status, problem);
  }
  return { status: res.status, headers: res.headers, json: json as T };
}

async function isCsrfProblem(res: Response): Promise<boolean> {
  try {
    const problem = (await res.json()) as Problem;
    return problem.type?.includes('csrf') ?? false;
  } catch {
    return false;
  }
}
