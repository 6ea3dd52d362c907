/** With multi-tenancy on, every request names its tenant and only sees that tenant's work. */
import { readFile } from 'node:fs/promises';
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bpmn, grpcFailure, startTestEngine, type TestEngine } from '../harness';

describe('multi-tenancy', () => {
  let t: TestEngine;

  beforeAll(async () => {
    t = await startTestEngine({ multiTenancy: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  const deployTo = async (tenantId: string) =>
    t.gateway.unary<{
      tenantId: string;
      deployments: { process: { tenantId: string; version: number } }[];
    }>('DeployResource', {
      resources: [
        {
          name: 'waits-forever.bpmn',
          content: await readFile(bpmn(import.meta.url, 'waits-forever.bpmn')),
        },
      ],
      tenantId,
    });

  const activate = (tenantIds: string[]) =>
    t.gateway.serverStream<{ jobs: { tenantId: string }[] }>('ActivateJobs', {
      type: 'manual-review',
      worker: 'clerk',
      timeout: '60000',
      maxJobsToActivate: 10,
      requestTimeout: '-1',
      tenantIds,
    });

  test('deploys and starts per tenant; jobs are activated only for the tenants asked for', async () => {
    const luzern = await deployTo('luzern');
    const kanton = await deployTo('kanton');
    expect(luzern).toMatchObject({
      tenantId: 'luzern',
      deployments: [{ process: { tenantId: 'luzern', version: 1 } }],
    });
    expect(kanton).toMatchObject({
      tenantId: 'kanton',
      deployments: [{ process: { tenantId: 'kanton', version: 1 } }],
    });

    await t.gateway.unary('CreateProcessInstance', {
      bpmnProcessId: 'waits-forever',
      version: -1,
      tenantId: 'luzern',
    });

    expect(await activate(['kanton'])).toEqual([]);
    const [response] = await activate(['kanton', 'luzern']);
    expect(response?.jobs.map((job) => job.tenantId)).toEqual(['luzern']);
  });

  test('an instance of a process of another tenant is NOT_FOUND', async () => {
    await deployTo('eschenbach');

    const failure = await grpcFailure(
      t.gateway.unary('CreateProcessInstance', {
        bpmnProcessId: 'waits-forever',
        version: -1,
        tenantId: 'ebikon',
      }),
    );
    expect(failure.code).toBe(status.NOT_FOUND);
  });

  test.each([
    [
      'DeployResource',
      { resources: [] },
      "Expected to handle gRPC request DeployResource with tenant identifier '', but no tenant identifier was provided.",
    ],
    [
      'CreateProcessInstance',
      { bpmnProcessId: 'waits-forever' },
      "Expected to handle gRPC request CreateProcessInstance with tenant identifier '', but no tenant identifier was provided.",
    ],
    [
      'PublishMessage',
      { name: 'm', tenantId: 'bad tenant' },
      "Expected to handle gRPC request PublishMessage with tenant identifier 'bad tenant', but tenant identifier contains illegal characters",
    ],
  ])('%s without a valid tenant is INVALID_ARGUMENT', async (method, request, details) => {
    expect(await grpcFailure(t.gateway.unary(method, request))).toEqual({
      code: status.INVALID_ARGUMENT,
      details,
    });
  });

  test('ActivateJobs without tenants is INVALID_ARGUMENT', async () => {
    expect(await grpcFailure(activate([]))).toEqual({
      code: status.INVALID_ARGUMENT,
      details:
        "Expected to handle gRPC request ActivateJobs with tenant identifiers '[]', but no tenant identifiers were provided.",
    });
  });
});
