/**
 * The service catalog from a fixture folder: loaded at start (a broken folder reported, not
 * fatal), deployed to the engine once per change, listed per municipality by life situation,
 * one service with its start form, and the adoptions administered over ra-data-simple-rest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createZeebeClient } from '../../../server/src/engine/zeebeClient';
import { CatalogDeployer } from '../../../server/src/services/catalog.deployer';
import { checksumOf } from '../../../server/src/services/catalog.loader';
import { CatalogService } from '../../../server/src/services/catalog.service';
import type { TestServer } from '../../server/support/testServer';
import { Browser } from '../auth/support/browser';
import { PASSWORD, createStaff, member } from '../auth/support/staff';
import {
  FIXTURE_WORKFLOWS,
  SERVICE_ID,
  adopt,
  eventually,
  startPortalServer,
} from './fixtures/portalServer';

let server: TestServer;
let platformAdmin: Browser;
let luzernAdmin: Browser;
let luzernClerk: Browser;

beforeAll(async () => {
  server = await startPortalServer();
  await adopt(server.knex, 'luzern', {
    fee_cents: 4000,
    responsible_group: 'einwohnerkontrolle',
    texts: { de: { notice: 'Bitte Impfausweis bereithalten.' } },
  });
  await adopt(server.knex, 'ebikon', { enabled: false });
  const k = server.knex;
  const users = {
    platform: await createStaff(k, {
      username: 'kanton.admin',
      memberships: [member('kanton', ['admin'])],
    }),
    luzern: await createStaff(k, {
      username: 'luzern.admin',
      memberships: [member('luzern', ['admin'])],
    }),
    clerk: await createStaff(k, {
      username: 'luzern.clerk',
      memberships: [member('luzern', ['clerk'])],
    }),
  };
  platformAdmin = await new Browser(server.baseUrl).loginOk(users.platform.username, PASSWORD);
  luzernAdmin = await new Browser(server.baseUrl).loginOk(users.luzern.username, PASSWORD);
  luzernClerk = await new Browser(server.baseUrl).loginOk(users.clerk.username, PASSWORD);
});

afterAll(async () => {
  await server?.stop();
});

interface ListedService {
  id: string;
  tenantId: string;
  title: { de: string; en: string };
  notice: { de: string; en: string } | null;
  fee: { amountCents: number; currency: string } | null;
  expectedDurationDays: number | null;
}

describe('portal catalog', () => {
  it('lists the services Luzern adopted, grouped by life situation, with its own fee and texts', async () => {
    // when a citizen of Luzern opens the catalog
    const res = await fetch(`${server.baseUrl}/api/portal/tenants/luzern/services`);

    // then the fixture service is listed under "Haustiere" with Luzern's fee
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      lifeSituations: {
        lifeSituation: { id: string; label: { de: string } };
        services: ListedService[];
      }[];
    };
    expect(body.lifeSituations).toHaveLength(1);
    const [group] = body.lifeSituations;
    expect(group!.lifeSituation).toEqual({
      id: 'haustiere',
      label: { de: 'Haustiere', en: 'Pets' },
    });
    expect(group!.services).toEqual([
      expect.objectContaining({
        id: SERVICE_ID,
        tenantId: 'luzern',
        title: { de: 'Hundemarke (Testdienst)', en: 'Dog tag (test service)' },
        notice: { de: 'Bitte Impfausweis bereithalten.', en: 'Bitte Impfausweis bereithalten.' },
        fee: { amountCents: 4000, currency: 'CHF', kind: null, note: null },
        expectedDurationDays: 10,
      }),
    ]);
  });

  it.each([
    ['a municipality that did not adopt it', 'eschenbach', 200],
    ['a municipality that disabled it', 'ebikon', 200],
  ])('lists nothing for %s', async (_what, tenantId, status) => {
    const res = await fetch(`${server.baseUrl}/api/portal/tenants/${tenantId}/services`);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { lifeSituations: unknown[] }).lifeSituations).toEqual([]);
  });

  it('answers 404 for an unknown tenant', async () => {
    const res = await fetch(`${server.baseUrl}/api/portal/tenants/atlantis/services`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('gives one service with its start form, the form linked from the BPMN start event', async () => {
    const res = await fetch(`${server.baseUrl}/api/portal/tenants/luzern/services/${SERVICE_ID}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      id: string;
      startForm: { id: string; components: { key?: string }[] };
      startFormTexts: Record<string, unknown>;
    };
    expect(body.id).toBe(SERVICE_ID);
    expect(body.startForm.id).toBe('fixture-dog-tag-start');
    expect(body.startForm.components.map((c) => c.key).filter(Boolean)).toContain('dogName');
    expect(body.startFormTexts).toMatchObject({ en: { dogName: { label: 'Name of the dog' } } });
  });

  it.each([
    ['not adopted', 'eschenbach', SERVICE_ID],
    ['disabled', 'ebikon', SERVICE_ID],
    ['unknown', 'luzern', 'no-such-service'],
    ['malformed', 'luzern', 'Not_A_Service'],
  ])('answers 404 for a service that is %s', async (_what, tenantId, serviceId) => {
    const res = await fetch(
      `${server.baseUrl}/api/portal/tenants/${tenantId}/services/${serviceId}`,
    );
    expect(res.status).toBe(404);
  });
});

describe('deployment', () => {
  it('deploys the fixture service to the engine at start', async () => {
    const row = await eventually(
      async () =>
        (await server
          .knex('public.service_deployments')
          .where({ service_id: SERVICE_ID })
          .first()) as
          { engine_tenant_id: string; bpmn_process_id: string; deployment_key: string } | undefined,
    );
    expect(row).toMatchObject({
      engine_tenant_id: '<default>',
      bpmn_process_id: 'fixture-dog-tag',
    });
  });

  it('deploys again only when the files changed', async () => {
    // given a deployer on the same database and engine
    const zeebe = createZeebeClient(server.engineAddress);
    try {
      const catalog = new CatalogService(server.knex, FIXTURE_WORKFLOWS);
      catalog.load();
      const deployer = new CatalogDeployer(server.knex, catalog, () => zeebe, {
        multiTenancy: false,
      });
      const service = catalog.get(SERVICE_ID)!;
      const first = await eventually(async () =>
        server.knex('public.service_deployments').where({ service_id: SERVICE_ID }).first(),
      );

      // when the unchanged service is ensured, then nothing is deployed
      const same = await deployer.ensureDeployed(service, '<default>');
      expect(same.deploymentKey).toBe((first as { deployment_key: string }).deployment_key);

      // when a file changed, then a new deployment is made and remembered
      const changed = {
        ...service,
        resources: service.resources.map((resource) =>
          resource.kind === 'form'
            ? { ...resource, content: Buffer.concat([resource.content, Buffer.from('\n')]) }
            : resource,
        ),
      };
      const again = await deployer.ensureDeployed(changed, '<default>');
      expect(again.deploymentKey).not.toBe(same.deploymentKey);
      const row = (await server
        .knex('public.service_deployments')
        .where({ service_id: SERVICE_ID })
        .first()) as { checksum: string };
      expect(row.checksum).toBe(checksumOf(changed.resources));
      expect(row.checksum).not.toBe(service.checksum);
    } finally {
      await zeebe.close();
    }
  });
});

describe('catalog administration', () => {
  it('reports folders that could not be loaded, without stopping the others', async () => {
    const res = await platformAdmin.get('/api/admin/services');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      services: { id: string }[];
      problems: { folder: string }[];
    };
    expect(body.services.map((s) => s.id)).toEqual([SERVICE_ID]);
    expect(body.problems.map((p) => p.folder)).toEqual(['broken-service']);
  });

  it('lets an administrator adopt, change and withdraw a service (ra-data-simple-rest)', async () => {
    // when the platform administrator adopts the service for Eschenbach
    const created = await platformAdmin.post('/api/admin/service-adoptions', {
      body: {
        tenantId: 'eschenbach',
        serviceId: SERVICE_ID,
        feeCents: 3000,
        responsibleGroup: 'einwohnerkontrolle',
        contactEmail: 'Kanzlei@Eschenbach.ch',
        texts: { de: { title: 'Hundemarke Eschenbach' } },
      },
    });
    expect(created.status).toBe(201);
    const adoption = (await created.json()) as {
      id: string;
      contactEmail: string;
      feeCents: number;
    };
    expect(adoption).toMatchObject({ contactEmail: 'kanzlei@eschenbach.ch', feeCents: 3000 });

    // then Eschenbach's citizens see it with Eschenbach's title
    const listed = (await (
      await fetch(`${server.baseUrl}/api/portal/tenants/eschenbach/services`)
    ).json()) as {
      lifeSituations: { services: ListedService[] }[];
    };
    expect(listed.lifeSituations[0]!.services[0]!.title.de).toBe('Hundemarke Eschenbach');

    // and the list follows the simple-rest contract
    const list = await platformAdmin.get(
      '/api/admin/service-adoptions?sort=["tenantId","ASC"]&range=[0,9]&filter={"serviceId":"fixture-dog-tag"}',
    );
    expect(list.status).toBe(200);
    expect(list.headers.get('content-range')).toBe('service-adoptions 0-2/3');
    expect(((await list.json()) as { tenantId: string }[]).map((a) => a.tenantId)).toEqual([
      'ebikon',
      'eschenbach',
      'luzern',
    ]);

    // when adopted twice, then 409
    const twice = await platformAdmin.post('/api/admin/service-adoptions', {
      body: { tenantId: 'eschenbach', serviceId: SERVICE_ID },
    });
    expect(twice.status).toBe(409);

    // when disabled, then it disappears from the portal
    const updated = await platformAdmin.put(`/api/admin/service-adoptions/${adoption.id}`, {
      body: { ...adoption, enabled: false },
    });
    expect(updated.status).toBe(200);
    const after = (await (
      await fetch(`${server.baseUrl}/api/portal/tenants/eschenbach/services`)
    ).json()) as {
      lifeSituations: unknown[];
    };
    expect(after.lifeSituations).toEqual([]);

    // when withdrawn, then it is gone, and the changes are audited
    expect((await platformAdmin.delete(`/api/admin/service-adoptions/${adoption.id}`)).status).toBe(
      200,
    );
    expect((await platformAdmin.get(`/api/admin/service-adoptions/${adoption.id}`)).status).toBe(
      404,
    );
    const audited = (await server
      .knex('public.audit_log')
      .where({ object_type: 'service_adoption', object_id: adoption.id })
      .orderBy('id')
      .pluck('action')) as string[];
    expect(audited).toEqual([
      'service_adoption.create',
      'service_adoption.update',
      'service_adoption.delete',
    ]);
  });

  it('keeps each administrator to their tenants', async () => {
    // Luzern's administrator sees Luzern's adoption only
    const list = await luzernAdmin.get('/api/admin/service-adoptions');
    expect(((await list.json()) as { tenantId: string }[]).map((a) => a.tenantId)).toEqual([
      'luzern',
    ]);
    // and cannot adopt for another tenant
    const foreign = await luzernAdmin.post('/api/admin/service-adoptions', {
      body: { tenantId: 'eschenbach', serviceId: SERVICE_ID },
    });
    expect(foreign.status).toBe(403);
    // and an unknown service is a field error
    const unknown = await luzernAdmin.post('/api/admin/service-adoptions', {
      body: { tenantId: 'luzern', serviceId: 'no-such-service' },
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe(
      'serviceId',
    );
  });

  it.each([
    ['an undeclared parameter', { colour: 'blue' }, 'parameters.colour'],
    ['a parameter of the wrong type', { tagFee: 'forty' }, 'parameters.tagFee'],
  ])('refuses %s', async (_what, parameters, field) => {
    const res = await platformAdmin.post('/api/admin/service-adoptions', {
      body: { tenantId: 'kriens', serviceId: SERVICE_ID, parameters },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe(field);
  });

  it("keeps a tenant's parameter values", async () => {
    const res = await platformAdmin.post('/api/admin/service-adoptions', {
      body: { tenantId: 'kriens', serviceId: SERVICE_ID, parameters: { tagFee: 35 } },
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { parameters: unknown }).parameters).toEqual({ tagFee: 35 });
  });

  it.each([
    ['a clerk', () => luzernClerk, 403],
    ['the anonymous', () => new Browser(server.baseUrl), 401],
  ])('refuses %s', async (_who, browser, status) => {
    expect((await browser().get('/api/admin/service-adoptions')).status).toBe(status);
    expect((await browser().get('/api/admin/services')).status).toBe(status);
  });
});
