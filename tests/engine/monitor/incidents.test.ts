/**
 * Incidents across instances: open ones and resolved ones, filtered, newest first, paged.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MonitorQueryError, type IncidentQuery } from '../../../engine/src/monitor';
import { runScenario, SECOND, type MonitorScenario } from './scenario';

let s: MonitorScenario;
beforeAll(async () => {
  s = await runScenario();
});
afterAll(async () => {
  await s?.close();
});

async function namesOf(query: IncidentQuery): Promise<string[]> {
  const page = await s.monitor.searchIncidents({ limit: 100, ...query });
  return page.items.map((incident) => (incident.key === s.incidents.C ? 'C' : 'E'));
}

describe('searchIncidents', () => {
  test('open and resolved incidents, newest first', async () => {
    // when
    const page = await s.monitor.searchIncidents();

    // then
    expect(page.next).toBeNull();
    expect(page.items).toMatchObject([
      {
        key: s.incidents.E,
        state: 'RESOLVED',
        errorType: 'JOB_NO_RETRIES',
        errorMessage: 'timeout',
        elementId: 'check',
        processInstanceKey: s.instances.E,
        processDefinitionKey: s.definitions.luzernV1,
        bpmnProcessId: 'monitor-order',
        tenantId: 'luzern',
        creationTime: s.createdAt.E! + 2 * SECOND,
        resolutionTime: s.createdAt.E! + 3 * SECOND,
      },
      {
        key: s.incidents.C,
        state: 'ACTIVE',
        errorMessage: 'register offline',
        processInstanceKey: s.instances.C,
        creationTime: s.createdAt.C! + 2 * SECOND,
        resolutionTime: null,
      },
    ]);
  });

  test('an open incident reads the same from the live table as from the log', async () => {
    const open = await s.monitor.searchIncidents({ state: 'ACTIVE' });
    const all = await s.monitor.searchIncidents({});
    expect(open.items).toEqual([all.items.find((incident) => incident.key === s.incidents.C)]);
  });

  test.each<[string, () => IncidentQuery, string[]]>([
    ['state ACTIVE', () => ({ state: 'ACTIVE' }), ['C']],
    ['state RESOLVED', () => ({ state: 'RESOLVED' }), ['E']],
    ['process instance', () => ({ processInstanceKey: s.instances.E }), ['E']],
    [
      'process instance, open only',
      () => ({ processInstanceKey: s.instances.E, state: 'ACTIVE' }),
      [],
    ],
    ['process definition', () => ({ processDefinitionKey: s.definitions.luzernV1 }), ['E', 'C']],
    ['other definition', () => ({ processDefinitionKey: s.definitions.luzernV2 }), []],
    [
      'other definition, open only',
      () => ({ processDefinitionKey: s.definitions.kantonV1, state: 'ACTIVE' }),
      [],
    ],
    ['process id', () => ({ bpmnProcessId: 'monitor-order' }), ['E', 'C']],
    ['error type', () => ({ errorType: 'JOB_NO_RETRIES' }), ['E', 'C']],
    ['other error type', () => ({ errorType: 'IO_MAPPING_ERROR', state: 'ACTIVE' }), []],
    ['element', () => ({ elementId: 'check' }), ['E', 'C']],
    ['other element', () => ({ elementId: 'ship' }), []],
    ['tenant', () => ({ tenantIds: ['luzern'] }), ['E', 'C']],
    ['other tenant', () => ({ tenantIds: ['kanton'] }), []],
    ['other tenant, open only', () => ({ tenantIds: ['kanton'], state: 'ACTIVE' }), []],
    ['no tenant', () => ({ tenantIds: [] }), []],
  ])('filter: %s', async (_name, query, expected) => {
    expect(await namesOf(query())).toEqual(expected);
  });

  test('pages follow each other by cursor', async () => {
    const first = await s.monitor.searchIncidents({ limit: 1 });
    const second = await s.monitor.searchIncidents({ limit: 1, after: first.next });
    expect(first.items.map((incident) => incident.key)).toEqual([s.incidents.E]);
    expect(first.next).toBe(s.incidents.E);
    expect(second.items.map((incident) => incident.key)).toEqual([s.incidents.C]);
    expect(second.next).toBeNull();
  });

  test.each<[string, IncidentQuery]>([
    ['an unknown state', { state: 'OPEN' as never }],
    ['a malformed cursor', { after: 'next' }],
    ['a malformed instance key', { processInstanceKey: '-1' }],
  ])('refuses %s', async (_name, query) => {
    await expect(s.monitor.searchIncidents(query)).rejects.toBeInstanceOf(MonitorQueryError);
  });
});
