/**
 * EmbeddedMonitoring over the engine's monitoring queries, on the real scenario of the engine's
 * monitor tests: the Monitoring shapes (ISO dates, Operate's field names), and refused queries
 * as MonitoringQueryError.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EmbeddedMonitoring } from '../../../server/src/monitoring/EmbeddedMonitoring';
import { MonitoringQueryError, type Monitoring } from '../../../server/src/monitoring/Monitoring';
import { runScenario, SECOND, type MonitorScenario } from '../../engine/monitor/scenario';

let s: MonitorScenario;
let monitoring: Monitoring;
beforeAll(async () => {
  s = await runScenario();
  monitoring = new EmbeddedMonitoring(s.monitor);
});
afterAll(async () => {
  await s?.close();
});

const iso = (epochMillis: number) => new Date(epochMillis).toISOString();

describe('EmbeddedMonitoring', () => {
  test('searchProcessInstances: Operate-shaped instances, newest first, keyset pages', async () => {
    // when
    const first = await monitoring.searchProcessInstances({
      bpmnProcessId: 'monitor-order',
      processVersion: 1,
      tenantIds: ['luzern'],
      size: 2,
    });
    const second = await monitoring.searchProcessInstances({
      bpmnProcessId: 'monitor-order',
      processVersion: 1,
      tenantIds: ['luzern'],
      size: 2,
      after: first.next,
    });

    // then
    expect(first.items).toEqual([
      {
        key: s.instances.E,
        processDefinitionKey: s.definitions.luzernV1,
        bpmnProcessId: 'monitor-order',
        processVersion: 1,
        state: 'ACTIVE',
        startDate: iso(s.createdAt.E!),
        endDate: null,
        tenantId: 'luzern',
        parentKey: null,
      },
      expect.objectContaining({ key: s.instances.D, state: 'CANCELED' }),
    ]);
    expect(second.items.map((i) => [i.key, i.state])).toEqual([
      [s.instances.C, 'INCIDENT'],
      [s.instances.B, 'ACTIVE'],
    ]);
  });

  test('getProcessInstance: flow node instances, variables and incidents', async () => {
    // when
    const detail = await monitoring.getProcessInstance(s.instances.C);

    // then
    const t0 = s.createdAt.C!;
    expect(detail?.instance.state).toBe('INCIDENT');
    const check = detail!.flowNodeInstances.find((n) => n.flowNodeId === 'check')!;
    expect(check).toEqual({
      key: expect.stringMatching(/^\d+$/),
      processInstanceKey: s.instances.C,
      flowNodeId: 'check',
      type: 'SERVICE_TASK',
      state: 'ACTIVE',
      incident: true,
      incidentKey: s.incidents.C,
      flowScopeKey: s.instances.C,
      startDate: iso(t0),
      endDate: null,
    });
    expect(detail!.variables.map((v) => [v.name, v.value, v.scopeKey === check.key])).toEqual([
      ['amount', '30', false],
      ['orderId', '"C"', false],
      ['checkedAmount', '60', true],
    ]);
    expect(detail!.incidents).toEqual([
      {
        key: s.incidents.C,
        processInstanceKey: s.instances.C,
        processDefinitionKey: s.definitions.luzernV1,
        type: 'JOB_NO_RETRIES',
        message: 'register offline',
        state: 'ACTIVE',
        flowNodeId: 'check',
        flowNodeInstanceKey: check.key,
        jobKey: expect.stringMatching(/^\d+$/),
        creationTime: iso(t0 + 2 * SECOND),
        tenantId: 'luzern',
      },
    ]);
    expect(await monitoring.getProcessInstance('1')).toBeUndefined();
  });

  test('getProcessInstanceHistory: the records, with element, message or variable name', async () => {
    const page = await monitoring.getProcessInstanceHistory(s.instances.C, { size: 1000 });
    const incident = page.items.find((e) => e.valueType === 'INCIDENT')!;
    expect(incident).toMatchObject({
      recordType: 'EVENT',
      intent: 'CREATED',
      key: s.incidents.C,
      flowNodeId: 'check',
      detail: 'register offline',
    });
    expect(page.items[0]).toMatchObject({ valueType: 'VARIABLE', detail: 'orderId' });
  });

  test('getElementStatistics: FlowNodeStatistics by element', async () => {
    expect(await monitoring.getElementStatistics(s.definitions.luzernV1)).toEqual({
      items: [
        { activityId: 'check', active: 0, canceled: 1, incidents: 1, completed: 3 },
        { activityId: 'end', active: 0, canceled: 0, incidents: 0, completed: 1 },
        { activityId: 'ship', active: 2, canceled: 0, incidents: 0, completed: 1 },
        { activityId: 'start', active: 0, canceled: 0, incidents: 0, completed: 5 },
      ],
      complete: true,
    });
  });

  test('getProcessDefinition: the deployed BPMN XML of that version', async () => {
    // when
    const v2 = await monitoring.getProcessDefinition(s.definitions.luzernV2);
    const unknown = await monitoring.getProcessDefinition('1');

    // then
    expect(v2).toEqual({
      key: s.definitions.luzernV2,
      bpmnProcessId: 'monitor-order',
      version: 2,
      tenantId: 'luzern',
      bpmnXml: expect.stringContaining('name="Check it"'),
    });
    expect(unknown).toBeUndefined();
  });

  test('searchIncidents: by state, type and tenant', async () => {
    const resolved = await monitoring.searchIncidents({
      state: 'RESOLVED',
      type: 'JOB_NO_RETRIES',
      tenantIds: ['luzern'],
    });
    expect(resolved.items.map((i) => [i.key, i.state, i.flowNodeId])).toEqual([
      [s.incidents.E, 'RESOLVED', 'check'],
    ]);
  });

  test.each<[string, () => Promise<unknown>]>([
    ['a malformed cursor', () => monitoring.searchProcessInstances({ after: 'o1.abc' })],
    ['a size above 1000', () => monitoring.searchIncidents({ size: 5_000 })],
    ['a malformed key', () => monitoring.getProcessInstance('C')],
    ['a malformed definition key', () => monitoring.getElementStatistics('')],
    ['a malformed definition key for XML', () => monitoring.getProcessDefinition('1 or 1=1')],
  ])('refuses %s as a MonitoringQueryError', async (_name, call) => {
    await expect(call()).rejects.toBeInstanceOf(MonitoringQueryError);
  });
});
