/**
 * Requests the gateway refuses before they reach the engine, over the wire with a bare gRPC
 * client (client libraries would not send them), each with Zeebe's status and wording.
 */
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bpmn, grpcFailure, startTestEngine, type TestEngine } from '../harness';

describe('request validation', () => {
  let t: TestEngine;

  beforeAll(async () => {
    t = await startTestEngine();
    await t.zeebe.deployResource({ processFilename: bpmn(import.meta.url, 'instant.bpmn') });
  });
  afterAll(async () => {
    await t?.close();
  });

  const activation = {
    type: 'anything',
    worker: 'w',
    timeout: '1000',
    maxJobsToActivate: 1,
    requestTimeout: '-1',
  };
  const batchRejected = (reason: string) =>
    `Command 'ACTIVATE' rejected with code 'INVALID_ARGUMENT': Expected to activate job batch with ${reason}`;

  test.each([
    ['empty type', { type: '' }, batchRejected('type to be present, but it was blank')],
    [
      'maxJobsToActivate 0',
      { maxJobsToActivate: 0 },
      batchRejected("max jobs to activate to be greater than zero, but it was '0'"),
    ],
    [
      'negative timeout',
      { timeout: '-1' },
      batchRejected("timeout to be greater than zero, but it was '-1'"),
    ],
    [
      'a tenant without multi-tenancy',
      { tenantIds: ['luzern'] },
      "Expected to handle gRPC request ActivateJobs with tenant identifier 'luzern', but multi-tenancy is disabled",
    ],
  ])('ActivateJobs with %s', async (_, change, details) => {
    expect(
      await grpcFailure(t.gateway.serverStream('ActivateJobs', { ...activation, ...change })),
    ).toEqual({ code: status.INVALID_ARGUMENT, details });
  });

  test.each([
    [
      'empty type',
      { type: '' },
      'Expected to stream activated jobs with type to be present, but it was blank',
    ],
    [
      'timeout 0',
      { timeout: '0' },
      'Expected to stream activated jobs with timeout to be greater than zero, but it was 0',
    ],
  ])('StreamActivatedJobs with %s', async (_, change, details) => {
    expect(
      await grpcFailure(
        t.gateway.serverStream('StreamActivatedJobs', {
          type: 'x',
          worker: 'w',
          timeout: '1000',
          ...change,
        }),
      ),
    ).toEqual({ code: status.INVALID_ARGUMENT, details });
  });

  const notAnObject = (type: string) =>
    `Property 'variables' is invalid: Expected document to be a root level object, but was '${type}'`;
  test.each([
    [
      'CreateProcessInstance',
      { bpmnProcessId: 'instant', version: -1, variables: '{"a":' },
      'Invalid JSON value: {"a":',
    ],
    [
      'CreateProcessInstance',
      { bpmnProcessId: 'instant', version: -1, variables: '[1,2]' },
      notAnObject('ARRAY'),
    ],
    ['CompleteJob', { jobKey: '1', variables: '"done"' }, notAnObject('STRING')],
    ['FailJob', { jobKey: '1', retries: 1, variables: '42' }, notAnObject('INTEGER')],
    ['ThrowError', { jobKey: '1', errorCode: 'E', variables: 'nope' }, 'Invalid JSON value: nope'],
    ['SetVariables', { elementInstanceKey: '1', variables: '[]' }, notAnObject('ARRAY')],
    [
      'PublishMessage',
      { name: 'm', correlationKey: 'k', variables: 'true' },
      notAnObject('BOOLEAN'),
    ],
    ['BroadcastSignal', { signalName: 's', variables: 'null' }, notAnObject('NIL')],
  ])('%s with variables %j', async (method, request, details) => {
    expect(await grpcFailure(t.gateway.unary(method, request))).toEqual({
      code: status.INVALID_ARGUMENT,
      details,
    });
  });

  test.each(['CreateProcessInstance', 'PublishMessage', 'BroadcastSignal'])(
    '%s naming a tenant without multi-tenancy',
    async (method) => {
      expect(
        await grpcFailure(
          t.gateway.unary(method, {
            bpmnProcessId: 'instant',
            version: -1,
            name: 'm',
            signalName: 's',
            tenantId: 'luzern',
          }),
        ),
      ).toEqual({
        code: status.INVALID_ARGUMENT,
        details: `Expected to handle gRPC request ${method} with tenant identifier 'luzern', but multi-tenancy is disabled`,
      });
    },
  );

  test.each(['MigrateProcessInstance'])('%s is UNIMPLEMENTED, saying so', async (method) => {
    const failure = await grpcFailure(t.gateway.unary(method, {}));
    expect(failure.code).toBe(status.UNIMPLEMENTED);
    expect(failure.details).toContain(`${method} is not implemented`);
  });
});
