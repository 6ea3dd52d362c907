/**
 * A service folder with several .bpmn files (`workflows/building-permit`: the municipality's
 * `building-permit` and the canton's partner process `building-consultation`): the catalog
 * deploys all of them — with multi-tenancy, the partner process and its form to the tenant the
 * manifest names (`kanton`), the rest to the adopting tenant; without, everything in one
 * deployment under `<default>`. Checked in the engine's own resource table.
 */
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateServer } from '../../../server/src/db/database';
import { CatalogDeployer } from '../../../server/src/services/catalog.deployer';
import { CatalogService } from '../../../server/src/services/catalog.service';
import { startTestEngine, type TestEngine } from '../../engine/harness';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { WORKFLOWS_DIR } from '../../workflows/workflowFiles';

const MAIN = [
  'building-permit-application.form',
  'building-permit-completeness.form',
  'building-permit-decision.form',
  'building-permit-missing-documents.form',
  'building-permit.bpmn',
  'building-permit.dmn',
];
const PARTNER = ['building-consultation-statement.form', 'building-consultation.bpmn'];

let serverDatabase: TestDatabase;
let knex: Knex;
let catalog: CatalogService;

beforeAll(async () => {
  serverDatabase = await createTestDatabase();
  const db = await serverDatabase.open();
  await migrateServer(db);
  knex = db.knex;
  catalog = new CatalogService(knex, WORKFLOWS_DIR);
  catalog.load();
});

afterAll(async () => {
  await serverDatabase?.drop();
});

async function deployedResources(engine: TestEngine): Promise<Record<string, string[]>> {
  const rows = (await engine
    .knex('engine.resources')
    .select('tenant_id', 'resource_name')
    .orderBy('resource_name')) as { tenant_id: string; resource_name: string }[];
  const byTenant: Record<string, string[]> = {};
  for (const row of rows) (byTenant[row.tenant_id] ??= []).push(row.resource_name);
  return byTenant;
}

describe('a service with a partner process', () => {
  it('is loaded with every .bpmn, the partner resources marked for their tenant', () => {
    const service = catalog.get('building-permit')!;
    expect(service.bpmnProcessId).toBe('building-permit');
    const partnerTenants = Object.fromEntries(
      service.resources.map((resource) => [resource.name, resource.partnerTenant ?? null]),
    );
    expect(partnerTenants).toEqual({
      ...Object.fromEntries(MAIN.map((name) => [name, null])),
      ...Object.fromEntries(PARTNER.map((name) => [name, 'kanton'])),
    });
  });

  it('with multi-tenancy: the partner process goes to the canton, the rest to the municipality', async () => {
    const engine = await startTestEngine({ multiTenancy: true });
    try {
      // given a deployer with multi-tenancy
      const deployer = new CatalogDeployer(knex, catalog, () => engine.zeebe, {
        multiTenancy: true,
      });

      // when Luzern's building permit is deployed
      await deployer.ensureDeployed(catalog.get('building-permit')!, 'luzern');

      // then the engine holds each resource in its tenant, and the catalog remembers both
      expect(await deployedResources(engine)).toEqual({ kanton: PARTNER, luzern: MAIN });
      const rows = (await knex('public.service_deployments')
        .select('service_id', 'engine_tenant_id', 'bpmn_process_id')
        .orderBy('service_id')) as Record<string, string>[];
      expect(rows).toEqual([
        {
          service_id: 'building-permit',
          engine_tenant_id: 'luzern',
          bpmn_process_id: 'building-permit',
        },
        {
          service_id: 'building-permit@kanton',
          engine_tenant_id: 'kanton',
          bpmn_process_id: 'building-permit',
        },
      ]);

      // when Eschenbach adopts it too, the canton's unchanged partner process is not deployed again
      await deployer.ensureDeployed(catalog.get('building-permit')!, 'eschenbach');
      const after = await deployedResources(engine);
      expect(after.kanton).toEqual(PARTNER);
      expect(after.eschenbach).toEqual(MAIN);
    } finally {
      await knex('public.service_deployments').delete();
      await engine.close();
    }
  });

  it('without multi-tenancy: both processes in one deployment under <default>', async () => {
    const engine = await startTestEngine();
    try {
      const deployer = new CatalogDeployer(knex, catalog, () => engine.zeebe, {
        multiTenancy: false,
      });

      await deployer.ensureDeployed(catalog.get('building-permit')!, '<default>');

      expect(await deployedResources(engine)).toEqual({
        '<default>': [...MAIN, ...PARTNER].sort(),
      });
      const deployments = (await engine.knex('engine.deployments').select('key')) as unknown[];
      expect(deployments).toHaveLength(1);
    } finally {
      await knex('public.service_deployments').delete();
      await engine.close();
    }
  });
});
