import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  accepted,
  activate,
  activateOne,
  createInstance,
  deploy,
  elementEvents,
  isCompleted,
  records,
  startEngine,
  type EngineHarness,
} from './support';

describe('inclusive gateway', () => {
  let t: EngineHarness;
  beforeEach(async () => {
    t = await startEngine();
    await deploy(t.engine, 'inclusive-gateway.bpmn');
  });
  afterEach(async () => {
    await t.close();
  });

  const completeAll = async (type: string) => {
    for (const job of await activate(t.engine, type))
      accepted(await t.engine.completeJob(job.key, {}));
  };

  test('diverging: takes every flow whose condition holds, not the default', async () => {
    // when
    const processInstanceKey = await createInstance(t.engine, 'inclusive-gateway', {
      documents: ['passport', 'lease'],
    });

    // then
    await activateOne(t.engine, 'check-passport');
    await activateOne(t.engine, 'check-lease');
    expect(await activate(t.engine, 'request-documents')).toEqual([]);
    const taken = (await elementEvents(t.knex, processInstanceKey)).filter((e) =>
      e.endsWith(':SEQUENCE_FLOW_TAKEN'),
    );
    expect(taken).toEqual([
      'toFork:SEQUENCE_FLOW_TAKEN',
      'toPassport:SEQUENCE_FLOW_TAKEN',
      'toLease:SEQUENCE_FLOW_TAKEN',
    ]);
  });

  test('diverging: takes the default flow when no condition holds', async () => {
    // when
    await createInstance(t.engine, 'inclusive-gateway', { documents: [] });

    // then
    await activateOne(t.engine, 'request-documents');
    expect(await activate(t.engine, 'check-passport')).toEqual([]);
  });

  test('no condition holds and no default flow: a CONDITION_ERROR incident, resolvable', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'inclusive-no-default', {
      amount: 50,
    });

    // then
    const incident = (await records(t.knex, processInstanceKey)).find(
      (r) => r.valueType === 'INCIDENT' && r.intent === 'CREATED',
    );
    expect(incident?.value).toEqual(
      expect.objectContaining({
        errorType: 'CONDITION_ERROR',
        errorMessage:
          'Expected at least one condition to evaluate to true, or to have a default flow',
        elementId: 'fork2',
      }),
    );

    // when
    accepted(await t.engine.setVariables(processInstanceKey, { amount: 5000 }, false));
    accepted(await t.engine.resolveIncident(incident!.key));

    // then both flows are taken
    const events = await elementEvents(t.knex, processInstanceKey);
    expect(events).toEqual(
      expect.arrayContaining(['endA:ELEMENT_COMPLETED', 'endB:ELEMENT_COMPLETED']),
    );
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
  });

  test('converging: waits for every path that was taken, then goes on once', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'inclusive-gateway', {
      documents: ['passport', 'lease'],
    });

    // when the first path arrives
    await completeAll('check-passport');

    // then the join waits (its activation is rejected, as in Zeebe)
    expect(await activate(t.engine, 'register')).toEqual([]);
    const rejection = (await records(t.knex, processInstanceKey)).find(
      (r) => r.recordType === 'COMMAND_REJECTION' && r.value.elementId === 'join',
    );
    expect(rejection?.rejectionType).toBe('INVALID_STATE');
    expect(rejection?.rejectionReason).toBe(
      "Expected to be able to activate inclusive gateway 'join', but not all satisfied sequence flows have been taken.",
    );

    // when the second arrives
    await completeAll('check-lease');

    // then
    const register = await activateOne(t.engine, 'register');
    accepted(await t.engine.completeJob(register.key, {}));
    const events = await elementEvents(t.knex, processInstanceKey);
    expect(events.filter((e) => e === 'join:ELEMENT_COMPLETED')).toHaveLength(1);
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
  });

  test('converging: a single taken path does not wait for the others', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'inclusive-gateway', {
      documents: ['lease'],
    });

    // when
    await completeAll('check-lease');

    // then
    accepted(await t.engine.completeJob((await activateOne(t.engine, 'register')).key, {}));
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
  });

  test('converging: an active element without a path to the gateway is not waited for', async () => {
    // given quick arrives at once, slow still could arrive, unrelated never will
    const processInstanceKey = await createInstance(t.engine, 'inclusive-join-detour', {
      away: false,
    });
    expect(await activate(t.engine, 'after-merge')).toEqual([]);

    // when
    await completeAll('slow');

    // then the join fires although unrelated is still active
    await activateOne(t.engine, 'after-merge');
    await activateOne(t.engine, 'unrelated');
    const events = await elementEvents(t.knex, processInstanceKey);
    expect(events.filter((e) => e === 'merge:ELEMENT_COMPLETED')).toHaveLength(1);
  });

  test('converging: when the path that could still arrive ends elsewhere, the join goes on', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'inclusive-join-detour', {
      away: true,
    });

    // when the slow path ends at another end event
    await completeAll('slow');

    // then
    await activateOne(t.engine, 'after-merge');
    expect(await elementEvents(t.knex, processInstanceKey)).toContain('awayEnd:ELEMENT_COMPLETED');
  });
});
