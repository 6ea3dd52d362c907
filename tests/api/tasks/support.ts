/**
 * The task inbox's tests: the whole server (engine over gRPC, real database) with the service
 * catalog of `./workflows` (the server deploys it at start), staff of Luzern and Eschenbach,
 * cases arranged in the database as a submission leaves them, and their process instances
 * started through a Zeebe client of our own, with the variables a submission sets.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256Hex } from '../../../server/src/cases/trackingToken';
import { startTestServer, type TestServer } from '../../server/support/testServer';
import { sdkClient, waitFor, type ZeebeGrpcClient } from '../../engine/harness';
import { Browser } from '../auth/support/browser';
import { PASSWORD, createGroup, createStaff, member } from '../auth/support/staff';

export const WORKFLOWS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'workflows');

export type ZeebeClient = ZeebeGrpcClient;

export interface InboxWorld {
  server: TestServer;
  zeebe: ZeebeClient;
  /** A signed-in browser per staff member (see STAFF). */
  as(username: StaffName | string): Promise<Browser>;
  anonymous(): Browser;
  stop(): Promise<void>;
}

/** Staff of the world: who is where, in which groups. */
export const STAFF = {
  /** Luzern, Einwohnerkontrolle. */
  anna: [member('luzern', ['clerk'], ['einwohnerkontrolle'])],
  /** Luzern, Einwohnerkontrolle too: Anna's colleague. */
  beat: [member('luzern', ['clerk'], ['einwohnerkontrolle'])],
  /** Luzern, building applications only. */
  carla: [member('luzern', ['clerk'], ['baugesuche'])],
  /** Eschenbach, Einwohnerkontrolle. */
  dario: [member('eschenbach', ['clerk'], ['einwohnerkontrolle'])],
  /** Luzern administrator, in no group. */
  erika: [member('luzern', ['admin'])],
} as const;
export type StaffName = keyof typeof STAFF;

export async function startInboxWorld(env: Record<string, string> = {}): Promise<InboxWorld> {
  const server = await startTestServer({ WORKFLOWS_DIR, ...env });
  await createGroup(server.knex, 'luzern', 'einwohnerkontrolle');
  await createGroup(server.knex, 'luzern', 'baugesuche');
  await createGroup(server.knex, 'eschenbach', 'einwohnerkontrolle');
  for (const [username, memberships] of Object.entries(STAFF)) {
    await createStaff(server.knex, { username, memberships: [...memberships] });
  }
  const zeebe = sdkClient(server.engineAddress);
  // The server deploys the catalog in the background at start.
  await waitFor(
    async () => {
      const rows = await server.knex('public.service_deployments').select('service_id');
      return rows.length >= 2 ? true : undefined;
    },
    { timeoutMs: 20_000 },
  );
  const browsers = new Map<string, Browser>();
  return {
    server,
    zeebe,
    async as(username: string) {
      let browser = browsers.get(username);
      if (!browser) {
        browser = await new Browser(server.baseUrl).loginOk(username, PASSWORD);
        browsers.set(username, browser);
      }
      return browser;
    },
    anonymous: () => new Browser(server.baseUrl),
    async stop() {
      await zeebe.close();
      await server.stop();
    },
  };
}

let references = 0;

export interface TestCase {
  id: string;
  reference: string;
  token: string;
  processInstanceKey: string;
}

/**
 * A case of Luzern (as a submission leaves it: submitted, tracking token hashed) whose process
 * instance runs with the variables a submission gives it.
 */
export async function startCase(
  world: InboxWorld,
  options: {
    serviceId: 'task-review' | 'citizen-proof';
    /** Another process than the service's (deployed by the test). */
    bpmnProcessId?: string;
    tenantId?: string;
    applicantName?: string;
    variables?: Record<string, unknown>;
  },
): Promise<TestCase> {
  const id = randomUUID();
  references += 1;
  const reference = `LU-2026-${String(process.pid % 1000).padStart(3, '0')}${String(references).padStart(3, '0')}`;
  const token = randomUUID();
  const tenantId = options.tenantId ?? 'luzern';
  await world.server.knex('public.cases').insert({
    id,
    reference,
    tenant_id: tenantId,
    service_id: options.serviceId,
    bpmn_process_id: options.serviceId,
    status: 'submitted',
    applicant_email: 'lea.keller@example.ch',
    applicant_name: options.applicantName ?? 'Lea Keller',
    applicant_language: 'de',
    tracking_token_hash: sha256Hex(token),
    form_data: JSON.stringify({}),
  });
  const started = await world.zeebe.createProcessInstance({
    bpmnProcessId: options.bpmnProcessId ?? options.serviceId,
    variables: {
      caseId: id,
      caseReference: reference,
      tenantId,
      serviceId: options.serviceId,
      applicantName: options.applicantName ?? 'Lea Keller',
      language: 'de',
      ...options.variables,
    },
  });
  return { id, reference, token, processInstanceKey: started.processInstanceKey };
}

export interface TaskRowOfTest {
  id: string;
  job_key: string;
  status: string;
  audience: string;
  job_deadline: Date;
}

/** The case's task once the inbox worker has stored it. */
export function taskOf(world: InboxWorld, caseId: string, status = 'open'): Promise<TaskRowOfTest> {
  return waitFor(
    async () =>
      (await world.server.knex('public.tasks').where({ case_id: caseId, status }).first()) as
        TaskRowOfTest | undefined,
    { timeoutMs: 15_000 },
  );
}

interface ActivatedTestJob {
  key: string;
  processInstanceKey: string;
  variables: Record<string, unknown>;
}

/** Jobs the tests activated, by type: a batch may bring another test's job along. */
const activated = new Map<string, ActivatedTestJob[]>();

/** Activates the next job of `type` of the instance (proof that the process went on). */
export async function nextJob(
  world: InboxWorld,
  type: string,
  processInstanceKey: string,
): Promise<ActivatedTestJob> {
  const seen = activated.get(type) ?? [];
  activated.set(type, seen);
  return waitFor(
    async () => {
      const found = seen.find((job) => job.processInstanceKey === processInstanceKey);
      if (found) return found;
      const jobs = await world.zeebe.activateJobs({
        type,
        worker: 'test',
        maxJobsToActivate: 32,
        timeout: 600_000,
        requestTimeout: 500,
      });
      seen.push(...(jobs as unknown as ActivatedTestJob[]));
      return undefined;
    },
    { timeoutMs: 15_000, intervalMs: 100 },
  );
}

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
