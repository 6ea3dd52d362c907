/**
 * Who may touch a case, its tasks and its documents — over every such endpoint the server
 * registers. The list of endpoints comes from the route modules (the same walk as the OpenAPI
 * test), so a new endpoint whose path names cases, tasks or documents fails this test until it
 * is given a row here.
 *
 * Callers who must get nothing: an anonymous caller, a citizen holding another case's tracking
 * token, a clerk of another tenant (same group name) and a clerk of the tenant outside the
 * candidate group. Each gets 401, 403 or 404 — or, from a list, a page without the case — and
 * never the data; a refused change changes nothing. Then CSRF: the clerk who may act, without
 * the token or from a foreign Origin, is refused too.
 */
import knexFactory from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeModules } from '../../../server/src/http/app';
import { listRoutes } from '../../../server/src/http/routeModule';
import { createServices } from '../../../server/src/services';
import type { Browser } from '../auth/support/browser';
import { tinyPdf } from '../documents/fixtures';
import {
  applicationData,
  json,
  openTaskOf,
  startPortalWorld,
  submit,
  type PortalWorld,
  type Submitted,
} from './support';

/** The case, its task and its document the callers try to reach. */
interface Target {
  caseId: string;
  reference: string;
  token: string;
  taskId: string;
  documentId: string;
  processInstanceKey: string;
}

type Kind = 'staff' | 'citizen';
interface Endpoint {
  kind: Kind;
  /** The URL for the target. */
  url(t: Target): string;
  body?: unknown;
  /** A list: outsiders get 200 with a page that does not hold the target. */
  list?: boolean;
}

/** Every case, task and document endpoint, by `METHOD path` as the route modules list them. */
const ENDPOINTS: Record<string, Endpoint> = {
  'get /api/cases': { kind: 'staff', url: () => '/api/cases?perPage=100', list: true },
  'get /api/cases/{id}': { kind: 'staff', url: (t) => `/api/cases/${t.caseId}` },
  'get /api/tasks': { kind: 'staff', url: () => '/api/tasks', list: true },
  'get /api/tasks/{id}': { kind: 'staff', url: (t) => `/api/tasks/${t.taskId}` },
  'post /api/tasks/{id}/claim': { kind: 'staff', url: (t) => `/api/tasks/${t.taskId}/claim` },
  'post /api/tasks/{id}/unclaim': { kind: 'staff', url: (t) => `/api/tasks/${t.taskId}/unclaim` },
  'post /api/tasks/{id}/assign': {
    kind: 'staff',
    url: (t) => `/api/tasks/${t.taskId}/assign`,
    body: { assignee: 'anna' },
  },
  'post /api/tasks/{id}/complete': {
    kind: 'staff',
    url: (t) => `/api/tasks/${t.taskId}/complete`,
    body: { data: { residentSince: '2019-04-01' } },
  },
  'get /api/tasks/{id}/colleagues': {
    kind: 'staff',
    url: (t) => `/api/tasks/${t.taskId}/colleagues`,
  },
  'get /api/tasks/{id}/diagram': { kind: 'staff', url: (t) => `/api/tasks/${t.taskId}/diagram` },
  'get /api/tasks/{id}/comments': {
    kind: 'staff',
    url: (t) => `/api/tasks/${t.taskId}/comments`,
  },
  'post /api/tasks/{id}/comments': {
    kind: 'staff',
    url: (t) => `/api/tasks/${t.taskId}/comments`,
    body: { body: 'Bitte Mietvertrag nachreichen' },
  },
  'get /api/portal/cases/{reference}': {
    kind: 'citizen',
    url: (t) => `/api/portal/cases/${t.reference}`,
  },
  'get /api/portal/cases/{reference}/documents/{documentId}': {
    kind: 'citizen',
    url: (t) => `/api/portal/cases/${t.reference}/documents/${t.documentId}`,
  },
  'get /api/portal/cases/{reference}/requests/{requestId}': {
    kind: 'citizen',
    url: (t) => `/api/portal/cases/${t.reference}/requests/${t.taskId}`,
  },
  'post /api/portal/cases/{reference}/requests/{requestId}': {
    kind: 'citizen',
    url: (t) => `/api/portal/cases/${t.reference}/requests/${t.taskId}`,
    body: { data: { residentSince: '2019-04-01' } },
  },
  'get /api/cases/{id}/documents/{documentId}': {
    kind: 'staff',
    url: (t) => `/api/cases/${t.caseId}/documents/${t.documentId}`,
  },
  'get /api/portal/my-cases': { kind: 'citizen', url: () => '/api/portal/my-cases', list: true },
};

/** Matching endpoints that are public by design, and why. */
const PUBLIC: Record<string, string> = {
  'post /api/portal/tenants/{tenantId}/services/{serviceId}/submissions':
    'creates a case; answers only its own',
  'post /api/portal/my-cases/code': 'asks for a one-time code; answers the same for any address',
  'post /api/portal/my-cases/session': 'exchanges a mailed code for a session',
};

const SENSITIVE = /\/(cases|tasks|documents|my-cases|submissions)\b/;

/** What a refused change must leave as it was (the lease columns move on their own). */
const taskState = () =>
  world.server
    .knex('public.tasks')
    .where({ id: target.taskId })
    .first('status', 'assignee', 'completing_since', 'completed_at', 'completed_by', 'variables');

let world: PortalWorld;
let target: Target;
let otherToken: string;
const pdfText = 'Mietvertrag Keller';

beforeAll(async () => {
  world = await startPortalWorld();
  // the target: Lea's case with an attachment, waiting in the review task
  const res = await submit(world, applicationData(), [
    { content: await tinyPdf(pdfText), name: 'Mietvertrag.pdf' },
  ]);
  expect(res.status).toBe(201);
  const lea = await json<Submitted>(res);
  const task = await openTaskOf(world, lea.id);
  const document = (await world.server
    .knex('public.documents')
    .where({ case_id: lea.id })
    .first('id')) as { id: string };
  const row = (await world.server.knex('public.cases').where({ id: lea.id }).first()) as {
    process_instance_key: string;
  };
  target = {
    caseId: lea.id,
    reference: lea.reference,
    token: lea.trackingToken,
    taskId: task.id,
    documentId: document.id,
    processInstanceKey: row.process_instance_key,
  };
  // another citizen's case of the same service and tenant
  const other = await submit(
    world,
    applicationData({
      applicant: { firstName: 'Max', lastName: 'Huber', email: 'max.huber@example.ch' },
    }),
  );
  otherToken = (await json<Submitted>(other)).trackingToken;
}, 120_000);

afterAll(async () => {
  await world?.stop();
});

describe('the endpoints of cases, tasks and documents', () => {
  it('are all in the matrix (or public by design)', () => {
    const services = createServices(knexFactory({ client: 'pg' }), {
      smtpUrl: undefined,
      mailFrom: 'test@localhost',
    });
    const served = routeModules({ readiness: {}, version: 'test', services })
      .flatMap(listRoutes)
      .map((route) => `${route.method} ${route.path}`)
      .filter((route) => SENSITIVE.test(route) && !route.includes('/api/admin/'));
    expect(served.filter((route) => !ENDPOINTS[route] && !PUBLIC[route])).toEqual([]);
    expect(Object.keys(ENDPOINTS).filter((route) => !served.includes(route))).toEqual([]);
  });
});

/** What must never appear in an outsider's answer. */
function leaks(text: string, list: boolean): string[] {
  const secrets = [
    'lea.keller@example.ch',
    'Keller',
    'Arbeitgeber',
    '%PDF',
    target.processInstanceKey,
    target.token,
  ];
  if (list) secrets.push(target.caseId, target.reference, target.taskId);
  return secrets.filter((secret) => text.includes(secret));
}

type Caller =
  'anonymous' | 'another case’s token' | 'clerk of another tenant' | 'clerk outside the group';

async function call(caller: Caller, method: string, endpoint: Endpoint): Promise<Response> {
  const url = endpoint.url(target);
  const options = endpoint.body === undefined ? {} : { body: endpoint.body };
  const browser: Browser =
    caller === 'clerk of another tenant'
      ? await world.as('dario')
      : caller === 'clerk outside the group'
        ? await world.as('carla')
        : world.anonymous();
  const headers: Record<string, string> =
    caller === 'another case’s token' ? { Authorization: `Bearer ${otherToken}` } : {};
  return browser.request(method.toUpperCase(), url, { ...options, headers });
}

/** What each caller gets from an endpoint of each kind (a list that answers: 200 without it). */
function expected(caller: Caller, endpoint: Endpoint): number {
  const clerk = caller === 'clerk of another tenant' || caller === 'clerk outside the group';
  if (endpoint.kind === 'staff') return clerk ? (endpoint.list ? 200 : 404) : 401;
  if (caller === 'another case’s token') return endpoint.list ? 401 : 404;
  return 401;
}

const callers: Caller[] = [
  'anonymous',
  'another case’s token',
  'clerk of another tenant',
  'clerk outside the group',
];
const rows = Object.entries(ENDPOINTS).flatMap(([route, endpoint]) =>
  callers.map((caller) => [route, caller, endpoint] as const),
);

describe('an outsider', () => {
  it.each(rows)('%s — %s: refused, never the data', async (route, caller, endpoint) => {
    const method = route.split(' ')[0]!;
    const before = await taskState();
    const comments = await world.server.knex('public.task_comments').count({ n: '*' });

    const res = await call(caller, method, endpoint);

    const status = expected(caller, endpoint);
    expect(res.status).toBe(status);
    const text = await res.text();
    if (status !== 200) {
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(leaks(text, Boolean(endpoint.list))).toEqual([]);
    // and nothing changed
    expect(await taskState()).toEqual(before);
    expect(await world.server.knex('public.task_comments').count({ n: '*' })).toEqual(comments);
  });
});

describe('CSRF on state-changing staff requests', () => {
  const changes = Object.entries(ENDPOINTS).filter(
    ([route, endpoint]) => endpoint.kind === 'staff' && !route.startsWith('get '),
  );

  it.each(changes)(
    '%s is refused without the token, or from a foreign Origin',
    async (route, endpoint) => {
      const anna = await world.as('anna');
      const method = route.split(' ')[0]!.toUpperCase();
      const options = endpoint.body === undefined ? {} : { body: endpoint.body };
      const before = await taskState();

      const withoutToken = await anna.request(method, endpoint.url(target), {
        ...options,
        noCsrf: true,
      });
      const foreignOrigin = await anna.request(method, endpoint.url(target), {
        ...options,
        headers: { Origin: 'https://evil.example' },
      });

      for (const res of [withoutToken, foreignOrigin]) {
        expect(res.status).toBe(403);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
      }
      expect(await taskState()).toEqual(before);
    },
  );

  it('lets the same clerk act with the token from the own origin (the refusals were CSRF)', async () => {
    const anna = await world.as('anna');
    const res = await anna.post(`/api/tasks/${target.taskId}/comments`, {
      body: { body: 'geprüft' },
    });
    expect(res.status).toBe(201);
  });
});
