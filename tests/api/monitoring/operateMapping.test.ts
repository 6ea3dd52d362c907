/**
 * The Operate adapter's mapping, without an Operate: request bodies built from our queries, and
 * Operate v1 responses (documented shapes, parsed by @camunda8/sdk) mapped to our shapes.
 */
import { describe, expect, test } from 'vitest';
import type {
  FlowNodeInstance,
  ProcessInstanceQuery,
} from '../../../server/src/monitoring/Monitoring';
import { MonitoringQueryError } from '../../../server/src/monitoring/Monitoring';
import {
  countFlowNodes,
  decodeCursor,
  incidentSearch,
  keepTenants,
  nextCursor,
  processInstanceSearch,
  searchBy,
  toFlowNodeInstance,
  toHistory,
  toIncident,
  toProcessInstance,
  toVariable,
  type OperateFlowNodeInstance,
  type OperateProcessInstance,
} from '../../../server/src/monitoring/operateMapping';
import { raw, samples } from './operate/samples';

const NEWEST_FIRST = [{ field: 'key', order: 'DESC' }];

describe('requests', () => {
  test.each<[string, ProcessInstanceQuery, Record<string, unknown>]>([
    ['no filter', {}, { tenantId: undefined }],
    [
      'process id and version',
      { bpmnProcessId: 'dog-registration', processVersion: 2 },
      { tenantId: undefined, bpmnProcessId: 'dog-registration', processVersion: 2 },
    ],
    [
      'definition',
      { processDefinitionKey: '2251799813695996' },
      { tenantId: undefined, processDefinitionKey: '2251799813695996' },
    ],
    [
      'ACTIVE: running without incident',
      { state: 'ACTIVE' },
      { tenantId: undefined, state: 'ACTIVE', incident: false },
    ],
    [
      'INCIDENT: running with incident',
      { state: 'INCIDENT' },
      { tenantId: undefined, state: 'ACTIVE', incident: true },
    ],
    ['COMPLETED', { state: 'COMPLETED' }, { tenantId: undefined, state: 'COMPLETED' }],
    ['CANCELED', { state: 'CANCELED' }, { tenantId: undefined, state: 'CANCELED' }],
    ['one tenant', { tenantIds: ['luzern'] }, { tenantId: 'luzern' }],
    [
      'several tenants: filtered afterwards',
      { tenantIds: ['luzern', 'kanton'] },
      { tenantId: undefined },
    ],
  ])('process instance search, %s', (_name, query, filter) => {
    const request = processInstanceSearch(query);
    expect(request).toEqual({ filter, size: 50, sort: NEWEST_FIRST });
    // the SDK adds its configured tenant unless the key is there
    expect('tenantId' in request.filter).toBe(true);
  });

  test('a cursor becomes searchAfter; the page size passes through', () => {
    const cursor = nextCursor(samples.processInstances(), 3)!;
    expect(processInstanceSearch({ size: 3, after: cursor })).toEqual({
      filter: { tenantId: undefined },
      size: 3,
      sort: NEWEST_FIRST,
      searchAfter: [2251799813699213],
    });
  });

  test('incident search', () => {
    expect(
      incidentSearch({
        state: 'ACTIVE',
        processInstanceKey: '2251799813699271',
        processDefinitionKey: '2251799813695996',
        type: 'JOB_NO_RETRIES',
        tenantIds: ['luzern'],
        size: 20,
      }),
    ).toEqual({
      filter: {
        tenantId: 'luzern',
        state: 'ACTIVE',
        processInstanceKey: '2251799813699271',
        processDefinitionKey: '2251799813695996',
        type: 'JOB_NO_RETRIES',
      },
      size: 20,
      sort: NEWEST_FIRST,
    });
  });

  test('objects of one instance: oldest first, in any tenant', () => {
    expect(searchBy('processInstanceKey', '2251799813699271', { size: 1000 })).toEqual({
      filter: { processInstanceKey: '2251799813699271', tenantId: undefined },
      size: 1000,
      sort: [{ field: 'key', order: 'ASC' }],
    });
  });

  test.each<[string, () => unknown]>([
    ['a size of 0', () => processInstanceSearch({ size: 0 })],
    ['a size above 1000', () => incidentSearch({ size: 1001 })],
    [
      'a definition key that is not a key',
      () => processInstanceSearch({ processDefinitionKey: 'x' }),
    ],
    ['an instance key that is not a key', () => incidentSearch({ processInstanceKey: '1;2' })],
    ['an unknown state', () => processInstanceSearch({ state: 'RUNNING' as never })],
    ['a cursor of the embedded engine', () => processInstanceSearch({ after: '2251799813699213' })],
    ['a forged cursor', () => decodeCursor('o1.' + Buffer.from('{"a":1}').toString('base64url'))],
    ['a cursor that is not base64 JSON', () => decodeCursor('o1.!!!')],
  ])('refuses %s', (_name, build) => {
    expect(build).toThrow(MonitoringQueryError);
  });
});

describe('cursors', () => {
  test("a full page's cursor carries Operate's sortValues as plain numbers", () => {
    // given the SDK hands sortValues over as lossless-json numbers
    const results = samples.processInstances();
    expect(results.sortValues![0]).toMatchObject({ isLosslessNumber: true });

    // when
    const cursor = nextCursor(results, 3);

    // then
    expect(decodeCursor(cursor!)).toEqual([2251799813699213]);
  });

  test('a page smaller than asked for is the last one', () => {
    expect(nextCursor(samples.processInstances(), 4)).toBeNull();
    expect(nextCursor({ items: [{}], sortValues: [] }, 1)).toBeNull();
  });

  test('a key beyond 2^53 stays exact, as a string', () => {
    const cursor = nextCursor(
      { items: [{}], sortValues: [{ isLosslessNumber: true, value: '9007199254740993' }] },
      1,
    );
    expect(decodeCursor(cursor!)).toEqual(['9007199254740993']);
  });
});

describe('responses', () => {
  test('process instances: state INCIDENT for a running instance with an incident, ISO dates', () => {
    expect(samples.processInstances().items.map((item) => toProcessInstance(item))).toEqual([
      {
        key: '2251799813699271',
        processDefinitionKey: '2251799813695996',
        bpmnProcessId: 'dog-registration',
        processVersion: 2,
        state: 'INCIDENT',
        startDate: '2024-11-04T09:15:02.118Z',
        endDate: null,
        tenantId: 'luzern',
        parentKey: null,
      },
      {
        key: '2251799813699262',
        processDefinitionKey: '2251799813695996',
        bpmnProcessId: 'dog-registration',
        processVersion: 2,
        state: 'ACTIVE',
        startDate: '2024-11-04T09:14:41.853Z',
        endDate: null,
        tenantId: 'kanton',
        parentKey: '4503599627370497',
      },
      {
        key: '2251799813699213',
        processDefinitionKey: '2251799813695950',
        bpmnProcessId: 'dog-registration',
        processVersion: 1,
        state: 'COMPLETED',
        startDate: '2024-11-04T09:13:41.758Z',
        endDate: '2024-11-04T10:02:11.004Z',
        tenantId: 'luzern',
        parentKey: null,
      },
    ]);
  });

  test('raw JSON (keys as numbers) maps the same as what the SDK parsed', () => {
    const fromRaw = raw<OperateProcessInstance>('process-instances.search').items;
    expect(fromRaw.map((item) => toProcessInstance(item))).toEqual(
      samples.processInstances().items.map((item) => toProcessInstance(item)),
    );
    const nodesFromRaw = raw<OperateFlowNodeInstance>('flownode-instances.search').items;
    expect(nodesFromRaw.map(toFlowNodeInstance)).toEqual(
      samples.flowNodeInstances().items.map(toFlowNodeInstance),
    );
  });

  test('without an incident flag (Operate before 8.5) an instance is ACTIVE unless told otherwise', () => {
    const { incident: _ignored, ...older } = samples.processInstance();
    expect(toProcessInstance(older).state).toBe('ACTIVE');
    expect(toProcessInstance(older, true).state).toBe('INCIDENT');
    expect(toProcessInstance({ ...older, tenantId: undefined }).tenantId).toBe('<default>');
  });

  test('flow node instances', () => {
    expect(samples.flowNodeInstances().items.map(toFlowNodeInstance)).toEqual([
      {
        key: '2251799813699275',
        processInstanceKey: '2251799813699271',
        flowNodeId: 'start',
        type: 'START_EVENT',
        state: 'COMPLETED',
        incident: false,
        incidentKey: null,
        flowScopeKey: null,
        startDate: '2024-11-04T09:15:02.120Z',
        endDate: '2024-11-04T09:15:02.121Z',
      },
      {
        key: '2251799813699278',
        processInstanceKey: '2251799813699271',
        flowNodeId: 'check-register',
        type: 'SERVICE_TASK',
        state: 'ACTIVE',
        incident: true,
        incidentKey: '2251799813699290',
        flowScopeKey: null,
        startDate: '2024-11-04T09:15:02.125Z',
        endDate: null,
      },
    ]);
  });

  test('variables', () => {
    expect(samples.variables().items.map(toVariable)).toEqual([
      {
        key: '2251799813699273',
        processInstanceKey: '2251799813699271',
        scopeKey: '2251799813699271',
        name: 'dogName',
        value: '"Bello"',
        truncated: false,
      },
      {
        key: '2251799813699279',
        processInstanceKey: '2251799813699271',
        scopeKey: '2251799813699278',
        name: 'register',
        value: '{"canton":"LU"}',
        truncated: false,
      },
    ]);
  });

  test('incidents: the element comes from the flow node instance that points at the incident', () => {
    // given
    const flowNodes = samples.flowNodeInstances().items.map(toFlowNodeInstance);

    // when
    const incidents = samples.incidents().items.map((item) => toIncident(item, flowNodes));

    // then
    expect(incidents).toEqual([
      {
        key: '2251799813699290',
        processInstanceKey: '2251799813699271',
        processDefinitionKey: '2251799813695996',
        type: 'JOB_NO_RETRIES',
        message: 'register offline',
        state: 'ACTIVE',
        flowNodeId: 'check-register',
        flowNodeInstanceKey: '2251799813699278',
        jobKey: '2251799813699280',
        creationTime: '2024-11-04T09:16:40.500Z',
        tenantId: 'luzern',
      },
      {
        key: '2251799813699285',
        processInstanceKey: '2251799813699271',
        processDefinitionKey: '2251799813695996',
        type: 'IO_MAPPING_ERROR',
        message: "failed to evaluate expression 'owner.name': no variable found for name 'owner'",
        state: 'RESOLVED',
        flowNodeId: null,
        flowNodeInstanceKey: null,
        jobKey: null,
        creationTime: '2024-11-04T08:15:30.000Z',
        tenantId: 'luzern',
      },
    ]);
  });

  test('an incident in a search across instances names no element', () => {
    expect(toIncident(samples.incidents().items[0]!)).toMatchObject({
      flowNodeId: null,
      flowNodeInstanceKey: null,
    });
  });

  test('statistics: active, incident, completed and terminated flow node instances by element', () => {
    // given
    const node = (flowNodeId: string, type: string, state: string, incident = false) =>
      ({ flowNodeId, type, state, incident }) as OperateFlowNodeInstance;

    // when
    const counts = countFlowNodes([
      node('dog-registration', 'PROCESS', 'ACTIVE'),
      node('check', 'MULTI_INSTANCE_BODY', 'ACTIVE'),
      node('start', 'START_EVENT', 'COMPLETED'),
      node('start', 'START_EVENT', 'COMPLETED'),
      node('start', 'START_EVENT', 'COMPLETED'),
      node('check', 'SERVICE_TASK', 'ACTIVE'),
      node('check', 'SERVICE_TASK', 'ACTIVE', true),
      node('check', 'SERVICE_TASK', 'TERMINATED'),
      ...samples.flowNodeInstances().items,
    ]);

    // then
    expect([...counts.values()]).toEqual([
      { activityId: 'start', active: 0, canceled: 0, incidents: 0, completed: 4 },
      { activityId: 'check', active: 1, canceled: 1, incidents: 1, completed: 0 },
      { activityId: 'check-register', active: 0, canceled: 0, incidents: 1, completed: 0 },
    ]);
  });

  test('history: each flow node instance activated, then completed or terminated, by time', () => {
    const node = (
      key: string,
      state: FlowNodeInstance['state'],
      start: string,
      end: string | null,
    ) =>
      ({
        key,
        flowNodeId: `node-${key}`,
        state,
        startDate: start,
        endDate: end,
      }) as FlowNodeInstance;
    const history = toHistory([
      node('1', 'COMPLETED', '2024-11-04T09:00:00.000Z', '2024-11-04T09:05:00.000Z'),
      node('2', 'TERMINATED', '2024-11-04T09:01:00.000Z', '2024-11-04T09:02:00.000Z'),
      node('3', 'ACTIVE', '2024-11-04T09:03:00.000Z', null),
    ]);
    expect(history.map((e) => [e.timestamp.slice(11, 16), e.flowNodeId, e.intent])).toEqual([
      ['09:00', 'node-1', 'ELEMENT_ACTIVATED'],
      ['09:01', 'node-2', 'ELEMENT_ACTIVATED'],
      ['09:02', 'node-2', 'ELEMENT_TERMINATED'],
      ['09:03', 'node-3', 'ELEMENT_ACTIVATED'],
      ['09:05', 'node-1', 'ELEMENT_COMPLETED'],
    ]);
  });

  test('several tenants: only the asked-for ones stay on the page', () => {
    const items = samples.processInstances().items.map((item) => toProcessInstance(item));
    expect(keepTenants(items, ['luzern', 'emmen']).map((i) => i.key)).toEqual([
      '2251799813699271',
      '2251799813699213',
    ]);
    expect(keepTenants(items, ['luzern'])).toHaveLength(3); // Operate filtered already
  });
});
