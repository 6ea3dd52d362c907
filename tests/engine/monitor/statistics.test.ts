/**
 * Per-element statistics of a process definition (the heatmap): active, incident, completed and
 * canceled element instances over all instances of that definition.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MonitorQueryError } from '../../../engine/src/monitor';
import { runScenario, type MonitorScenario } from './scenario';

let s: MonitorScenario;
beforeAll(async () => {
  s = await runScenario();
});
afterAll(async () => {
  await s?.close();
});

describe('getElementStatistics', () => {
  test('counts every instance of the definition, by element', async () => {
    // when
    const stats = await s.monitor.getElementStatistics(s.definitions.luzernV1);

    // then A completed; B waits at ship; C has an incident at check; D was cancelled at
    // check; E failed, was resolved and waits at ship
    expect(stats).toEqual([
      { elementId: 'check', active: 0, incidents: 1, completed: 3, canceled: 1 },
      { elementId: 'end', active: 0, incidents: 0, completed: 1, canceled: 0 },
      { elementId: 'ship', active: 2, incidents: 0, completed: 1, canceled: 0 },
      { elementId: 'start', active: 0, incidents: 0, completed: 5, canceled: 0 },
    ]);
  });

  test('another version and another tenant are other definitions', async () => {
    const waitingAtCheck = [
      { elementId: 'check', active: 1, incidents: 0, completed: 0, canceled: 0 },
      { elementId: 'start', active: 0, incidents: 0, completed: 1, canceled: 0 },
    ];
    expect(await s.monitor.getElementStatistics(s.definitions.luzernV2)).toEqual(waitingAtCheck);
    expect(await s.monitor.getElementStatistics(s.definitions.kantonV1)).toEqual(waitingAtCheck);
  });

  test('an unknown definition has no statistics; a malformed key is refused', async () => {
    expect(await s.monitor.getElementStatistics('4503599627370495')).toEqual([]);
    await expect(s.monitor.getElementStatistics('1 or 1=1')).rejects.toBeInstanceOf(
      MonitorQueryError,
    );
  });

  test('an incident resolved and retried moves the element instance back to active', async () => {
    // given C's incident is resolved after its job got a retry back
    const job = (await s.t.knex
      .withSchema('engine')
      .from('incidents')
      .where('key', s.incidents.C)
      .first()) as { job_key: string };
    await s.t.engine.updateJobRetries(String(job.job_key), 1);
    await s.t.engine.resolveIncident(s.incidents.C);

    // when
    const stats = await s.monitor.getElementStatistics(s.definitions.luzernV1);

    // then
    expect(stats.find((e) => e.elementId === 'check')).toEqual({
      elementId: 'check',
      active: 1,
      incidents: 0,
      completed: 3,
      canceled: 1,
    });
  });
});
