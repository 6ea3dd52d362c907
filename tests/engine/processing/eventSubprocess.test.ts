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

const HOUR = 60 * 60_000;

const message = (overrides: Partial<PublishMessageRequest>): PublishMessageRequest => ({
  name: 'application-withdrawn',
  correlationKey: 'C-1',
  timeToLive: 0,
  messageId: '',
  variables: {},
  tenantId: '<default>',
  ...overrides,
});

const signal = (signalName: string, variables: Record<string, unknown> = {}) => ({
  signalName,
  variables,
  tenantId: '<default>',
});

describe('event subprocesses', () => {
  let t: EngineHarness;
  beforeEach(async () => {
    t = await startEngine();
    await deploy(t.engine, 'event-subprocess.bpmn', 'event-subprocess-scope.bpmn');
  });
  afterEach(async () => {
    await t.close();
  });

  const count = async (table: string, processInstanceKey: string) => {
    const row = await t.knex
      .withSchema('engine')
      .from(table)
      .where('process_instance_key', processInstanceKey)
      .count({ n: '*' })
      .first();
    return Number(row?.n);
  };

  test('their start event subscriptions open when the scope starts', async () => {
    // when
    const processInstanceKey = await createInstance(t.engine, 'event-subprocess', {
      caseId: 'C-1',
    });

    // then a message subscription, a timer and a signal subscription wait on the process instance
    expect(await count('message_subscriptions', processInstanceKey)).toBe(1);
    expect(await count('timers', processInstanceKey)).toBe(1);
    expect(await count('signal_subscriptions', processInstanceKey)).toBe(1);
  });

  test('an interrupting message event subprocess terminates the other children, then runs', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'event-subprocess', {
      caseId: 'C-1',
    });
    const examine = await activateOne(t.engine, 'examine');

    // when
    accepted(await t.engine.publishMessage(message({ variables: { reason: 'moved away' } })));

    // then the task is gone, the event subprocess runs with the message's variables
    const archive = await activateOne(t.engine, 'archive');
    expect(archive.variables).toEqual({ caseId: 'C-1', reason: 'moved away' });
    const completion = await t.engine.completeJob(examine.key, {});
    expect(!completion.ok && completion.rejection.type).toBe('NOT_FOUND');
    const events = await elementEvents(t.knex, processInstanceKey);
    expect(events.indexOf('work:ELEMENT_TERMINATED')).toBeLessThan(
      events.indexOf('withdrawn:ELEMENT_ACTIVATING'),
    );
    expect(events).toContain('withdrawnStart:ELEMENT_COMPLETED');
    // and the other event subprocesses no longer listen
    expect(await count('timers', processInstanceKey)).toBe(0);
    expect(await count('signal_subscriptions', processInstanceKey)).toBe(0);

    // when the event subprocess completes, so does the process
    accepted(await t.engine.completeJob(archive.key, {}));
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
    expect(await elementEvents(t.knex, processInstanceKey)).not.toContain('end:ELEMENT_COMPLETED');
  });

  test('a non-interrupting timer event subprocess runs beside the task at each repetition', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'event-subprocess', {
      caseId: 'C-1',
    });
    const examine = await activateOne(t.engine, 'examine');

    // when
    for (let i = 0; i < 3; i++) {
      t.clock.advance(HOUR);
      await settle(t.engine);
    }

    // then R2: two reminders, the task still waits
    const reminders = await activate(t.engine, 'remind');
    expect(reminders).toHaveLength(2);
    expect(await count('timers', processInstanceKey)).toBe(0);

    // when everything is done, the process completes
    for (const job of reminders) accepted(await t.engine.completeJob(job.key, {}));
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(false);
    accepted(await t.engine.completeJob(examine.key, {}));
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
  });

  test('the scope does not complete while a triggered event subprocess runs', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'event-subprocess', {
      caseId: 'C-1',
    });
    const examine = await activateOne(t.engine, 'examine');
    t.clock.advance(HOUR);
    await settle(t.engine);
    const reminder = await activateOne(t.engine, 'remind');

    // when
    accepted(await t.engine.completeJob(examine.key, {}));

    // then
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(false);
    accepted(await t.engine.completeJob(reminder.key, {}));
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
  });

  test('a non-interrupting signal event subprocess can be triggered several times', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'event-subprocess', {
      caseId: 'C-1',
    });

    // when
    accepted(await t.engine.broadcastSignal(signal('audit-requested', { auditor: 'anna' })));
    accepted(await t.engine.broadcastSignal(signal('audit-requested')));

    // then
    const events = await elementEvents(t.knex, processInstanceKey);
    expect(events.filter((e) => e === 'audit:ELEMENT_COMPLETED')).toHaveLength(2);
    expect(events).not.toContain('work:ELEMENT_TERMINATED');
    const examine = await activateOne(t.engine, 'examine');
    expect(examine.variables).toEqual({ caseId: 'C-1', auditor: 'anna' });
  });

  test('an error thrown by a job is caught by the error event subprocess of the process', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'event-subprocess', {
      caseId: 'C-1',
    });
    const examine = await activateOne(t.engine, 'examine');

    // when
    accepted(
      await t.engine.throwError(examine.key, {
        errorCode: 'FAILED',
        errorMessage: 'register offline',
        variables: { failure: 'offline' },
      }),
    );

    // then
    const report = await activateOne(t.engine, 'report-failure');
    expect(report.variables).toEqual({ caseId: 'C-1', failure: 'offline' });
    expect(await elementEvents(t.knex, processInstanceKey)).toContain('work:ELEMENT_TERMINATED');
    accepted(await t.engine.completeJob(report.key, {}));
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
  });

  test('their subscriptions close when the scope completes', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'event-subprocess', {
      caseId: 'C-1',
    });
    const examine = await activateOne(t.engine, 'examine');

    // when
    accepted(await t.engine.completeJob(examine.key, {}));

    // then
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
    expect(await count('message_subscriptions', processInstanceKey)).toBe(0);
    expect(await count('timers', processInstanceKey)).toBe(0);
    expect(await count('signal_subscriptions', processInstanceKey)).toBe(0);
    const deleted = (await records(t.knex, processInstanceKey)).filter(
      (r) => r.valueType === 'PROCESS_MESSAGE_SUBSCRIPTION' && r.intent === 'DELETED',
    );
    expect(deleted).toHaveLength(1);
  });

  test('an error end event in a subprocess is caught by the event subprocess of that subprocess', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'event-subprocess-scope', {
      caseId: 'C-2',
    });
    const check = await activateOne(t.engine, 'check');

    // when
    accepted(await t.engine.completeJob(check.key, { complete: false }));

    // then the event subprocess runs inside the subprocess, which then completes normally
    const request = await activateOne(t.engine, 'request-documents');
    accepted(await t.engine.completeJob(request.key, {}));
    await activateOne(t.engine, 'decide');
    const events = await elementEvents(t.knex, processInstanceKey);
    expect(events).toContain('incomplete:ELEMENT_TERMINATED');
    expect(events).toContain('requestDocuments:ELEMENT_COMPLETED');
    expect(events).toContain('review:ELEMENT_COMPLETED');
  });

  test('a non-interrupting message event subprocess of a subprocess correlates per message', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'event-subprocess-scope', {
      caseId: 'C-3',
    });

    // when
    for (const text of ['first', 'second']) {
      accepted(
        await t.engine.publishMessage(
          message({ name: 'citizen-note', correlationKey: 'C-3', variables: { text } }),
        ),
      );
    }

    // then
    expect(await activate(t.engine, 'file-note')).toHaveLength(2);
    await activateOne(t.engine, 'check');
    expect(await elementEvents(t.knex, processInstanceKey)).not.toContain(
      'check:ELEMENT_TERMINATED',
    );
  });

  test('the subprocess closes its event subprocess subscriptions when it completes', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'event-subprocess-scope', {
      caseId: 'C-4',
    });
    const check = await activateOne(t.engine, 'check');

    // when
    accepted(await t.engine.completeJob(check.key, { complete: true }));

    // then
    await activateOne(t.engine, 'decide');
    expect(await count('message_subscriptions', processInstanceKey)).toBe(0);
    accepted(
      await t.engine.publishMessage(message({ name: 'citizen-note', correlationKey: 'C-4' })),
    );
    expect(await activate(t.engine, 'file-note')).toEqual([]);
  });
});
