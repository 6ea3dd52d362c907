/**
 * Searching process instances: filters by process id, version, definition, state and tenant,
 * newest first, in keyset pages without a total.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MonitorQueryError } from '../../../engine/src/monitor';
import type { ProcessInstanceQuery } from '../../../engine/src/monitor';
import { runScenario, type MonitorScenario } from './scenario';

let s: MonitorScenario;
beforeAll(async () => {
  s = await runScenario();
});
afterAll(async () => {
  await s?.close();
});

/** The scenario's names (A … G) of the instances a search returns, in order. */
async function namesOf(query: ProcessInstanceQuery): Promise<string[]> {
  const page = await s.monitor.searchProcessInstances({ limit: 100, ...query });
  return page.items.map((instance) => nameOf(instance.key));
}

function nameOf(key: string): string {
  const found = Object.entries(s.instances).find(([, k]) => k === key);
  if (!found) throw new Error(`not a scenario instance: ${key}`);
  return found[0];
}

describe('searchProcessInstances', () => {
  test('without filters: every instance, newest first', async () => {
    expect(await namesOf({})).toEqual(['G', 'F', 'E', 'D', 'C', 'B', 'A']);
  });

  test('an instance carries its definition, tenant, state and dates', async () => {
    // when
    const page = await s.monitor.searchProcessInstances({ bpmnProcessId: 'monitor-order' });

    // then
    const a = page.items.find((instance) => instance.key === s.instances.A);
    expect(a).toEqual({
      key: s.instances.A,
      bpmnProcessId: 'monitor-order',
      processDefinitionKey: s.definitions.luzernV1,
      version: 1,
      tenantId: 'luzern',
      state: 'COMPLETED',
      parentProcessInstanceKey: null,
      parentElementInstanceKey: null,
      startDate: s.createdAt.A,
      endDate: s.createdAt.A! + 4_000,
    });
    const b = page.items.find((instance) => instance.key === s.instances.B);
    expect(b).toMatchObject({ state: 'ACTIVE', endDate: null });
  });

  test.each<[string, ProcessInstanceQuery, string[]]>([
    ['ACTIVE (without an open incident)', { state: 'ACTIVE' }, ['G', 'F', 'E', 'B']],
    ['INCIDENT', { state: 'INCIDENT' }, ['C']],
    ['COMPLETED', { state: 'COMPLETED' }, ['A']],
    ['CANCELED', { state: 'CANCELED' }, ['D']],
    ['process id', { bpmnProcessId: 'monitor-order' }, ['G', 'F', 'E', 'D', 'C', 'B', 'A']],
    ['unknown process id', { bpmnProcessId: 'nothing' }, []],
    ['version 2', { bpmnProcessId: 'monitor-order', version: 2 }, ['F']],
    ['version 1', { bpmnProcessId: 'monitor-order', version: 1 }, ['G', 'E', 'D', 'C', 'B', 'A']],
    ['one tenant', { tenantIds: ['kanton'] }, ['G']],
    ['several tenants', { tenantIds: ['kanton', 'luzern'] }, ['G', 'F', 'E', 'D', 'C', 'B', 'A']],
    ['no tenant', { tenantIds: [] }, []],
    ['tenant and state', { tenantIds: ['luzern'], state: 'ACTIVE' }, ['F', 'E', 'B']],
    [
      'version, tenant and state',
      { bpmnProcessId: 'monitor-order', version: 1, tenantIds: ['luzern'], state: 'ACTIVE' },
      ['E', 'B'],
    ],
  ])('filter: %s', async (_name, query, expected) => {
    expect(await namesOf(query)).toEqual(expected);
  });

  test('filter: process definition key', async () => {
    expect(await namesOf({ processDefinitionKey: s.definitions.luzernV2 })).toEqual(['F']);
    expect(await namesOf({ processDefinitionKey: s.definitions.kantonV1 })).toEqual(['G']);
  });

  test('pages follow each other by cursor; the last page has no next', async () => {
    // when
    const seen: string[][] = [];
    let after: string | null = null;
    do {
      const page = await s.monitor.searchProcessInstances({ limit: 3, after });
      seen.push(page.items.map((instance) => nameOf(instance.key)));
      after = page.next;
    } while (after !== null);

    // then
    expect(seen).toEqual([['G', 'F', 'E'], ['D', 'C', 'B'], ['A']]);
  });

  test('a page exactly filled by the rest has no next', async () => {
    const first = await s.monitor.searchProcessInstances({ state: 'ACTIVE', limit: 2 });
    const second = await s.monitor.searchProcessInstances({
      state: 'ACTIVE',
      limit: 2,
      after: first.next,
    });
    expect(first.next).toBe(s.instances.F);
    expect(second.items.map((instance) => nameOf(instance.key))).toEqual(['E', 'B']);
    expect(second.next).toBeNull();
  });

  test.each<[string, ProcessInstanceQuery]>([
    ['a cursor that is not a key', { after: "1' or 1=1" }],
    ['a limit of 0', { limit: 0 }],
    ['a limit above 1000', { limit: 1001 }],
    ['a definition key that is not a key', { processDefinitionKey: 'abc' }],
    ['a version of 0', { version: 0 }],
    ['an unknown state', { state: 'RUNNING' as never }],
  ])('refuses %s with an INVALID_ARGUMENT error', async (_name, query) => {
    const error = await s.monitor.searchProcessInstances(query).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MonitorQueryError);
    expect((error as MonitorQueryError).code).toBe('INVALID_ARGUMENT');
  });
});
