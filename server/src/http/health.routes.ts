/**
 * Liveness (`/health`: the process answers) and readiness (`/ready`: the database and the
 * Zeebe engine answer). Readiness checks run with a short timeout so a hanging dependency
 * makes the probe fail instead of hang.
 */
import { Router } from 'express';
import { responses, type OpenApiPaths } from './openapi';
import type { RouteModule } from './routeModule';

export type ReadinessCheck = () => Promise<void>;

const CHECK_TIMEOUT_MS = 3000;

async function runCheck(check: ReadinessCheck): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'down'>((resolve) => {
    timer = setTimeout(() => resolve('down'), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check().then(() => 'up' as const), timeout]);
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(
  checks: Record<string, ReadinessCheck>,
  openApiDocument: () => unknown,
): RouteModule {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'up' });
  });
  router.get('/ready', async (_req, res) => {
    const names = Object.keys(checks);
    const results = await Promise.all(names.map((name) => runCheck(checks[name]!)));
    const components = Object.fromEntries(names.map((name, i) => [name, results[i]]));
    if (results.some((status) => status === 'down')) {
      res.status(503).set('Retry-After', '5');
      res.json({ status: 'down', components });
      return;
    }
    res.json({ status: 'up', components });
  });
  router.get('/api/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  return { prefix: '', router, openapi: healthOpenApi };
}

const statusSchema = {
  type: 'object',
  properties: {
    status: { enum: ['up', 'down'] },
    components: { type: 'object', additionalProperties: { enum: ['up', 'down'] } },
  },
};

export const healthOpenApi: OpenApiPaths = {
  '/health': {
    get: {
      summary: 'Liveness: the process answers',
      tags: ['operations'],
      responses: {
        '200': { description: 'Up', content: { 'application/json': { schema: statusSchema } } },
      },
    },
  },
  '/ready': {
    get: {
      summary: 'Readiness: database and engine reachable',
      tags: ['operations'],
      responses: {
        '200': { description: 'Ready', content: { 'application/json': { schema: statusSchema } } },
        '503': {
          description: 'Not ready',
          content: { 'application/json': { schema: statusSchema } },
        },
      },
    },
  },
  '/api/openapi.json': {
    get: {
      summary: 'This OpenAPI document',
      tags: ['operations'],
      responses: { '200': { description: 'OpenAPI 3.1 document' }, default: responses.problem },
    },
  },
};
