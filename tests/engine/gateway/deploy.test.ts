/** DeployResource (and the deprecated DeployProcess): versions, and what is refused. */
import { readFile } from 'node:fs/promises';
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bpmn, grpcFailure, startTestEngine, type TestEngine } from '../harness';

describe('DeployResource', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine();
  });
  afterAll(async () => {
    await t?.close();
  });

  test('deploys a process as version 1, an unchanged redeploy keeps it, a change makes version 2', async () => {
    // given a process deployed once
    const first = await t.zeebe.deployResource({
      name: 'order-process.bpmn',
      process: await readFile(bpmn(import.meta.url, 'order-process.bpmn')),
    });
    const firstProcess = first.deployments[0]?.process;
    expect(firstProcess).toMatchObject({
      bpmnProcessId: 'order-process',
      version: 1,
      resourceName: 'order-process.bpmn',
      tenantId: '<default>',
    });
    expect(firstProcess?.processDefinitionKey).toMatch(/^\d+$/);
    expect(first.key).toMatch(/^\d+$/);

    // when it is deployed again unchanged
    const again = await t.zeebe.deployResource({
      name: 'order-process.bpmn',
      process: await readFile(bpmn(import.meta.url, 'order-process.bpmn')),
    });

    // then it keeps version and key (Zeebe's duplicate detection)
    expect(again.deployments[0]?.process).toMatchObject({
      bpmnProcessId: 'order-process',
      version: 1,
      processDefinitionKey: firstProcess?.processDefinitionKey,
    });

    // when a changed process with the same id is deployed
    const changed = await t.zeebe.deployResource({
      name: 'order-process.bpmn',
      process: await readFile(bpmn(import.meta.url, 'order-process-changed.bpmn')),
    });

    // then it is the next version
    expect(changed.deployments[0]?.process).toMatchObject({
      bpmnProcessId: 'order-process',
      version: 2,
    });
    expect(changed.deployments[0]?.process.processDefinitionKey).not.toBe(
      firstProcess?.processDefinitionKey,
    );
  });

  test('deploys several resources atomically in one deployment', async () => {
    const deployment = await t.zeebe.deployResources([
      { processFilename: bpmn(import.meta.url, 'instant.bpmn') },
      { processFilename: bpmn(import.meta.url, 'payment-retry.bpmn') },
    ]);

    const ids = deployment.deployments.map(
      (entry) => (entry as { process?: { bpmnProcessId: string } }).process?.bpmnProcessId,
    );
    expect(ids.sort()).toEqual(['instant', 'payment-retry']);
  });

  test('refuses an invalid process with INVALID_ARGUMENT naming the element', async () => {
    const failure = await grpcFailure(
      t.zeebe.deployResource({
        processFilename: bpmn(import.meta.url, 'broken-service-task.bpmn'),
      }),
    );

    expect(failure.code).toBe(status.INVALID_ARGUMENT);
    expect(failure.details).toContain(
      "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to deploy new resources, but encountered the following errors:",
    );
    // the SDK names a resource by its path
    expect(failure.details).toContain("broken-service-task.bpmn': - Element: task-without-type");
    expect(failure.details).toContain(
      "ERROR: Must have exactly one 'zeebe:taskDefinition' extension element",
    );
  });

  test('refuses XML that is not BPMN with INVALID_ARGUMENT', async () => {
    const failure = await grpcFailure(
      t.gateway.unary('DeployResource', {
        resources: [{ name: 'broken.bpmn', content: Buffer.from('<bpmn:definitions') }],
      }),
    );

    expect(failure.code).toBe(status.INVALID_ARGUMENT);
    expect(failure.details).toContain(
      "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to deploy new resources, but encountered the following errors:",
    );
  });

  test('refuses a deployment without resources', async () => {
    const failure = await grpcFailure(t.gateway.unary('DeployResource', { resources: [] }));

    expect(failure).toEqual({
      code: status.INVALID_ARGUMENT,
      details:
        "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to deploy at least one resource, but none given",
    });
  });

  test('refuses a tenant while multi-tenancy is disabled', async () => {
    const failure = await grpcFailure(
      t.gateway.unary('DeployResource', {
        resources: [
          { name: 'instant.bpmn', content: await readFile(bpmn(import.meta.url, 'instant.bpmn')) },
        ],
        tenantId: 'luzern',
      }),
    );

    expect(failure).toEqual({
      code: status.INVALID_ARGUMENT,
      details:
        "Expected to handle gRPC request DeployResource with tenant identifier 'luzern', but multi-tenancy is disabled",
    });
  });

  test('still answers the deprecated DeployProcess', async () => {
    const response = await t.gateway.unary<{
      key: string;
      processes: { bpmnProcessId: string; version: number }[];
    }>('DeployProcess', {
      processes: [
        {
          name: 'waits-forever.bpmn',
          definition: await readFile(bpmn(import.meta.url, 'waits-forever.bpmn')),
        },
      ],
    });

    expect(response.key).toMatch(/^\d+$/);
    expect(response.processes).toMatchObject([{ bpmnProcessId: 'waits-forever', version: 1 }]);
  });

  test('deletes a deployed process definition, and answers NOT_FOUND for an unknown key', async () => {
    const deployment = await t.zeebe.deployResource({
      processFilename: bpmn(import.meta.url, 'streamed.bpmn'),
    });
    const key = deployment.deployments[0]?.process.processDefinitionKey ?? '';

    await t.zeebe.deleteResource({ resourceKey: key });

    const failure = await grpcFailure(t.zeebe.deleteResource({ resourceKey: key }));
    expect(failure).toEqual({
      code: status.NOT_FOUND,
      details: `Command 'DELETE' rejected with code 'NOT_FOUND': Expected to delete resource but no resource found with key \`${key}\``,
    });
  });
});
