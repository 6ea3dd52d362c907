import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/testServer';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

describe('HTTP skeleton', () => {
  it('answers /health and /ready with the database and the engine up', async () => {
    const health = await fetch(`${server.baseUrl}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'up' });

    const ready = await fetch(`${server.baseUrl}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'up',
      components: { database: 'up', engine: 'up' },
    });
  });

  it.each([
    ['de-CH', undefined, 'Nicht gefunden'],
    ['de-CH', 'de-CH,de;q=0.9', 'Nicht gefunden'],
    ['de-CH', 'fr-CH', 'Nicht gefunden'],
    ['en', 'en-GB,en;q=0.8', 'Not found'],
    ['en', 'fr, en;q=0.5', 'Not found'],
  ])(
    'answers an unknown route with 404 problem+json in %s (Accept-Language %s)',
    async (locale, accept, title) => {
      const res = await fetch(`${server.baseUrl}/api/no-such-thing?x=1`, {
        headers: accept ? { 'Accept-Language': accept } : {},
      });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.headers.get('content-language')).toBe(locale);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ status: 404, title, instance: '/api/no-such-thing' });
      expect(body.requestId).toBe(res.headers.get('x-request-id'));
    },
  );

  it('answers a malformed JSON body with 400 problem+json and no stack trace', async () => {
    const res = await fetch(`${server.baseUrl}/api/anything`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en' },
      body: '{"applicant": ',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ status: 400, title: 'Malformed JSON' });
    expect(text).not.toMatch(/at .*\.(ts|js):\d+|SyntaxError|node_modules|stack/i);
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await fetch(`${server.baseUrl}/api/anything`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ blob: 'x'.repeat(1_100_000) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ status: 413, title: 'Anfrage zu gross' });
  });

  it('serves its OpenAPI 3.1 document', async () => {
    const res = await fetch(`${server.baseUrl}/api/openapi.json`);
    expect(res.status).toBe(200);
    const document = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/health', '/ready', '/api/openapi.json']),
    );
  });

  it('sets security headers and a request id', async () => {
    const res = await fetch(`${server.baseUrl}/health`, {
      headers: { 'X-Request-Id': 'abc-123-def-456' },
    });
    expect(res.headers.get('x-request-id')).toBe('abc-123-def-456');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('replaces an unsafe incoming request id', async () => {
    const res = await fetch(`${server.baseUrl}/health`, {
      headers: { 'X-Request-Id': '<script>alert(1)</script>' },
    });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
