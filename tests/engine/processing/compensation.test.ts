import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { bpmn, startTestEngine, waitFor, type TestEngine } from '../harness';
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

/**
 * Multi-instance activities (docs.camunda.io "Compensation events", multi-instance activity):
 * the compensation boundary event of a multi-instance activity belongs to its body, so its
 * handler is invoked once, after all instances completed; to undo each item, the handler is a
 * multi-instance activity itself. Activities inside the instances of a multi-instance
 * subprocess are compensated once per completed instance. Over gRPC with @camunda8/sdk.
 */
describe('compensation of multi-instance activities', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine();
    await t.zeebe.deployResource({
      processFilename: bpmn(import.meta.url, 'fixtures/compensation-multi-instance.bpmn'),
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  type Variables = Parameters<typeof t.zeebe.createProcessInstance>[0]['variables'];
  const start = async (bpmnProcessId: string, variables: Variables) =>
    (await t.zeebe.createProcessInstance({ bpmnProcessId, variables })).processInstanceKey;

  /** A job's variables (the client leaves their type open). */
  const variablesOf = (job: { variables: unknown }) => job.variables as Record<string, unknown>;

  /** Waits for `count` jobs of `type` (and no more), activates them. */
  const jobs = async (type: string, count: number) => {
    const found: Awaited<ReturnType<typeof t.zeebe.activateJobs>> = [];
    await waitFor(async () => {
      found.push(
        ...(await t.zeebe.activateJobs({
          type,
          worker: 'scenario',
          maxJobsToActivate: 10,
          timeout: 60_000,
          requestTimeout: -1,
        })),
      );
      return found.length >= count ? true : undefined;
    });
    expect(found).toHaveLength(count);
    return found;
  };

  const completeAll = async (type: string, count: number) => {
    const activated = await jobs(type, count);
    for (const job of activated) await t.zeebe.completeJob({ jobKey: job.key, variables: {} });
    return activated;
  };

  const noJobs = async (type: string) =>
    expect(
      await t.zeebe.activateJobs({
        type,
        worker: 'scenario',
        maxJobsToActivate: 10,
        timeout: 60_000,
        requestTimeout: -1,
      }),
    ).toEqual([]);

  const completed = (processInstanceKey: string) =>
    waitFor(async () => ((await isCompleted(t.knex, processInstanceKey)) ? true : undefined));

  const log = (processInstanceKey: string) => records(t.knex, processInstanceKey);

  const subscriptionIntents = async (processInstanceKey: string) =>
    (await log(processInstanceKey))
      .filter((r) => r.valueType === 'COMPENSATION_SUBSCRIPTION')
      .map((r) => `${String(r.value.compensableActivityId)}:${r.intent}`);

  test('a parallel multi-instance task is compensated once, after all its instances completed', async () => {
    // given
    const processInstanceKey = await start('compensation-mi-parallel', {
      plates: ['LU 1', 'LU 2', 'LU 3'],
    });

    // when
    await completeAll('issue-permit', 3);

    // then one handler for the whole activity
    const [revoke] = await jobs('revoke-permits', 1);
    await noJobs('revoke-permits');
    expect(variablesOf(revoke!).plates).toEqual(['LU 1', 'LU 2', 'LU 3']);
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(false);
    await t.zeebe.completeJob({ jobKey: revoke!.key, variables: {} });
    await completed(processInstanceKey);
    expect(await subscriptionIntents(processInstanceKey)).toEqual([
      'issuePermit:CREATED',
      'issuePermit:TRIGGERED',
      'issuePermit:COMPLETED',
    ]);
    const records = await log(processInstanceKey);
    const body = records.find(
      (r) => r.value.bpmnElementType === 'MULTI_INSTANCE_BODY' && r.intent === 'ELEMENT_COMPLETED',
    );
    const subscription = records.find((r) => r.valueType === 'COMPENSATION_SUBSCRIPTION');
    expect(subscription?.value.compensableActivityInstanceKey).toBe(body?.key);
  });

  test('the compensation boundary event is written activated and completed before its handler', async () => {
    // given
    const processInstanceKey = await start('compensation-mi-parallel', { plates: ['LU 4'] });
    await completeAll('issue-permit', 1);

    // when
    await completeAll('revoke-permits', 1);

    // then, as in Zeebe's record stream
    await completed(processInstanceKey);
    const records = (await log(processInstanceKey)).filter((r) => r.recordType === 'EVENT');
    const lines = records
      .filter(
        (r) => r.valueType === 'PROCESS_INSTANCE' || r.valueType === 'COMPENSATION_SUBSCRIPTION',
      )
      .map((r) =>
        r.valueType === 'PROCESS_INSTANCE'
          ? `${String(r.value.elementId)}:${String(r.value.bpmnElementType)}:${String(r.value.bpmnEventType)}:${r.intent}`
          : `subscription:${r.intent}`,
      );
    const from = lines.indexOf('undoPermits:END_EVENT:COMPENSATION:ELEMENT_ACTIVATED');
    expect(lines.slice(from)).toEqual([
      'undoPermits:END_EVENT:COMPENSATION:ELEMENT_ACTIVATED',
      'permitIssued:BOUNDARY_EVENT:COMPENSATION:ELEMENT_ACTIVATING',
      'permitIssued:BOUNDARY_EVENT:COMPENSATION:ELEMENT_ACTIVATED',
      'permitIssued:BOUNDARY_EVENT:COMPENSATION:ELEMENT_COMPLETING',
      'permitIssued:BOUNDARY_EVENT:COMPENSATION:ELEMENT_COMPLETED',
      'subscription:TRIGGERED',
      'revokePermits:SERVICE_TASK:COMPENSATION:ELEMENT_ACTIVATING',
      'revokePermits:SERVICE_TASK:COMPENSATION:ELEMENT_ACTIVATED',
      'revokePermits:SERVICE_TASK:COMPENSATION:ELEMENT_COMPLETING',
      'revokePermits:SERVICE_TASK:COMPENSATION:ELEMENT_COMPLETED',
      'subscription:COMPLETED',
      'undoPermits:END_EVENT:COMPENSATION:ELEMENT_COMPLETING',
      'undoPermits:END_EVENT:COMPENSATION:ELEMENT_COMPLETED',
      `compensation-mi-parallel:PROCESS:UNSPECIFIED:ELEMENT_COMPLETING`,
      `compensation-mi-parallel:PROCESS:UNSPECIFIED:ELEMENT_COMPLETED`,
    ]);
    // the boundary event is an element instance of its own in the throw event's flow scope
    const boundary = records.filter((r) => r.value.elementId === 'permitIssued');
    expect(new Set(boundary.map((r) => r.key)).size).toBe(1);
    expect(boundary[0]?.value.flowScopeKey).toBe(processInstanceKey);
    const handler = records.find((r) => r.value.elementId === 'revokePermits');
    expect(BigInt(handler!.key)).toBeGreaterThan(BigInt(boundary[0]!.key));
  });

  test('a sequential multi-instance task with a multi-instance handler is undone item by item', async () => {
    // given
    const processInstanceKey = await start('compensation-mi-sequential', {
      instalments: [{ no: 1 }, { no: 2 }],
    });
    await completeAll('charge-instalment', 1);
    await noJobs('refund-instalment');

    // when the last instance completes, the throw event compensates the activity
    await completeAll('charge-instalment', 1);

    // then the handler runs once per item, with the item as its local variable
    const refunds = await jobs('refund-instalment', 2);
    expect(refunds.map((job) => variablesOf(job).instalment)).toEqual([{ no: 1 }, { no: 2 }]);
    await noJobs('notify-refund');
    for (const job of refunds) await t.zeebe.completeJob({ jobKey: job.key, variables: {} });
    await completeAll('notify-refund', 1);
    await completed(processInstanceKey);
    expect(await subscriptionIntents(processInstanceKey)).toEqual([
      'chargeInstalment:CREATED',
      'chargeInstalment:TRIGGERED',
      'chargeInstalment:COMPLETED',
    ]);
    const handlerBody = (await log(processInstanceKey)).find(
      (r) => r.value.elementId === 'refundInstalment' && r.intent === 'ELEMENT_ACTIVATING',
    );
    expect(handlerBody?.value.bpmnElementType).toBe('MULTI_INSTANCE_BODY');
    expect(handlerBody?.value.bpmnEventType).toBe('COMPENSATION');
  });

  test('activities inside a multi-instance subprocess are compensated once per completed instance', async () => {
    // given
    const processInstanceKey = await start('compensation-mi-subprocess', {
      applicants: ['Anna', 'Beat'],
    });

    // when
    await completeAll('register-applicant', 2);

    // then
    await completeAll('unregister-applicant', 2);
    await noJobs('unregister-applicant');
    await completed(processInstanceKey);
    const intents = await subscriptionIntents(processInstanceKey);
    expect(intents.slice(0, 5)).toEqual([
      'registerApplicant:CREATED',
      'applicants:CREATED',
      'registerApplicant:CREATED',
      'applicants:CREATED',
      'applicants:CREATED',
    ]);
    expect(intents.filter((line) => line === 'registerApplicant:TRIGGERED')).toHaveLength(2);
    expect(intents.filter((line) => line === 'applicants:TRIGGERED')).toHaveLength(3);
    expect(intents.filter((line) => line.endsWith(':COMPLETED'))).toHaveLength(5);
    // the subprocess instances' subscriptions hang under the body's
    const subscriptions = (await log(processInstanceKey)).filter(
      (r) => r.valueType === 'COMPENSATION_SUBSCRIPTION' && r.intent === 'CREATED',
    );
    const bodySubscription = subscriptions[4]!;
    expect(subscriptions[1]!.value.compensableActivityScopeKey).toBe(
      bodySubscription.value.compensableActivityInstanceKey,
    );
    expect(bodySubscription.value.compensableActivityScopeKey).toBe(processInstanceKey);
  });

  test('a throw event inside an instance of a multi-instance subprocess compensates that instance only', async () => {
    // given
    const processInstanceKey = await start('compensation-mi-inner-throw', {
      households: [
        { id: 'H-1', withdrawn: false },
        { id: 'H-2', withdrawn: true },
      ],
    });

    // when H-1, then H-2 booked their slots
    const bookings = await jobs('book-slot', 2);
    const householdOf = (job: { variables: unknown }) =>
      String((variablesOf(job).household as { id: string }).id);
    bookings.sort((a, b) => householdOf(a).localeCompare(householdOf(b)));
    for (const job of bookings) await t.zeebe.completeJob({ jobKey: job.key, variables: {} });

    // then the handler of the withdrawn household runs, in its instance's scope
    const [release] = await jobs('release-slot', 1);
    expect(variablesOf(release!).household).toEqual({ id: 'H-2', withdrawn: true });
    await noJobs('release-slot');
    await t.zeebe.completeJob({ jobKey: release!.key, variables: {} });
    await completed(processInstanceKey);
    expect(await subscriptionIntents(processInstanceKey)).toEqual([
      'bookSlot:CREATED', // H-1
      'households:CREATED', // the instance of H-1, with its booking to undo
      'bookSlot:CREATED', // H-2
      'bookSlot:TRIGGERED',
      'bookSlot:COMPLETED', // the instance of H-2 has nothing left to undo
      'households:CREATED', // the body
      'bookSlot:DELETED',
      'households:DELETED',
      'households:DELETED',
    ]);
  });
});
