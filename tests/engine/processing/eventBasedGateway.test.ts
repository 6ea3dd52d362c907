import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { PublishMessageRequest } from '../../../engine/src/api';
import {
  accepted,
  activate,
  activateOne,
  createInstance,
  deploy,
  elementEvents,
  isCompleted,
  records,
  settle,
  startEngine,
  type EngineHarness,
} from './support';

const DAY = 24 * 60 * 60_000;

const payment = (overrides: Partial<PublishMessageRequest> = {}): PublishMessageRequest => ({
  name: 'payment-received',
  correlationKey: 'O-1',
  timeToLive: 0,
  messageId: '',
  variables: { amount: 120 },
  tenantId: '<default>',
  ...overrides,
});

describe('event-based gateway', () => {
  let t: EngineHarness;
  beforeEach(async () => {
    t = await startEngine();
    await deploy(t.engine, 'event-based-gateway.bpmn');
  });
  afterEach(async () => {
    await t.close();
  });

  const openSubscriptions = async (processInstanceKey: string) => {
    const counts: Record<string, number> = {};
    for (const table of ['message_subscriptions', 'timers', 'signal_subscriptions']) {
      const row = await t.knex
        .withSchema('engine')
        .from(table)
        .where('process_instance_key', processInstanceKey)
        .count({ n: '*' })
        .first();
      counts[table] = Number(row?.n);
    }
    return counts;
  };

  test('the gateway waits with the subscriptions of every event after it', async () => {
    // when
    const processInstanceKey = await createInstance(t.engine, 'event-based-gateway', {
      orderId: 'O-1',
    });

    // then
    expect(await openSubscriptions(processInstanceKey)).toEqual({
      message_subscriptions: 1,
      timers: 1,
      signal_subscriptions: 1,
    });
    expect(await elementEvents(t.knex, processInstanceKey)).toContain(
      'waitForPayment:ELEMENT_ACTIVATED',
    );
  });

  test('a message wins: its catch event completes with the variables, the timer and signal close', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'event-based-gateway', {
      orderId: 'O-1',
    });

    // when
    accepted(await t.engine.publishMessage(payment()));

    // then
    const ship = await activateOne(t.engine, 'ship');
    expect(ship.variables).toEqual({ orderId: 'O-1', amount: 120 });
    expect(await openSubscriptions(processInstanceKey)).toEqual({
      message_subscriptions: 0,
      timers: 0,
      signal_subscriptions: 0,
    });
    const events = await elementEvents(t.knex, processInstanceKey);
    expect(events).toEqual(
      expect.arrayContaining([
        'waitForPayment:ELEMENT_COMPLETED',
        'paid:ELEMENT_ACTIVATING',
        'paid:ELEMENT_COMPLETED',
      ]),
    );
    // the sequence flow to the triggered event is not taken (BPMN)
    expect(events).not.toContain('toPaid:SEQUENCE_FLOW_TAKEN');
    expect(events).not.toContain('overdue:ELEMENT_ACTIVATING');

    // and the timer never fires
    t.clock.advance(15 * DAY);
    await settle(t.engine);
    expect(await activate(t.engine, 'send-reminder')).toEqual([]);
  });

  test('the timer wins: a later message does not correlate', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'event-based-gateway', {
      orderId: 'O-1',
    });

    // when
    t.clock.advance(14 * DAY);
    await settle(t.engine);

    // then
    const remind = await activateOne(t.engine, 'send-reminder');
    expect(await openSubscriptions(processInstanceKey)).toEqual({
      message_subscriptions: 0,
      timers: 0,
      signal_subscriptions: 0,
    });
    accepted(await t.engine.publishMessage(payment()));
    expect(await activate(t.engine, 'ship')).toEqual([]);
    accepted(await t.engine.completeJob(remind.key, {}));
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
  });

  test('a signal wins', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'event-based-gateway', {
      orderId: 'O-1',
    });

    // when
    accepted(
      await t.engine.broadcastSignal({
        signalName: 'stop-all-orders',
        variables: { stoppedBy: 'admin' },
        tenantId: '<default>',
      }),
    );

    // then
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
    expect(await elementEvents(t.knex, processInstanceKey)).toContain('stopped:ELEMENT_COMPLETED');
    const variable = (await records(t.knex, processInstanceKey)).find(
      (r) => r.valueType === 'VARIABLE' && r.value.name === 'stoppedBy',
    );
    expect(variable?.value.value).toBe('"admin"');
  });

  test('only the first of two events triggers the gateway', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'event-based-gateway', {
      orderId: 'O-1',
    });

    // when the message and the signal arrive in the same batch
    const results = await Promise.all([
      t.engine.publishMessage(payment()),
      t.engine.broadcastSignal({
        signalName: 'stop-all-orders',
        variables: {},
        tenantId: '<default>',
      }),
    ]);

    // then
    for (const result of results) accepted(result);
    await activateOne(t.engine, 'ship');
    const events = await elementEvents(t.knex, processInstanceKey);
    expect(events).not.toContain('stopped:ELEMENT_ACTIVATING');
    expect(events.filter((e) => e === 'waitForPayment:ELEMENT_COMPLETED')).toHaveLength(1);
  });
});
