/**
 * The gateway's own request checks, table by table, without an engine: variables documents,
 * tenant identifiers, and job activation requests, each with Zeebe's wording.
 */
import { status } from '@grpc/grpc-js';
import { describe, expect, test } from 'vitest';
import { GatewayError, RejectionError } from '../../../engine/src/gateway/GatewayError';
import {
  toActivateJobsRequest,
  toJobStreamRequest,
} from '../../../engine/src/gateway/rpc/activateJobs';
import { isoDuration } from '../../../engine/src/gateway/rpc/processInstances';
import { rejectionToStatus } from '../../../engine/src/gateway/status';
import { TenantPolicy } from '../../../engine/src/gateway/TenantPolicy';
import { parseVariables } from '../../../engine/src/gateway/variables';

function failureOf(action: () => unknown): { code: number; message: string } {
  try {
    action();
  } catch (error) {
    if (error instanceof GatewayError) return { code: error.code, message: error.message };
    if (error instanceof RejectionError) {
      const mapped = rejectionToStatus(error.rejection);
      return { code: mapped.code, message: mapped.details };
    }
    throw error;
  }
  throw new Error('expected a failure');
}

describe('variables documents', () => {
  test.each([
    ['', {}],
    ['   ', {}],
    ['{}', {}],
    ['{"a":1,"b":{"c":[true,null]}}', { a: 1, b: { c: [true, null] } }],
  ])('%j is accepted', (json, expected) => {
    expect(parseVariables(json)).toEqual(expected);
  });

  test.each([
    ['[]', 'ARRAY'],
    ['[{"a":1}]', 'ARRAY'],
    ['1', 'INTEGER'],
    ['1.5', 'FLOAT'],
    ['"text"', 'STRING'],
    ['true', 'BOOLEAN'],
    ['null', 'NIL'],
  ])('%j is not an object: %s', (json, type) => {
    expect(failureOf(() => parseVariables(json))).toEqual({
      code: status.INVALID_ARGUMENT,
      message: `Property 'variables' is invalid: Expected document to be a root level object, but was '${type}'`,
    });
  });

  test.each(['{', '{"a":}', "{'a':1}", 'not json'])('%j is not JSON', (json) => {
    expect(failureOf(() => parseVariables(json))).toEqual({
      code: status.INVALID_ARGUMENT,
      message: `Invalid JSON value: ${json}`,
    });
  });
});

describe('tenant identifiers', () => {
  const single = new TenantPolicy(false);
  const multi = new TenantPolicy(true);

  test.each([
    [single, '', '<default>'],
    [single, '<default>', '<default>'],
    [multi, 'luzern', 'luzern'],
    [multi, 'kanton.lu_2-a', 'kanton.lu_2-a'],
    [multi, '<default>', '<default>'],
  ])('accepted: %#', (policy, tenantId, expected) => {
    expect(policy.tenantId('DeployResource', tenantId)).toBe(expected);
  });

  test.each([
    [single, 'luzern', "tenant identifier 'luzern', but multi-tenancy is disabled"],
    [multi, '', "tenant identifier '', but no tenant identifier was provided."],
    [
      multi,
      'x'.repeat(32),
      `tenant identifier '${'x'.repeat(32)}', but tenant identifier is longer than 31 characters`,
    ],
    [
      multi,
      'lu zern',
      "tenant identifier 'lu zern', but tenant identifier contains illegal characters",
    ],
  ])('rejected: %#', (policy, tenantId, reason) => {
    expect(failureOf(() => policy.tenantId('DeployResource', tenantId))).toEqual({
      code: status.INVALID_ARGUMENT,
      message: `Expected to handle gRPC request DeployResource with ${reason}`,
    });
  });

  test('job activation without tenants covers <default>, or is refused with multi-tenancy', () => {
    expect(single.tenantIds('ActivateJobs', [])).toEqual(['<default>']);
    expect(failureOf(() => multi.tenantIds('ActivateJobs', []))).toEqual({
      code: status.INVALID_ARGUMENT,
      message:
        "Expected to handle gRPC request ActivateJobs with tenant identifiers '[]', but no tenant identifiers were provided.",
    });
    expect(multi.tenantIds('ActivateJobs', ['luzern', 'kanton', 'luzern'])).toEqual([
      'luzern',
      'kanton',
    ]);
  });
});

describe('ActivateJobs requests', () => {
  const valid = {
    type: 'charge-card',
    worker: 'billing',
    timeout: '30000',
    maxJobsToActivate: 10,
    fetchVariable: ['orderId'],
    requestTimeout: '0',
    tenantIds: [],
  };
  const tenants = new TenantPolicy(false);

  test('a valid request becomes the engine request', () => {
    expect(toActivateJobsRequest(valid, tenants)).toEqual({
      type: 'charge-card',
      worker: 'billing',
      timeout: 30000,
      maxJobsToActivate: 10,
      fetchVariable: ['orderId'],
      tenantIds: ['<default>'],
    });
  });

  const rejected = (reason: string) =>
    `Command 'ACTIVATE' rejected with code 'INVALID_ARGUMENT': Expected to activate job batch with ${reason}`;
  test.each([
    [
      { maxJobsToActivate: 0 },
      rejected("max jobs to activate to be greater than zero, but it was '0'"),
    ],
    [
      { maxJobsToActivate: -5 },
      rejected("max jobs to activate to be greater than zero, but it was '-5'"),
    ],
    [{ timeout: '0' }, rejected("timeout to be greater than zero, but it was '0'")],
    [{ timeout: '-1' }, rejected("timeout to be greater than zero, but it was '-1'")],
    [{ type: '' }, rejected('type to be present, but it was blank')],
    [
      { tenantIds: ['luzern'] },
      "Expected to handle gRPC request ActivateJobs with tenant identifier 'luzern', but multi-tenancy is disabled",
    ],
  ])('invalid: %j', (change, message) => {
    expect(failureOf(() => toActivateJobsRequest({ ...valid, ...change }, tenants))).toEqual({
      code: status.INVALID_ARGUMENT,
      message,
    });
  });
});

describe('StreamActivatedJobs requests', () => {
  const valid = {
    type: 'print-label',
    worker: 'printer',
    timeout: '1000',
    fetchVariable: [],
    tenantIds: [],
  };
  const tenants = new TenantPolicy(false);

  test.each([
    [{ type: '' }, 'Expected to stream activated jobs with type to be present, but it was blank'],
    [{ type: '  ' }, 'Expected to stream activated jobs with type to be present, but it was blank'],
    [
      { timeout: '0' },
      'Expected to stream activated jobs with timeout to be greater than zero, but it was 0',
    ],
  ])('invalid: %j', (change, message) => {
    expect(failureOf(() => toJobStreamRequest({ ...valid, ...change }, tenants))).toEqual({
      code: status.INVALID_ARGUMENT,
      message,
    });
  });
});

describe('rejections', () => {
  test.each([
    ['INVALID_ARGUMENT', status.INVALID_ARGUMENT],
    ['NOT_FOUND', status.NOT_FOUND],
    ['ALREADY_EXISTS', status.ALREADY_EXISTS],
    ['INVALID_STATE', status.FAILED_PRECONDITION],
    ['PROCESSING_ERROR', status.INTERNAL],
    ['EXCEEDED_BATCH_RECORD_SIZE', status.UNKNOWN],
  ] as const)('%s becomes gRPC status %i with Zeebe’s message', (type, code) => {
    expect(rejectionToStatus({ intent: 'COMPLETE', type, reason: 'because' })).toEqual({
      code,
      details: `Command 'COMPLETE' rejected with code '${type}': because`,
    });
  });

  test.each([
    [15_000, 'PT15S'],
    [500, 'PT0.5S'],
    [90_000, 'PT1M30S'],
    [3_600_000, 'PT1H'],
  ])('%i ms is %s', (ms, text) => {
    expect(isoDuration(ms)).toBe(text);
  });
});
