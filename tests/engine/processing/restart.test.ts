import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Clock } from '../../../engine/src/clock';
import { Engine } from '../../../engine/src/processing/Engine';
import { usingPostgres } from '../../support/database';
import {
  accepted,
  fixture,
  activate,
  activateOne,
  createInstance,
  deploy,
  isCompleted,
  records,
  settle,
  startEngine,
  type EngineHarness,
} from './support';

describe('restart', () => {
  let t: EngineHarness;
  beforeEach(async () => {
    t = await startEngine();
  });
  afterEach(async () => {
    await t.close();
  });

  test('a new engine on the same database continues where the old one stopped', async () => {
    // given
    await deploy(t.engine, 'one-task.bpmn', 'subprocess-mappings.bpmn');
    const processInstanceKey = await createInstance(t.engine, 'one-task', { caseId: 'C-1' });
    const job = await activateOne(t.engine, 'work', 5 * 60_000);
    const nested = await createInstance(t.engine, 'subprocess-mappings', { base: 1 });

    // when
    const engine = await t.restart();

    // then the activated job stays activated and can be completed
    expect(await activate(engine, 'work')).toEqual([]);
    accepted(await engine.completeJob(job.key, { done: true }));
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);

    // and variables by scope survived
    const work = await activateOne(engine, 'sub-work');
    expect(work.processInstanceKey).toBe(nested);
    expect(work.variables).toEqual({ base: 1, inner: 2, draft: null });

    // and keys continue without reuse
    const next = await createInstance(engine, 'one-task');
    expect(BigInt(next)).toBeGreaterThan(BigInt(work.key));
  });

  test('a timer that fell due while the engine was stopped fires once after the start', async () => {
    // given
    await deploy(t.engine, 'timer-catch.bpmn');
    const processInstanceKey = await createInstance(t.engine, 'timer-catch', {
      noticePeriod: 'PT1H',
    });
    await t.engine.stop();

    // when
    t.clock.advance(2 * 60 * 60_000);
    t.engine = await Engine.create({ knex: t.knex, clock: t.clock });
    await settle(t.engine);

    // then
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
    const triggered = (await records(t.knex, processInstanceKey)).filter(
      (r) => r.valueType === 'TIMER' && r.intent === 'TRIGGERED',
    );
    expect(triggered).toHaveLength(1);

    // and a further restart does not fire it again
    await t.restart();
    await settle(t.engine);
    const again = (await records(t.knex, processInstanceKey)).filter(
      (r) => r.valueType === 'TIMER' && r.intent === 'TRIGGERED',
    );
    expect(again).toHaveLength(1);
  });

  test('deployed decisions and forms survive a restart: an unchanged redeploy is a duplicate', async () => {
    // given
    const resources = [fixture('tax-rate.dmn'), fixture('review.form')];
    const first = accepted(await t.engine.deployResources({ resources, tenantId: '<default>' }));

    // when
    const engine = await t.restart();
    const again = accepted(await engine.deployResources({ resources, tenantId: '<default>' }));

    // then the same versions and keys
    expect(again.decisionRequirements).toEqual(first.decisionRequirements);
    expect(again.decisions).toEqual(first.decisions);
    expect(again.forms).toEqual(first.forms);
    expect(first.decisions).toMatchObject([{ dmnDecisionId: 'tax-rate', version: 1 }]);
  });

  test.runIf(usingPostgres)('only one engine may run per database', async () => {
    // given a second connection pool on the same database
    const second = await t.database.open();

    // when / then
    await expect(Engine.create({ knex: second.knex, clock: new Clock() })).rejects.toThrow(
      /Another engine is already running/,
    );
  });
});
