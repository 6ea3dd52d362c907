/**
 * The world of a service scenario: our engine (multi-tenancy on unless asked) with Zeebe's clock actuator
 * over HTTP, the whole server against it over gRPC (its real workers, the catalog of
 * `workflows/`), the tenants' staff, and a citizen who submits and follows the case through
 * the public HTTP API.
 *
 * Why the test starts the engine itself instead of letting the server embed it: the server
 * starts its embedded engine without a way to move its clock (ENGINE_CLOCK_CONTROL is a
 * setting of the standalone engine, `engine/src/main.ts`), and a 14-day reminder or a 20-day
 * public notice must not be slept through. So the engine runs here as `startEngine` and the
 * actuator as `engine/src/main.ts` serves it, and the server reaches it by ZEEBE_ADDRESS, the
 * way it reaches any Zeebe gateway.
 */
import type { Knex } from 'knex';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { pino } from 'pino';
import { startEngine, Clock, type RunningEngine } from '@serviceportal/engine';
import {
  startClockActuator,
  type ClockActuator,
} from '../../../../engine/src/management/ClockActuator';
import { AuditService } from '../../../../server/src/audit/audit.service';
import { CaseService } from '../../../../server/src/cases/case.service';
import { DocumentService } from '../../../../server/src/documents/document.service';
import { CatalogService } from '../../../../server/src/services/catalog.service';
import { createTaskDomain } from '../../../../server/src/tasks/taskDomain';
import { tinyPdf } from '../../../api/documents/fixtures';
import { Browser } from '../../../api/auth/support/browser';
import { PASSWORD, createGroup, createStaff, member } from '../../../api/auth/support/staff';
import { sdkClient, waitFor, type ZeebeGrpcClient } from '../../../engine/harness';
import { startTestServer, type TestServer } from '../../../server/support/testServer';
import { createTestDatabase, type TestDatabase } from '../../../support/database';
import { WORKFLOWS_DIR } from '../../workflowFiles';
import { pdfText } from './pdfText';

export type ZeebeClient = ZeebeGrpcClient;

export const DAY_MS = 86_400_000;

export interface LocalizedText {
  de: string;
  en: string;
}

export interface SubmittedCase {
  id: string;
  reference: string;
  status: string;
  trackingToken: string;
}

/** What the citizen's tracking page answers (`GET /api/portal/cases/{reference}`). */
export interface TrackingPage {
  reference: string;
  status: string;
  statusLabel: LocalizedText;
  milestones: { id: string; label: LocalizedText; reachedAt: string | null }[];
  timeline: { kind: string; label: LocalizedText; milestoneId?: string }[];
  documents: { id: string; kind: string; name: string; mediaType: string }[];
  openRequests: { id: string; title: LocalizedText; kind: string }[];
}

export interface Task {
  id: string;
  tenantId: string;
  status: string;
  caseId: string | null;
  caseReference: string | null;
  elementId: string;
  name: string;
  candidateGroups: string[];
  assignee: string | null;
  variables?: Record<string, unknown>;
}

export interface Mail {
  to_address: string;
  subject: string;
  text_body: string;
  case_id: string | null;
}

export interface StaffSpec {
  username: string;
  tenantId: string;
  groups: string[];
}

export interface ScenarioWorld {
  server: TestServer;
  knex: Knex;
  /** The engine's open incidents (type, element and message): none when a scenario went well. */
  incidents(): Promise<{ element_id: string; error_type: string; error_message: string }[]>;
  /** A Zeebe client of the test's own, for what another system would do (publish a message). */
  zeebe: ZeebeClient;
  /**
   * The citizen answers an open request of the case with an uploaded PDF, through the service
   * the citizen portal calls (`CitizenRequestService`: the server has no HTTP route for it yet).
   */
  answerRequest(
    submitted: SubmittedCase,
    tenantId: string,
    data?: Record<string, unknown>,
  ): Promise<void>;
  /**
   * Stores a PDF as a document of the case, as the portal stores an upload (the staff API has
   * no upload route yet: a clerk's scan of a paper proof is arranged this way).
   */
  storeUpload(submitted: SubmittedCase, tenantId: string): Promise<string>;
  /** Waits for the case's open request to the citizen (a task of audience `citizen`). */
  openRequest(caseId: string): Promise<{ id: string; element_id: string }>;
  /** Moves the engine's clock forward through Zeebe's clock actuator (POST /actuator/clock/add). */
  advanceClock(ms: number): Promise<void>;
  /** A signed-in clerk. */
  clerk(username: string): Promise<Browser>;
  adopt(tenantId: string, serviceId: string, parameters?: Record<string, unknown>): Promise<void>;
  submit(
    tenantId: string,
    serviceId: string,
    data: Record<string, unknown>,
    options?: { language?: 'de' | 'en'; files?: Record<string, Buffer[]> },
  ): Promise<Response>;
  /** Submits and expects the case to be started (201). */
  submitOk(
    tenantId: string,
    serviceId: string,
    data: Record<string, unknown>,
    options?: { language?: 'de' | 'en'; files?: Record<string, Buffer[]> },
  ): Promise<SubmittedCase>;
  tracking(submitted: SubmittedCase): Promise<TrackingPage>;
  /** Waits until the tracking page shows the milestone reached. */
  milestoneReached(submitted: SubmittedCase, milestoneId: string): Promise<TrackingPage>;
  /** Waits until the tracking page shows the case in `status`. */
  statusReached(submitted: SubmittedCase, status: string): Promise<TrackingPage>;
  /** Waits until the case is closed (the model's last step, `portal:caseStatus: closed`). */
  caseClosed(submitted: SubmittedCase): Promise<TrackingPage>;
  /** Waits for the open task of the case at `elementId` in the clerk's inbox. */
  inboxTask(clerk: Browser, match: (task: Task) => boolean): Promise<Task>;
  /** Claims and completes a task with form data; expects 200. */
  completeTask(clerk: Browser, task: Task, data: Record<string, unknown>): Promise<void>;
  /** The citizen's download of a document of the case, with its text when it is a PDF. */
  download(
    submitted: SubmittedCase,
    documentId: string,
  ): Promise<{ status: number; type: string; bytes: Buffer; text: string }>;
  /** Waits until `count` e-mails of the case are in the outbox (the tracking link's first). */
  mails(caseId: string, count: number): Promise<Mail[]>;
  stop(): Promise<void>;
}

/** Waits for `probe`; a timeout names what was awaited. */
async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  try {
    return await waitFor(probe, { timeoutMs: 30_000, intervalMs: 100 });
  } catch (error) {
    throw new Error(`Timed out waiting for ${what}`, { cause: error });
  }
}

/** Time a scenario may take: engine and workers over gRPC, several steps each. */
export const SCENARIO_TIMEOUT_MS = 180_000;

export interface ScenarioOptions {
  /**
   * true (default): Zeebe tenants are our tenants (ZEEBE_MULTI_TENANCY, partner processes in
   * their tenant); false: everything under `<default>`, as the server runs its embedded engine.
   */
  multiTenancy?: boolean;
}

export async function startScenarioWorld(
  staff: StaffSpec[],
  options: ScenarioOptions = {},
): Promise<ScenarioWorld> {
  const multiTenancy = options.multiTenancy ?? true;
  const engineDatabase: TestDatabase = await createTestDatabase();
  const clock = new Clock();
  let engine: RunningEngine | undefined;
  let engineKnex: Knex | undefined;
  let actuator: ClockActuator | undefined;
  let server: TestServer | undefined;
  let zeebe: ZeebeClient | undefined;
  try {
    engineKnex = (await engineDatabase.open()).knex;
    engine = await startEngine({
      knex: engineKnex,
      host: '127.0.0.1',
      port: 0,
      clock,
      multiTenancy,
      logger: pino({ level: 'silent' }),
    });
    actuator = await startClockActuator(clock, { host: '127.0.0.1', port: 0 });
    server = await startTestServer({
      ZEEBE_ADDRESS: engine.address,
      ZEEBE_MULTI_TENANCY: String(multiTenancy),
      ENGINE_REQUEST_TIMEOUT: '10s',
      CASE_START_RETRY_INTERVAL: '500ms',
      WORKFLOWS_DIR,
    });
    zeebe = sdkClient(engine.address);
  } catch (error) {
    await server?.stop();
    await actuator?.close();
    await engine?.stop();
    await engineDatabase.drop();
    throw error;
  }
  const running = { engine, actuator, server, zeebe, engineKnex: engineKnex! };
  const knex = server.knex;
  for (const spec of staff) {
    for (const group of spec.groups) await createGroup(knex, spec.tenantId, group);
    await createStaff(knex, {
      username: spec.username,
      memberships: [member(spec.tenantId, ['clerk'], spec.groups)],
    });
  }
  const audit = new AuditService(knex);
  const catalog = new CatalogService(knex, WORKFLOWS_DIR);
  catalog.load();
  const tasks = createTaskDomain({
    knex,
    audit,
    engine: () => running.zeebe,
    cases: new CaseService(knex, catalog, audit),
  });
  const documents = new DocumentService(knex, audit, {
    maxDocumentsPerCase: 20,
    maxBytesPerCase: 10_000_000,
  });
  const storeUpload = async (submitted: SubmittedCase, tenantId: string) =>
    (
      await documents.store(
        {
          tenantId,
          caseId: submitted.id,
          kind: 'upload',
          content: await tinyPdf('Nachweis'),
          originalName: 'nachweis.pdf',
        },
        { actor: { type: 'citizen', id: submitted.id } },
      )
    ).id;
  const browsers = new Map<string, Browser>();
  const baseUrl = server.baseUrl;
  const actuatorUrl = `http://127.0.0.1:${actuator.port}/actuator/clock`;

  const submit: ScenarioWorld['submit'] = async (tenantId, serviceId, data, options = {}) => {
    const url = `${baseUrl}/api/portal/tenants/${tenantId}/services/${serviceId}/submissions`;
    const body = { applicant: { language: options.language ?? 'de' }, data };
    if (!options.files) {
      return fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    }
    const form = new FormData();
    form.append('submission', JSON.stringify(body));
    for (const [field, files] of Object.entries(options.files)) {
      files.forEach((content, index) =>
        form.append(
          field,
          new Blob([new Uint8Array(content)], { type: 'application/pdf' }),
          `${field}-${index + 1}.pdf`,
        ),
      );
    }
    return fetch(url, { method: 'POST', body: form });
  };

  const tracking = async (submitted: SubmittedCase): Promise<TrackingPage> => {
    const res = await fetch(`${baseUrl}/api/portal/cases/${submitted.reference}`, {
      headers: { Authorization: `Bearer ${submitted.trackingToken}` },
    });
    if (res.status !== 200) throw new Error(`tracking page answered ${res.status}`);
    return (await res.json()) as TrackingPage;
  };

  return {
    server,
    knex,
    zeebe,
    incidents: async () =>
      (await running
        .engineKnex('engine.incidents')
        .select('element_id', 'error_type', 'error_message')) as {
        element_id: string;
        error_type: string;
        error_message: string;
      }[],
    openRequest: (caseId) =>
      until(
        `an open request of case ${caseId}`,
        async () =>
          (await knex('public.tasks')
            .where({ case_id: caseId, audience: 'citizen', status: 'open' })
            .first('id', 'element_id')) as { id: string; element_id: string } | undefined,
      ),
    storeUpload,
    async answerRequest(submitted, tenantId, data = {}) {
      const request = (await knex('public.tasks')
        .where({ case_id: submitted.id, audience: 'citizen', status: 'open' })
        .first('id')) as { id: string };
      await tasks.citizenRequests.completeCitizenRequest({
        caseId: submitted.id,
        taskId: request.id,
        data,
        documents: [await storeUpload(submitted, tenantId)],
      });
    },
    async advanceClock(ms) {
      const res = await fetch(`${actuatorUrl}/add`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ offsetMilli: ms }),
      });
      if (res.status !== 200) throw new Error(`clock actuator answered ${res.status}`);
    },
    async clerk(username) {
      let browser = browsers.get(username);
      if (!browser) {
        browser = await new Browser(baseUrl).loginOk(username, PASSWORD);
        browsers.set(username, browser);
      }
      return browser;
    },
    async adopt(tenantId, serviceId, parameters = {}) {
      await knex('public.service_adoptions').insert({
        id: crypto.randomUUID(),
        tenant_id: tenantId,
        service_id: serviceId,
        enabled: true,
        contact_email: `${tenantId}@example.ch`,
        texts: JSON.stringify({}),
        parameters: JSON.stringify(parameters),
      });
    },
    submit,
    async submitOk(tenantId, serviceId, data, options) {
      const res = await submit(tenantId, serviceId, data, options);
      const body = (await res.json()) as SubmittedCase & { status: string };
      if (res.status !== 201) {
        throw new Error(`submission answered ${res.status}: ${JSON.stringify(body)}`);
      }
      return body;
    },
    tracking,
    milestoneReached: (submitted, milestoneId) =>
      until(`milestone ${milestoneId} of ${submitted.reference}`, async () => {
        const page = await tracking(submitted);
        return page.milestones.find((m) => m.id === milestoneId)?.reachedAt ? page : undefined;
      }),
    statusReached: (submitted, status) =>
      until(`case ${submitted.reference} ${status}`, async () => {
        const page = await tracking(submitted);
        return page.status === status ? page : undefined;
      }),
    caseClosed: (submitted) =>
      until(`case ${submitted.reference} closed`, async () => {
        const page = await tracking(submitted);
        return page.status === 'closed' ? page : undefined;
      }),
    inboxTask: (clerk, match) =>
      until(`a task in the inbox (${match.toString().slice(0, 120)})`, async () => {
        const res = await clerk.get('/api/tasks?range=[0,199]');
        if (res.status !== 200) throw new Error(`inbox answered ${res.status}`);
        return ((await res.json()) as Task[]).find((task) => match(task));
      }),
    async completeTask(clerk, task, data) {
      const claimed = await clerk.post(`/api/tasks/${task.id}/claim`);
      if (claimed.status !== 200) throw new Error(`claim answered ${claimed.status}`);
      const completed = await clerk.post(`/api/tasks/${task.id}/complete`, { body: { data } });
      if (completed.status !== 200) {
        throw new Error(`complete answered ${completed.status}: ${await completed.text()}`);
      }
    },
    async download(submitted, documentId) {
      const res = await fetch(
        `${baseUrl}/api/portal/cases/${submitted.reference}/documents/${documentId}`,
        { headers: { Authorization: `Bearer ${submitted.trackingToken}` } },
      );
      const bytes = Buffer.from(await res.arrayBuffer());
      const type = res.headers.get('content-type') ?? '';
      return { status: res.status, type, bytes, text: type.includes('pdf') ? pdfText(bytes) : '' };
    },
    mails: (caseId, count) =>
      until(`${count} mails of case ${caseId}`, async () => {
        const rows = (await knex('public.mail_outbox')
          .where({ case_id: caseId })
          .orderBy('created_at')
          .select('to_address', 'subject', 'text_body', 'case_id')) as Mail[];
        return rows.length >= count ? rows : undefined;
      }),
    async stop() {
      await running.zeebe.close().catch(() => {});
      await running.server.stop();
      await running.actuator.close();
      await running.engine.stop();
      await engineDatabase.drop();
    },
  };
}

/**
 * The hooks every scenario file shares: the world starts before all and `setUp` gets it (to
 * keep it and adopt the services), no step of any scenario may end in an incident, and the
 * world stops after all.
 */
export function scenarioHooks(
  staff: StaffSpec[],
  setUp: (world: ScenarioWorld) => Promise<void>,
  options: ScenarioOptions = {},
): void {
  let world: ScenarioWorld | undefined;
  beforeAll(async () => {
    world = await startScenarioWorld(staff, options);
    await setUp(world);
  });
  afterEach(async () => {
    expect(await world?.incidents()).toEqual([]);
  });
  afterAll(async () => {
    await world?.stop();
  });
}

/** The status label of a closed case (`caseClosed(…).statusLabel`). */
export const CLOSED_LABEL: LocalizedText = { de: 'Abgeschlossen', en: 'Closed' };

/** The labels of the reached milestones in the citizen's timeline order, in one language. */
export function reachedMilestones(page: TrackingPage, language: 'de' | 'en'): string[] {
  return page.timeline
    .filter((entry) => entry.kind === 'milestone')
    .map((entry) => entry.label[language]);
}

/** The ids of the case's documents of one kind (certificate, decision, invoice, upload). */
export function documentsOf(page: TrackingPage, kind: string): string[] {
  return page.documents.filter((document) => document.kind === kind).map((document) => document.id);
}
