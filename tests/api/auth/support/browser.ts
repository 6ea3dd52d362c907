/**
 * A minimal browser for API tests: one cookie jar per site, an Origin header like a real
 * browser's, manual redirects, and helpers for the CSRF token and login.
 */
export interface SetCookie {
  name: string;
  value: string;
  attributes: Record<string, string | true>;
}

export function parseSetCookie(header: string): SetCookie {
  const [pair = '', ...attrs] = header.split(';');
  const eq = pair.indexOf('=');
  const attributes: Record<string, string | true> = {};
  for (const attr of attrs) {
    const i = attr.indexOf('=');
    const key = (i < 0 ? attr : attr.slice(0, i)).trim().toLowerCase();
    attributes[key] = i < 0 ? true : attr.slice(i + 1).trim();
  }
  return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), attributes };
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Leave out the X-CSRF-Token header even when a token is known. */
  noCsrf?: boolean;
}

export class Browser {
  readonly cookies = new Map<string, string>();
  /** Set-Cookie headers of the last response, parsed. */
  lastSetCookies: SetCookie[] = [];
  csrfToken: string | undefined;
  /** false: keep sending cookies past their Expires, like a replayed stolen cookie. */
  honourExpiry = true;

  constructor(
    readonly baseUrl: string,
    readonly defaultHeaders: Record<string, string> = { Origin: baseUrl },
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...this.defaultHeaders, ...options.headers };
    if (this.cookies.size) headers.Cookie = this.cookieHeader();
    if (this.csrfToken && !options.noCsrf && !('X-CSRF-Token' in headers)) {
      headers['X-CSRF-Token'] = this.csrfToken;
    }
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const url = path.startsWith('http') ? path : `${this.baseUrl}${path}`;
    const res = await fetch(url, { method, headers, body, redirect: 'manual' });
    this.keepCookies(res);
    return res;
  }

  keepCookies(res: Response): void {
    this.lastSetCookies = res.headers.getSetCookie().map(parseSetCookie);
    for (const cookie of this.lastSetCookies) {
      const expires = cookie.attributes.expires;
      const gone =
        cookie.attributes['max-age'] === '0' ||
        (this.honourExpiry &&
          typeof expires === 'string' &&
          new Date(expires).getTime() <= Date.now()) ||
        (typeof expires === 'string' && new Date(expires).getTime() <= 0);
      if (gone) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }

  get = (path: string, options?: RequestOptions) => this.request('GET', path, options);
  post = (path: string, options?: RequestOptions) => this.request('POST', path, options);
  put = (path: string, options?: RequestOptions) => this.request('PUT', path, options);
  delete = (path: string, options?: RequestOptions) => this.request('DELETE', path, options);

  /** GET /api/auth/csrf and remember the token. */
  async fetchCsrf(): Promise<string> {
    const res = await this.get('/api/auth/csrf');
    if (res.status !== 200) throw new Error(`csrf: ${res.status}`);
    this.csrfToken = ((await res.json()) as { csrfToken: string }).csrfToken;
    return this.csrfToken;
  }

  /** Logs in (fetching a token first); answers the response, keeps the new token. */
  async login(
    username: string,
    password: string,
    extra: Record<string, unknown> = {},
  ): Promise<Response> {
    if (!this.csrfToken) await this.fetchCsrf();
    const res = await this.post('/api/auth/login', { body: { username, password, ...extra } });
    if (res.status === 200) {
      const body = (await res.clone().json()) as { csrfToken: string };
      this.csrfToken = body.csrfToken;
    }
    return res;
  }

  async loginOk(username: string, password: string): Promise<this> {
    const res = await this.login(username, password);
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    return this;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
