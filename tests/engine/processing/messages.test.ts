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

const message = (overrides: Partial<PublishMessageRequest>): PublishMessageRequest => ({
  name: 'documents-received',
  correlationKey: 'C-1',
  timeToLive: 60_000,
  messageId: '',
  variables: {},
  tenantId: '<default>',
  ...overrides,
});

describe('messages', () => {
  let t: EngineHarness;
  beforeEach(async () => {
    t = await startEngine();
    await deploy(t.engine, 'message-catch.bpmn', 'message-boundary.bpmn', 'receive-task.bpmn');
  });
  afterEach(async () => {
    await t.close();
  });

  test('a message published to a waiting instance completes the catch event and brings its variables', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'message-catch', { caseId: 'C-1' });

    // when
    accepted(await t.engine.publishMessage(message({ variables: { documents: ['lease.pdf'] } })));

    // then
    const check = await activateOne(t.engine, 'check-documents');
    expect(check.processInstanceKey).toBe(processInstanceKey);
    expect(check.variables).toEqual({ caseId: 'C-1', documents: ['lease.pdf'] });
  });

  test('a message published before the subscription opens correlates when the instance gets there', async () => {
    // given
    accepted(await t.engine.publishMessage(message({ variables: { early: true } })));

    // when
    await createInstance(t.engine, 'message-catch', { caseId: 'C-1' });

    // then
    const check = await activateOne(t.engine, 'check-documents');
    expect(check.variables).toEqual({ caseId: 'C-1', early: true });
  });

  test('a buffered message correlates once per process: the second instance keeps waiting', async () => {
    // given
    accepted(await t.engine.publishMessage(message({})));

    // when
    const first = await createInstance(t.engine, 'message-catch', { caseId: 'C-1' });
    const second = await createInstance(t.engine, 'message-catch', { caseId: 'C-1' });

    // then
    const jobs = await activate(t.engine, 'check-documents');
    expect(jobs.map((job) => job.processInstanceKey)).toEqual([first]);
    expect(await elementEvents(t.knex, second)).not.toContain('waitForDocuments:ELEMENT_COMPLETED');
  });

  test('a message past its time to live no longer correlates', async () => {
    // given
    accepted(await t.engine.publishMessage(message({ timeToLive: 1_000 })));
    t.clock.advance(1_001);
    await settle(t.engine);

    // when
    const processInstanceKey = await createInstance(t.engine, 'message-catch', { caseId: 'C-1' });

    // then
    expect(await activate(t.engine, 'check-documents')).toEqual([]);
    expect(await elementEvents(t.knex, processInstanceKey)).toContain(
      'waitForDocuments:ELEMENT_ACTIVATED',
    );
    const kinds = (await records(t.knex)).map((r) => `${r.recordType} ${r.valueType} ${r.intent}`);
    expect(kinds).toContain('EVENT MESSAGE EXPIRED');
  });

  test('a message id is unique while the message is buffered: a duplicate is ALREADY_EXISTS', async () => {
    // given
    accepted(await t.engine.publishMessage(message({ messageId: 'upload-42' })));

    // when
    const duplicate = await t.engine.publishMessage(message({ messageId: 'upload-42' }));
    const otherKey = await t.engine.publishMessage(
      message({ messageId: 'upload-42', correlationKey: 'C-2' }),
    );

    // then
    expect(duplicate).toEqual({
      ok: false,
      rejection: {
        intent: 'PUBLISH',
        type: 'ALREADY_EXISTS',
        reason:
          "Expected to publish a new message with id 'upload-42', but a message with that id was already published",
      },
    });
    expect(otherKey.ok).toBe(true);

    // and after it expired, the id may be used again
    t.clock.advance(60_001);
    await settle(t.engine);
    expect((await t.engine.publishMessage(message({ messageId: 'upload-42' }))).ok).toBe(true);
  });

  test('an interrupting message boundary event cancels the task and its job', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'message-boundary', {
      caseId: 'C-9',
    });
    const job = await activateOne(t.engine, 'process-application');

    // when
    accepted(
      await t.engine.publishMessage(
        message({ name: 'application-withdrawn', correlationKey: 'C-9' }),
      ),
    );

    // then
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
    expect(await elementEvents(t.knex, processInstanceKey)).toEqual(
      expect.arrayContaining([
        'work:ELEMENT_TERMINATED',
        'withdraw:ELEMENT_COMPLETED',
        'withdrawnEnd:ELEMENT_COMPLETED',
      ]),
    );
    expect((await t.engine.completeJob(job.key, {})).ok).toBe(false);
  });

  test('a non-interrupting message boundary event runs beside the task, as often as messages come', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'message-boundary', {
      caseId: 'C-9',
    });
    const job = await activateOne(t.engine, 'process-application');

    // when
    accepted(
      await t.engine.publishMessage(
        message({
          name: 'citizen-note',
          correlationKey: 'C-9',
          timeToLive: 0,
          variables: { note: 'one' },
        }),
      ),
    );
    accepted(
      await t.engine.publishMessage(
        message({
          name: 'citizen-note',
          correlationKey: 'C-9',
          timeToLive: 0,
          variables: { note: 'two' },
        }),
      ),
    );

    // then
    const notes = await activate(t.engine, 'record-note');
    expect(notes).toHaveLength(2);
    for (const note of notes) accepted(await t.engine.completeJob(note.key, {}));
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(false);
    accepted(await t.engine.completeJob(job.key, {}));
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
  });

  test('a receive task maps the message variables with its output mappings', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'receive-task', {
      invoiceNumber: 4711,
    });

    // when
    accepted(
      await t.engine.publishMessage(
        message({
          name: 'fee-paid',
          correlationKey: '4711',
          variables: { amount: 25, payer: 'x' },
        }),
      ),
    );

    // then
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
    const variables = (await records(t.knex, processInstanceKey))
      .filter((r) => r.valueType === 'VARIABLE' && r.value.scopeKey === processInstanceKey)
      .map((r) => r.value.name);
    expect(variables).toEqual(['invoiceNumber', 'paidAmount']);
  });
});
