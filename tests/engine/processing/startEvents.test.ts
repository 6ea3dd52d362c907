import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { PublishMessageRequest } from '../../../engine/src/api';
import {
  accepted,
  activate,
  activateOne,
  deploy,
  isCompleted,
  records,
  settle,
  startEngine,
  START,
  type EngineHarness,
} from './support';

const HOUR = 60 * 60_000;

const submitted = (overrides: Partial<PublishMessageRequest> = {}): PublishMessageRequest => ({
  name: 'application-submitted',
  correlationKey: '',
  timeToLive: 0,
  messageId: '',
  variables: {},
  tenantId: '<default>',
  ...overrides,
});

describe('start events', () => {
  let t: EngineHarness;
  beforeEach(async () => {
    t = await startEngine();
  });
  afterEach(async () => {
    await t.close();
  });

  const processInstances = async (bpmnProcessId: string) =>
    (await t.knex
      .withSchema('engine')
      .from('process_instances')
      .where('bpmn_process_id', bpmnProcessId)
      .orderBy('key')
      .select('key', 'version', 'state')) as { key: string; version: number; state: string }[];

  const logged = async (valueType: string) =>
    (await records(t.knex))
      .filter((r) => r.valueType === valueType && r.recordType === 'EVENT')
      .map((r) => ({ intent: r.intent, ...r.value }) as Record<string, unknown>);

  describe('message start events', () => {
    test('deploying opens a subscription; a message starts an instance with its variables', async () => {
      // given
      await deploy(t.engine, 'message-start.bpmn');
      expect(await logged('MESSAGE_START_EVENT_SUBSCRIPTION')).toEqual([
        expect.objectContaining({
          intent: 'CREATED',
          bpmnProcessId: 'message-start',
          startEventId: 'submitted',
          messageName: 'application-submitted',
        }),
      ]);

      // when
      accepted(
        await t.engine.publishMessage(submitted({ variables: { applicant: 'Muster', age: 42 } })),
      );

      // then
      const job = await activateOne(t.engine, 'register-application');
      expect(job.variables).toEqual({ applicant: 'Muster', age: 42 });
      const [instance] = await processInstances('message-start');
      expect(instance?.key).toBe(job.processInstanceKey);
      // the message variables are variables of the process instance
      const variables = (await records(t.knex, job.processInstanceKey)).filter(
        (r) => r.valueType === 'VARIABLE' && r.intent === 'CREATED',
      );
      expect(variables.map((r) => r.value.scopeKey)).toEqual([
        job.processInstanceKey,
        job.processInstanceKey,
      ]);
      expect((await logged('MESSAGE_START_EVENT_SUBSCRIPTION')).map((r) => r.intent)).toEqual([
        'CREATED',
        'CORRELATED',
      ]);
    });

    test('one active instance per correlation key: the next message waits buffered, then starts the next instance', async () => {
      // given
      await deploy(t.engine, 'message-start.bpmn');
      accepted(
        await t.engine.publishMessage(
          submitted({ correlationKey: 'A-1', timeToLive: HOUR, variables: { n: 1 } }),
        ),
      );
      const first = await activateOne(t.engine, 'register-application');

      // when a second message with the same key arrives while the first instance runs
      accepted(
        await t.engine.publishMessage(
          submitted({ correlationKey: 'A-1', timeToLive: HOUR, variables: { n: 2 } }),
        ),
      );
      // and one with another key
      accepted(
        await t.engine.publishMessage(submitted({ correlationKey: 'B-1', variables: { n: 3 } })),
      );

      // then only the other key started an instance
      const other = await activateOne(t.engine, 'register-application');
      expect(other.variables).toEqual({ n: 3 });
      expect(await processInstances('message-start')).toHaveLength(2);

      // when the first instance completes
      accepted(await t.engine.completeJob(first.key, {}));

      // then the buffered message starts the next instance
      const second = await activateOne(t.engine, 'register-application');
      expect(second.variables).toEqual({ n: 2 });
      expect(await processInstances('message-start')).toHaveLength(3);

      // and it does so once
      accepted(await t.engine.completeJob(second.key, {}));
      expect(await activate(t.engine, 'register-application')).toEqual([]);
    });

    test('a message without correlation key starts an instance each time', async () => {
      // given
      await deploy(t.engine, 'message-start.bpmn');

      // when
      accepted(await t.engine.publishMessage(submitted()));
      accepted(await t.engine.publishMessage(submitted()));

      // then
      expect(await activate(t.engine, 'register-application')).toHaveLength(2);
    });

    test('a message with the key of an active instance and no time to live is dropped', async () => {
      // given
      await deploy(t.engine, 'message-start.bpmn');
      accepted(await t.engine.publishMessage(submitted({ correlationKey: 'A-1' })));
      const first = await activateOne(t.engine, 'register-application');
      accepted(await t.engine.publishMessage(submitted({ correlationKey: 'A-1' })));

      // when
      accepted(await t.engine.completeJob(first.key, {}));

      // then
      expect(await activate(t.engine, 'register-application')).toEqual([]);
      expect(await processInstances('message-start')).toHaveLength(1);
    });

    test('a new version closes the previous version’s subscription; a version without one opens none', async () => {
      // given
      await deploy(t.engine, 'message-start.bpmn');

      // when
      await deploy(t.engine, 'message-start-v2.bpmn');
      accepted(await t.engine.publishMessage(submitted()));

      // then
      expect(await activate(t.engine, 'register-application')).toEqual([]);
      await activateOne(t.engine, 'register-application-v2');
      expect((await logged('MESSAGE_START_EVENT_SUBSCRIPTION')).map((r) => r.intent)).toEqual([
        'CREATED',
        'DELETED',
        'CREATED',
        'CORRELATED',
      ]);

      // when a version without message start event is deployed
      await deploy(t.engine, 'message-start-v3.bpmn');
      accepted(await t.engine.publishMessage(submitted()));

      // then no instance starts
      expect(await processInstances('message-start')).toHaveLength(1);
    });

    test('a message published before the process was deployed starts nothing', async () => {
      // given
      accepted(await t.engine.publishMessage(submitted({ timeToLive: HOUR })));

      // when
      await deploy(t.engine, 'message-start.bpmn');

      // then
      expect(await activate(t.engine, 'register-application')).toEqual([]);
    });
  });

  describe('timer start events', () => {
    test('a cycle starts an instance at each repetition at the engine clock, then stops', async () => {
      // given
      await deploy(t.engine, 'timer-start-cycle.bpmn');
      const [timer] = await logged('TIMER');
      expect(timer).toEqual(
        expect.objectContaining({
          intent: 'CREATED',
          elementInstanceKey: '-1',
          processInstanceKey: '-1',
          targetElementId: 'timerStart',
          dueDate: START + HOUR,
          repetitions: 3,
        }),
      );

      // when
      t.clock.advance(HOUR - 1);
      await settle(t.engine);

      // then
      expect(await processInstances('timer-start-cycle')).toHaveLength(0);

      // when
      for (let i = 0; i < 5; i++) {
        t.clock.advance(HOUR);
        await settle(t.engine);
      }

      // then R3: three instances
      expect(await activate(t.engine, 'hourly-report')).toHaveLength(3);
      const timers = await t.knex.withSchema('engine').from('timers').count({ n: '*' }).first();
      expect(Number(timers?.n)).toBe(0);
    });

    test('a new version cancels the previous version’s timer', async () => {
      // given
      await deploy(t.engine, 'timer-start-cycle.bpmn');

      // when
      await deploy(t.engine, 'timer-start-cycle-v2.bpmn');
      t.clock.advance(2 * HOUR);
      await settle(t.engine);

      // then
      expect(await activate(t.engine, 'hourly-report')).toEqual([]);
      await activateOne(t.engine, 'two-hourly-report');
      expect((await logged('TIMER')).map((r) => r.intent)).toEqual([
        'CREATED',
        'CANCELED',
        'CREATED',
        'TRIGGERED',
        'CREATED',
      ]);
    });

    test('a cron cycle fires at its next match', async () => {
      // given Monday 09:00: the next weekday 09:00 is Tuesday
      await deploy(t.engine, 'timer-start-cron.bpmn');

      // when
      t.clock.advance(24 * HOUR - 1);
      await settle(t.engine);

      // then
      expect(await processInstances('timer-start-cron')).toHaveLength(0);

      // when
      t.clock.advance(1);
      await settle(t.engine);

      // then
      await activateOne(t.engine, 'weekday-report');
      const created = (await logged('TIMER')).filter((r) => r.intent === 'CREATED');
      expect(created.map((r) => new Date(r.dueDate as number).toISOString())).toEqual([
        '2026-01-06T09:00:00.000Z',
        '2026-01-07T09:00:00.000Z',
      ]);
    });

    test('a date starts one instance, also when it fell due while the engine was down', async () => {
      // given
      await deploy(t.engine, 'timer-start-date.bpmn');
      await deploy(t.engine, 'timer-start-infinite.bpmn');

      // when the engine is down for ten hours
      await t.engine.stop();
      t.clock.advance(10 * HOUR);
      await t.restart();
      await settle(t.engine);

      // then each timer fires once after the start, the cycle goes on from now
      await activateOne(t.engine, 'noon-report');
      await activateOne(t.engine, 'nightly-cleanup');
      const next = (await logged('TIMER')).filter(
        (r) => r.intent === 'CREATED' && r.targetElementId === 'timerStart',
      );
      expect(next.map((r) => r.dueDate)).toEqual([
        START + 3 * HOUR,
        START + HOUR,
        START + 11 * HOUR,
      ]);

      // when
      t.clock.advance(HOUR);
      await settle(t.engine);

      // then
      expect(await processInstances('timer-start-date')).toHaveLength(1);
      expect(await processInstances('timer-start-infinite')).toHaveLength(2);
    });
  });

  describe('signal start events', () => {
    test('a broadcast starts an instance of every process with a matching signal start event', async () => {
      // given
      await deploy(t.engine, 'signal-start-tax.bpmn', 'signal-start-school.bpmn');

      // when
      accepted(
        await t.engine.broadcastSignal({
          signalName: 'registry-updated',
          variables: { municipality: 'Bern' },
          tenantId: '<default>',
        }),
      );

      // then
      const tax = await activateOne(t.engine, 'sync-tax');
      const school = await activateOne(t.engine, 'sync-school');
      expect(tax.variables).toEqual({ municipality: 'Bern' });
      expect(school.variables).toEqual({ municipality: 'Bern' });
    });

    test('only the latest version listens; deleting it re-opens the version before', async () => {
      // given
      await deploy(t.engine, 'signal-start-tax.bpmn');
      await deploy(t.engine, 'signal-start-tax-v2.bpmn');
      const broadcast = async () =>
        accepted(
          await t.engine.broadcastSignal({
            signalName: 'registry-updated',
            variables: {},
            tenantId: '<default>',
          }),
        );

      // when
      await broadcast();

      // then
      expect(await activate(t.engine, 'sync-tax')).toEqual([]);
      const v2Job = await activateOne(t.engine, 'sync-tax-v2');
      accepted(await t.engine.completeJob(v2Job.key, {}));
      expect(await isCompleted(t.knex, v2Job.processInstanceKey)).toBe(true);

      // when the latest version is deleted
      accepted(await t.engine.deleteResource(v2Job.processDefinitionKey));
      await broadcast();

      // then version 1 starts again
      const v1Job = await activateOne(t.engine, 'sync-tax');
      expect(v1Job.processDefinitionVersion).toBe(1);
    });
  });
});
