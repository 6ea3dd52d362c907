/**
 * OperateMonitoring against a stand-in for Operate's v1 search endpoints (we have no Operate):
 * it answers from the documented sample responses with Operate's semantics (equality filters,
 * sort by key, `searchAfter`, `sortValues` of the last item, 404 for an unknown key), so the
 * adapter's paging, tenant handling and composition are exercised; the field mapping itself is
 * operateMapping.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { MonitoringQueryError } from '../../../server/src/monitoring/Monitoring';
import {
  OperateMonitoring,
  type OperateClient,
} from '../../../server/src/monitoring/OperateMonitoring';
import type {
  OperateFlowNodeInstance,
  OperateQuery,
  OperateResults,
} from '../../../server/src/monitoring/operateMapping';
import { samples } from './operate/samples';

class StandInOperate implements OperateClient {
  readonly requests: { endpoint: string; body: OperateQuery }[] = [];

  constructor(
    private readonly data = {
      processInstances: samples.processInstances().items,
      flowNodeInstances: samples.flowNodeInstances().items as OperateFlowNodeInstance[],
      variables: samples.variables().items,
      incidents: samples.incidents().items,
    },
  ) {}

  searchProcessInstances(body: OperateQuery) {
    return this.search('process-instances', this.data.processInstances, body);
  }
  async getProcessInstance(key: string) {
    const found = this.data.processInstances.find((item) => String(item.key) === key);
    if (!found)
      throw Object.assign(new Error('Response code 404 (Not Found)'), { statusCode: 404 });
    return found;
  }
  searchFlownodeInstances(body: OperateQuery) {
    return this.search('flownode-instances', this.data.flowNodeInstances, body);
  }
  searchVariables(body: OperateQuery) {
    return this.search('variables', this.data.variables, body);
  }
  searchIncidents(body: OperateQuery) {
    return this.search('incidents', this.data.incidents, body);
  }
  /** Operate's GET /v1/process-definitions/{key} and …/xml, for the one definition of the samples. */
  async getProcessDefinition(key: string) {
    if (key !== '2251799813695996')
      throw Object.assign(new Error('Response code 404 (Not Found)'), { statusCode: 404 });
    return { key, bpmnProcessId: 'dog-registration', version: 2, tenantId: 'luzern' };
  }
  async getProcessDefinitionXML(key: string) {
    await this.getProcessDefinition(key);
    return '<bpmn:definitions id="dog-registration"/>';
  }

  private async search<T extends object>(
    endpoint: string,
    items: T[],
    body: OperateQuery,
  ): Promise<OperateResults<T>> {
    this.requests.push({ endpoint, body: JSON.parse(JSON.stringify(body)) as OperateQuery });
    const desc = body.sort[0]?.order === 'DESC';
    const keyOf = (item: T) => BigInt(String((item as { key: unknown }).key));
    const after = body.searchAfter ? BigInt(String(body.searchAfter[0])) : undefined;
    const matching = items
      .filter((item) =>
        Object.entries(body.filter).every(
          ([field, value]) =>
            value === undefined ||
            String((item as Record<string, unknown>)[field]) === String(value),
        ),
      )
      .sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1) * (desc ? -1 : 1))
      .filter((item) => after === undefined || (desc ? keyOf(item) < after : keyOf(item) > after));
    const page = matching.slice(0, body.size);
    const last = page.at(-1);
    return {
      items: page,
      sortValues: last ? [{ isLosslessNumber: true, value: String(keyOf(last)) }] : [],
    };
  }
}

describe('OperateMonitoring', () => {
  test('searchProcessInstances: one request, mapped items, a cursor for the next page', async () => {
    // given
    const operate = new StandInOperate();
    const monitoring = new OperateMonitoring(operate);

    // when
    const first = await monitoring.searchProcessInstances({ state: 'ACTIVE', size: 1 });
    const second = await monitoring.searchProcessInstances({ size: 2, after: first.next });

    // then
    expect(operate.requests.map((r) => r.body)).toEqual([
      {
        filter: { state: 'ACTIVE', incident: false },
        size: 1,
        sort: [{ field: 'key', order: 'DESC' }],
      },
      {
        filter: {},
        size: 2,
        sort: [{ field: 'key', order: 'DESC' }],
        searchAfter: [2251799813699262],
      },
    ]);
    expect(first.items.map((i) => [i.key, i.state])).toEqual([['2251799813699262', 'ACTIVE']]);
    expect(second.items.map((i) => i.key)).toEqual(['2251799813699213']);
    expect(second.next).toBeNull();
  });

  test('several tenants: one unfiltered search, other tenants dropped from the page', async () => {
    const operate = new StandInOperate();
    const page = await new OperateMonitoring(operate).searchProcessInstances({
      tenantIds: ['luzern', 'emmen'],
    });
    expect(page.items.map((i) => i.tenantId)).toEqual(['luzern', 'luzern']);
    expect(await new OperateMonitoring(operate).searchProcessInstances({ tenantIds: [] })).toEqual({
      items: [],
      next: null,
    });
    expect(operate.requests).toHaveLength(1);
  });

  test('getProcessInstance: the instance with its flow nodes, variables and incidents', async () => {
    // when
    const detail = await new OperateMonitoring(new StandInOperate()).getProcessInstance(
      '2251799813699271',
    );

    // then
    expect(detail?.instance).toMatchObject({ key: '2251799813699271', state: 'INCIDENT' });
    expect(detail?.flowNodeInstances.map((n) => [n.flowNodeId, n.state, n.incident])).toEqual([
      ['start', 'COMPLETED', false],
      ['check-register', 'ACTIVE', true],
    ]);
    expect(detail?.variables.map((v) => v.name)).toEqual(['dogName', 'register']);
    expect(detail?.incidents.map((i) => [i.key, i.state, i.flowNodeId])).toEqual([
      ['2251799813699285', 'RESOLVED', null],
      ['2251799813699290', 'ACTIVE', 'check-register'],
    ]);
  });

  test('getProcessInstance: an unknown key is undefined; other failures surface', async () => {
    const operate = new StandInOperate();
    expect(await new OperateMonitoring(operate).getProcessInstance('1')).toBeUndefined();
    operate.getProcessInstance = () => Promise.reject(new Error('Response code 503'));
    await expect(new OperateMonitoring(operate).getProcessInstance('1')).rejects.toThrow('503');
    await expect(new OperateMonitoring(operate).getProcessInstance('x')).rejects.toBeInstanceOf(
      MonitoringQueryError,
    );
  });

  test('getElementStatistics: counted over pages of flow node instances, up to a limit', async () => {
    // given 2 500 flow node instances of one definition
    const flowNodeInstances = Array.from({ length: 2_500 }, (_, i) => ({
      key: String(2251799813700000 + i),
      processInstanceKey: '2251799813699271',
      processDefinitionKey: 2251799813695996,
      startDate: '2024-11-04T09:15:02.120+0000',
      flowNodeId: i % 2 === 0 ? 'start' : 'check',
      type: i % 2 === 0 ? 'START_EVENT' : 'SERVICE_TASK',
      state: (i % 2 === 0 ? 'COMPLETED' : 'ACTIVE') as 'COMPLETED' | 'ACTIVE',
      incident: i % 10 === 1,
    }));
    const operate = new StandInOperate({ ...emptyData(), flowNodeInstances });

    // when
    const all = await new OperateMonitoring(operate).getElementStatistics('2251799813695996');
    const limited = await new OperateMonitoring(operate, {
      maxFlowNodeInstances: 2_000,
    }).getElementStatistics('2251799813695996');

    // then
    expect(all).toEqual({
      items: [
        { activityId: 'check', active: 1_000, incidents: 250, completed: 0, canceled: 0 },
        { activityId: 'start', active: 0, incidents: 0, completed: 1_250, canceled: 0 },
      ],
      complete: true,
    });
    expect(operate.requests.slice(0, 3).map((r) => [r.body.size, r.body.searchAfter])).toEqual([
      [1000, undefined],
      [1000, [2251799813700999]],
      [1000, [2251799813701999]],
    ]);
    expect(limited.complete).toBe(false);
    expect(limited.items.reduce((sum, s) => sum + s.active + s.incidents + s.completed, 0)).toBe(
      2_000,
    );
  });

  test('getProcessInstanceHistory: a page of flow node instances as history entries', async () => {
    const page = await new OperateMonitoring(new StandInOperate()).getProcessInstanceHistory(
      '2251799813699271',
      { size: 10 },
    );
    expect(page.next).toBeNull();
    expect(page.items.map((e) => [e.flowNodeId, e.intent])).toEqual([
      ['start', 'ELEMENT_ACTIVATED'],
      ['start', 'ELEMENT_COMPLETED'],
      ['check-register', 'ELEMENT_ACTIVATED'],
    ]);
  });

  test('searchIncidents: newest first, mapped', async () => {
    const operate = new StandInOperate();
    const page = await new OperateMonitoring(operate).searchIncidents({ state: 'RESOLVED' });
    expect(operate.requests[0]!.body.filter).toEqual({ state: 'RESOLVED' });
    expect(page.items.map((i) => [i.key, i.type])).toEqual([
      ['2251799813699285', 'IO_MAPPING_ERROR'],
    ]);
  });

  test('getProcessDefinition: the definition with its XML; an unknown key is undefined', async () => {
    // given
    const monitoring = new OperateMonitoring(new StandInOperate());

    // when
    const found = await monitoring.getProcessDefinition('2251799813695996');
    const unknown = await monitoring.getProcessDefinition('1');

    // then
    expect(found).toEqual({
      key: '2251799813695996',
      bpmnProcessId: 'dog-registration',
      version: 2,
      tenantId: 'luzern',
      bpmnXml: '<bpmn:definitions id="dog-registration"/>',
    });
    expect(unknown).toBeUndefined();
    await expect(monitoring.getProcessDefinition('x')).rejects.toBeInstanceOf(MonitoringQueryError);
  });
});

function emptyData() {
  return { processInstances: [], flowNodeInstances: [], variables: [], incidents: [] };
}
