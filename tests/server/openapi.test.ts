import { describe, expect, it } from 'vitest';
import knexFactory from 'knex';
import { routeModules } from '../../server/src/http/app';
import { createServices } from '../../server/src/services';
import { listRoutes } from '../../server/src/http/routeModule';

describe('OpenAPI document', () => {
  // A knex without a connection: building the route modules touches no database.
  const services = createServices(knexFactory({ client: 'pg' }), {
    smtpUrl: undefined,
    mailFrom: 'test@localhost',
  });
  const modules = routeModules({ readiness: {}, version: 'test', services });

  it('describes every route the server registers', async () => {
    const served = modules.flatMap(listRoutes);
    expect(served.length).toBeGreaterThan(0);
    const paths = Object.assign({}, ...modules.map((m) => m.openapi)) as Record<
      string,
      Record<string, unknown>
    >;
    const undocumented = served.filter((route) => !paths[route.path]?.[route.method]);
    expect(undocumented).toEqual([]);
  });

  it('documents no route that is not served', () => {
    const served = new Set(modules.flatMap(listRoutes).map((r) => `${r.method} ${r.path}`));
    const paths = Object.assign({}, ...modules.map((m) => m.openapi)) as Record<
      string,
      Record<string, unknown>
    >;
    const documented = Object.entries(paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    expect(documented.filter((entry) => !served.has(entry))).toEqual([]);
  });
});
