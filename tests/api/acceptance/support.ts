/**
 * A portal world for the end-to-end and access tests: the whole server (real HTTP, real
 * database, embedded engine over gRPC) with the catalog `./workflows` (one service,
 * `e2e-certificate`: start form → review by the Einwohnerkontrolle → certificate PDF → mail,
 * which closes the case), adopted by Luzern (responsible group `einwohnerkontrolle`) and
 * Eschenbach, and staff of both.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestServer, type TestServer } from '../../server/support/testServer';
import { waitFor } from '../../engine/harness';
import { Browser } from '../auth/support/browser';
import { PASSWORD, createGroup, createStaff, member } from '../auth/support/staff';

export const WORKFLOWS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'workflows');
export const SERVICE_ID = 'e2e-certificate';

/** Who is who. */
export const STAFF = {
  /** Luzern, Einwohnerkontrolle: the clerk the task is for. */
  anna: [member('luzern', ['clerk'], ['einwohnerkontrolle'])],
  /** Luzern, building applications only: outside the candidate group. */
  carla: [member('luzern', ['clerk'], ['baugesuche'])],
  /** Eschenbach, Einwohnerkontrolle: same group name, another tenant. */
  dario: [member('eschenbach', ['clerk'], ['einwohnerkontrolle'])],
} as const;
export type StaffName = keyof typeof STAFF;

export interface PortalWorld {
  server: TestServer;
  as(username: StaffName): Promise<Browser>;
  anonymous(): Browser;
  stop(): Promise<void>;
}

export async function startPortalWorld(env: Record<string, string> = {}): Promise<PortalWorld> {
  const server = await startTestServer({
    WORKFLOWS_DIR,
    ENGINE_REQUEST_TIMEOUT: '5s',
    CASE_START_RETRY_INTERVAL: '300ms',
    ...env,
  });
  const { knex } = server;
  await createGroup(knex, 'luzern', 'einwohnerkontrolle');
  await createGroup(knex, 'luzern', 'baugesuche');
  await createGroup(knex, 'eschenbach', 'einwohnerkontrolle');
  for (const [username, memberships] of Object.entries(STAFF)) {
    await createStaff(knex, { username, memberships: [...memberships] });
  }
  for (const tenantId of ['luzern', 'eschenbach']) {
    await knex('public.service_adoptions').insert({
      id: randomUUID(),
      tenant_id: tenantId,
      service_id: SERVICE_ID,
      enabled: true,
      responsible_group: 'einwohnerkontrolle',
      contact_email: `${tenantId}@example.ch`,
      texts: JSON.stringify({}),
      parameters: JSON.stringify({}),
    });
  }
  // The server deploys the catalog in the background at start.
  await waitFor(
    async () =>
      (await knex('public.service_deployments').where({ service_id: SERVICE_ID }).first()) as
        object | undefined,
    { timeoutMs: 20_000 },
  );
  const browsers = new Map<string, Browser>();
  return {
    server,
    async as(username) {
      let browser = browsers.get(username);
      if (!browser) {
        browser = await new Browser(server.baseUrl).loginOk(username, PASSWORD);
        browsers.set(username, browser);
      }
      return browser;
    },
    anonymous: () => new Browser(server.baseUrl),
    stop: () => server.stop(),
  };
}

export function applicationData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    applicant: { firstName: 'Lea', lastName: 'Keller', email: 'lea.keller@example.ch' },
    purpose: 'Arbeitgeber',
    copies: 1,
    ...overrides,
  };
}

export const submissionsUrl = (world: PortalWorld, tenantId = 'luzern') =>
  `${world.server.baseUrl}/api/portal/tenants/${tenantId}/services/${SERVICE_ID}/submissions`;

export interface Submitted {
  id: string;
  reference: string;
  status: string;
  trackingUrl: string;
  trackingToken: string;
}

/** Submits the start form as JSON; with files, as multipart (`attachments` picker). */
export async function submit(
  world: PortalWorld,
  data: Record<string, unknown> = applicationData(),
  files: { content: Buffer; name: string }[] = [],
  headers: Record<string, string> = {},
): Promise<Response> {
  if (!files.length) {
    return fetch(submissionsUrl(world), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ data }),
    });
  }
  const form = new FormData();
  form.append('submission', JSON.stringify({ data }));
  for (const file of files) form.append('attachments', new Blob([file.content]), file.name);
  return fetch(submissionsUrl(world), { method: 'POST', body: form, headers });
}

/** The case's open task once the inbox worker has stored it. */
export function openTaskOf(world: PortalWorld, caseId: string): Promise<{ id: string }> {
  return waitFor(
    async () =>
      (await world.server
        .knex('public.tasks')
        .where({ case_id: caseId, status: 'open' })
        .first('id')) as { id: string } | undefined,
    { timeoutMs: 15_000 },
  );
}

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
