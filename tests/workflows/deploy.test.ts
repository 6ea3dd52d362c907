/**
 * Every service deploys on the embedded engine as the server will deploy it: its BPMN, forms
 * and DMN in one DeployResource to the adopting municipality's tenant, and its partner processes
 * (manifest partnerProcesses) in another to their tenant — with multi-tenancy on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../engine/harness';
import { readDmn } from './decisionTable';
import { services, type ServiceUnderTest } from './workflowSuite';

interface DeployResponse {
  tenantId: string;
  deployments: {
    process?: { bpmnProcessId: string; tenantId: string };
    decision?: { dmnDecisionId: string };
    form?: { formId: string };
  }[];
}

function resourcesOf(service: ServiceUnderTest, names: (name: string) => boolean) {
  const file = (name: string, content: string) => ({ name, content: Buffer.from(content) });
  return [
    ...service.bpmn.filter((r) => names(r.name)).map((r) => file(r.name, r.content)),
    ...service.dmn.filter((r) => names(r.name)).map((r) => file(r.name, r.content)),
    ...service.forms
      .filter((r) => names(r.name))
      .map((r) => file(r.name, JSON.stringify(r.content))),
  ];
}

describe('deployment on the embedded engine', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine({ multiTenancy: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  const deploy = (tenantId: string, resources: { name: string; content: Buffer }[]) =>
    t.gateway.unary<DeployResponse>('DeployResource', { resources, tenantId });

  it.each(services)(
    '$id deploys its BPMN, forms and DMN together, partner processes to their tenant',
    async (service) => {
      // given
      const manifest = service.parsedManifest;
      expect(manifest, 'a valid manifest').toBeDefined();
      const partnerFiles = new Set(manifest?.partnerProcesses?.flatMap((p) => p.resources) ?? []);
      const decisionIds = (
        await Promise.all(service.dmn.map((file) => readDmn(file.content)))
      ).flatMap((dmn) => dmn.decisions.map((decision) => decision.decisionId));

      // when
      const main = await deploy(
        'luzern',
        resourcesOf(service, (name) => !partnerFiles.has(name)),
      );

      // then every process, form and decision of the municipality's part is deployed
      const ownForms = service.forms
        .filter((f) => !partnerFiles.has(f.name))
        .map((f) => f.content.id);
      const ownProcesses = service.processes.filter((p) => !p.partner).map((p) => p.processId);
      expect(main.tenantId).toBe('luzern');
      expect(main.deployments.flatMap((d) => d.process?.bpmnProcessId ?? [])).toEqual(ownProcesses);
      expect(main.deployments.flatMap((d) => d.form?.formId ?? []).sort()).toEqual(
        [...ownForms].sort(),
      );
      expect(main.deployments.flatMap((d) => d.decision?.dmnDecisionId ?? []).sort()).toEqual(
        decisionIds.sort(),
      );
      expect(ownProcesses).toContain(manifest?.bpmnProcessId);
      expect(ownForms).toContain(manifest?.startFormId);

      for (const partner of manifest?.partnerProcesses ?? []) {
        // when
        const response = await deploy(
          partner.tenant,
          resourcesOf(service, (name) => partner.resources.includes(name)),
        );
        // then
        expect(response.deployments.flatMap((d) => d.process ?? [])).toEqual([
          expect.objectContaining({
            bpmnProcessId: partner.bpmnProcessId,
            tenantId: partner.tenant,
          }),
        ]);
      }
    },
  );
});
