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

describe('compensation', () => {
  let t: EngineHarness;
  beforeEach(async () => {
    t = await startEngine();
    await deploy(t.engine, 'compensation.bpmn');
  });
  afterEach(async () => {
    await t.close();
  });

  const complete = async (type: string, variables: Record<string, unknown> = {}) => {
    const job = await activateOne(t.engine, type);
    accepted(await t.engine.completeJob(job.key, variables));
    return job;
  };

  const subscriptionIntents = async (processInstanceKey: string) =>
    (await records(t.knex, processInstanceKey))
      .filter((r) => r.valueType === 'COMPENSATION_SUBSCRIPTION')
      .map((r) => `${String(r.value.compensableActivityId)}:${r.intent}`);

  test('a compensation end event runs the handlers of the completed activities, then ends', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'compensation', {
      cancelled: true,
    });
    await complete('reserve-room');
    await complete('charge-fee');

    // then both handlers run and the end event waits for them
    const release = await activateOne(t.engine, 'release-room');
    const refund = await activateOne(t.engine, 'refund-fee');
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(false);
    accepted(await t.engine.completeJob(release.key, {}));
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(false);
    accepted(await t.engine.completeJob(refund.key, {}));

    // then
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
    const events = await elementEvents(t.knex, processInstanceKey);
    expect(events).toEqual(
      expect.arrayContaining([
        'releaseRoom:ELEMENT_COMPLETED',
        'refundFee:ELEMENT_COMPLETED',
        'undoAll:ELEMENT_COMPLETED',
      ]),
    );
    expect(await subscriptionIntents(processInstanceKey)).toEqual([
      'reserveRoom:CREATED',
      'chargeFee:CREATED',
      'reserveRoom:TRIGGERED',
      'chargeFee:TRIGGERED',
      'reserveRoom:COMPLETED',
      'chargeFee:COMPLETED',
    ]);
    const handler = (await records(t.knex, processInstanceKey)).find(
      (r) => r.value.elementId === 'releaseRoom' && r.intent === 'ELEMENT_ACTIVATING',
    );
    expect(handler?.value.bpmnEventType).toBe('COMPENSATION');
  });

  test('without compensation the subscriptions end with the process instance', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'compensation', {
      cancelled: false,
    });
    await complete('reserve-room');

    // when
    await complete('charge-fee');

    // then
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
    expect(await subscriptionIntents(processInstanceKey)).toEqual([
      'reserveRoom:CREATED',
      'chargeFee:CREATED',
      'reserveRoom:DELETED',
      'chargeFee:DELETED',
    ]);
    expect(await activate(t.engine, 'release-room')).toEqual([]);
  });

  test('an intermediate throw event with activityRef compensates that activity only, then goes on', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'compensation-activity');
    await complete('book');

    // when
    await complete('notify');

    // then
    await complete('cancel-booking');
    expect(await activate(t.engine, 'retract-notice')).toEqual([]);
    await complete('after-compensation');
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
  });

  test('compensating after a subprocess compensates the activities completed inside it', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'compensation-subprocess');

    // when
    await complete('reserve-seat');

    // then
    await complete('release-seat');
    await complete('after-sub-compensation');
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
    expect(await subscriptionIntents(processInstanceKey)).toEqual([
      'reserveSeat:CREATED',
      'sub:CREATED',
      'sub:TRIGGERED',
      'reserveSeat:TRIGGERED',
      'reserveSeat:COMPLETED',
      'sub:COMPLETED',
    ]);
  });
});
