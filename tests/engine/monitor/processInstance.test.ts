/**
 * One process instance: its element instances, current variables by scope, incidents (open
 * and resolved) and its history (the records of the instance in log order, paged).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MonitorQueryError, type MonitoredRecord } from '../../../engine/src/monitor';
import { records } from '../processing/support';
import { runScenario, SECOND, type MonitorScenario } from './scenario';

let s: MonitorScenario;
beforeAll(async () => {
  s = await runScenario();
});
afterAll(async () => {
  await s?.close();
});

async function detailOf(name: keyof MonitorScenario['instances']) {
  const detail = await s.monitor.getProcessInstance(s.instances[name]);
  if (!detail) throw new Error(`no detail for ${name}`);
  return detail;
}

describe('getProcessInstance', () => {
  test('a completed instance: every element instance with its times, variables by scope', async () => {
    // when
    const detail = await detailOf('A');

    // then
    const t0 = s.createdAt.A!;
    expect(detail.instance).toMatchObject({ key: s.instances.A, state: 'COMPLETED' });
    expect(
      detail.elementInstances.map((e) => [
        e.elementId,
        e.elementType,
        e.state,
        e.startDate,
        e.endDate,
      ]),
    ).toEqual([
      ['monitor-order', 'PROCESS', 'COMPLETED', t0, t0 + 4 * SECOND],
      ['start', 'START_EVENT', 'COMPLETED', t0, t0],
      ['check', 'SERVICE_TASK', 'COMPLETED', t0, t0 + 2 * SECOND],
      ['ship', 'SERVICE_TASK', 'COMPLETED', t0 + 2 * SECOND, t0 + 4 * SECOND],
      ['end', 'END_EVENT', 'COMPLETED', t0 + 4 * SECOND, t0 + 4 * SECOND],
    ]);
    const [process, ...children] = detail.elementInstances;
    expect(process!.key).toBe(s.instances.A);
    expect(process!.flowScopeKey).toBeNull();
    for (const child of children) expect(child.flowScopeKey).toBe(s.instances.A);
    expect(detail.elementInstances.every((e) => e.incidentKey === null)).toBe(true);

    const check = detail.elementInstances.find((e) => e.elementId === 'check')!;
    expect(detail.variables.map((v) => [v.scopeElementId, v.name, v.value])).toEqual([
      ['monitor-order', 'amount', '10'],
      ['monitor-order', 'approved', 'true'],
      ['monitor-order', 'orderId', '"A"'],
      ['monitor-order', 'trackingId', '"T-1"'],
      ['check', 'checkedAmount', '20'],
    ]);
    expect(detail.variables.at(-1)!.scopeKey).toBe(check.key);
    expect(detail.incidents).toEqual([]);
  });

  test('an instance with an open incident: INCIDENT, the element instance points at it', async () => {
    // when
    const detail = await detailOf('C');

    // then
    expect(detail.instance.state).toBe('INCIDENT');
    const check = detail.elementInstances.find((e) => e.elementId === 'check')!;
    expect(check).toMatchObject({ state: 'ACTIVE', endDate: null, incidentKey: s.incidents.C });
    expect(detail.incidents).toEqual([
      {
        key: s.incidents.C,
        errorType: 'JOB_NO_RETRIES',
        errorMessage: 'register offline',
        state: 'ACTIVE',
        elementId: 'check',
        elementInstanceKey: check.key,
        jobKey: expect.stringMatching(/^\d+$/),
        processInstanceKey: s.instances.C,
        processDefinitionKey: s.definitions.luzernV1,
        bpmnProcessId: 'monitor-order',
        tenantId: 'luzern',
        creationTime: s.createdAt.C! + 2 * SECOND,
        resolutionTime: null,
      },
    ]);
  });

  test('a cancelled instance: CANCELED, its waiting element instance TERMINATED', async () => {
    // when
    const detail = await detailOf('D');

    // then
    const t0 = s.createdAt.D!;
    expect(detail.instance).toMatchObject({ state: 'CANCELED', endDate: t0 + SECOND });
    expect(detail.elementInstances.map((e) => [e.elementId, e.state, e.endDate])).toEqual([
      ['monitor-order', 'TERMINATED', t0 + SECOND],
      ['start', 'COMPLETED', t0],
      ['check', 'TERMINATED', t0 + SECOND],
    ]);
  });

  test('a resolved incident stays in the list with its resolution time', async () => {
    // when
    const detail = await detailOf('E');

    // then
    const t0 = s.createdAt.E!;
    expect(detail.instance.state).toBe('ACTIVE');
    expect(detail.incidents).toMatchObject([
      {
        key: s.incidents.E,
        errorMessage: 'timeout',
        state: 'RESOLVED',
        creationTime: t0 + 2 * SECOND,
        resolutionTime: t0 + 3 * SECOND,
      },
    ]);
    expect(detail.elementInstances.map((e) => [e.elementId, e.state, e.incidentKey])).toEqual([
      ['monitor-order', 'ACTIVE', null],
      ['start', 'COMPLETED', null],
      ['check', 'COMPLETED', null],
      ['ship', 'ACTIVE', null],
    ]);
    expect(detail.variables.find((v) => v.name === 'approved')?.value).toBe('false');
  });

  test('an unknown key: undefined; a malformed key: INVALID_ARGUMENT', async () => {
    expect(await s.monitor.getProcessInstance('4503599627370495')).toBeUndefined();
    await expect(s.monitor.getProcessInstance('x')).rejects.toBeInstanceOf(MonitorQueryError);
  });
});

describe('getHistory', () => {
  test('the records the log attributes to the instance, in log order', async () => {
    // when
    const page = await s.monitor.getHistory(s.instances.A, { limit: 1000 });

    // then
    const logged = await records(s.t.knex, s.instances.A);
    expect(page.next).toBeNull();
    expect(page.items.map((r) => [r.position, r.recordType, r.valueType, r.intent])).toEqual(
      logged.map((r) => [r.position, r.recordType, r.valueType, r.intent]),
    );
    const kinds = page.items.map((r) => `${r.recordType} ${r.valueType} ${r.intent}`);
    expect(kinds).toContain('EVENT PROCESS_INSTANCE ELEMENT_ACTIVATING');
    expect(kinds).toContain('COMMAND PROCESS_INSTANCE COMPLETE_ELEMENT');
    expect(kinds).toContain('EVENT JOB COMPLETED');
    // a client's command that names only a job is reached through its event's source position
    const completed = page.items.find((r) => r.valueType === 'JOB' && r.intent === 'COMPLETED')!;
    const command = (await records(s.t.knex)).find(
      (r) => r.position === completed.sourceRecordPosition,
    );
    expect(command).toMatchObject({ recordType: 'COMMAND', valueType: 'JOB', intent: 'COMPLETE' });
    expect(kinds.at(-1)).toBe('EVENT PROCESS_INSTANCE ELEMENT_COMPLETED');
    expect(page.items.at(-1)!.value).toMatchObject({ elementId: 'monitor-order' });
  });

  test('paged by position, the pages add up to the whole history', async () => {
    // given
    const whole = await s.monitor.getHistory(s.instances.E, { limit: 1000 });

    // when
    const pages: MonitoredRecord[][] = [];
    let after: string | null = null;
    do {
      const page = await s.monitor.getHistory(s.instances.E, { limit: 7, after });
      pages.push(page.items);
      after = page.next;
    } while (after !== null);

    // then
    expect(pages.length).toBe(Math.ceil(whole.items.length / 7));
    expect(pages.flat()).toEqual(whole.items);
    expect(whole.items.some((r) => r.valueType === 'INCIDENT' && r.intent === 'RESOLVED')).toBe(
      true,
    );
  });
});
