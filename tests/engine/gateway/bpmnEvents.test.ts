/**
 * Start events, event subprocesses, inclusive and event-based gateways and signal throw events
 * over gRPC with @camunda8/sdk: a dog licence started by a message, and a registry sync started
 * by a signal that announces its end with a signal.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bpmn, startTestEngine, waitFor, type TestEngine } from '../harness';

const DAY = 24 * 60 * 60_000;

describe('BPMN events over gRPC', () => {
  let t: TestEngine;

  beforeAll(async () => {
    t = await startTestEngine();
    await t.zeebe.deployResources([
      { processFilename: bpmn(import.meta.url, 'dog-licence.bpmn') },
      { processFilename: bpmn(import.meta.url, 'registry-sync.bpmn') },
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const jobsOf = (type: string) =>
    waitFor(async () => {
      const jobs = await t.zeebe.activateJobs({
        type,
        worker: 'scenario',
        maxJobsToActivate: 10,
        timeout: 60_000,
        requestTimeout: -1,
      });
      return jobs.length > 0 ? jobs : undefined;
    });

  const instanceState = async (processInstanceKey: string) => {
    const row = (await t.knex
      .withSchema('engine')
      .from('process_instances')
      .where('key', processInstanceKey)
      .first()) as { state: string } | undefined;
    return row?.state;
  };

  const apply = (applicationId: string, variables: Record<string, unknown>) =>
    t.zeebe.publishMessage({
      name: 'dog-licence-applied',
      correlationKey: applicationId,
      variables: { applicationId, ...variables },
      timeToLive: 0,
    });

  test('a message starts the licence; the checks fork and join; the fee payment wins the gateway', async () => {
    // when
    await apply('DL-1', { listedBreed: true, firstDog: true });

    // then both checks run, with the message's variables as instance variables
    const [breed] = await jobsOf('check-breed-permit');
    const [course] = await jobsOf('check-dog-course');
    expect(breed?.variables).toEqual({ applicationId: 'DL-1', listedBreed: true, firstDog: true });
    await t.zeebe.completeJob({ jobKey: breed!.key, variables: { permit: 'P-7' } });
    await t.zeebe.completeJob({ jobKey: course!.key, variables: {} });

    // when the fee is paid
    await waitFor(async () => {
      const waiting = (await t.knex
        .withSchema('engine')
        .from('message_subscriptions')
        .where('process_instance_key', breed!.processInstanceKey)
        .first()) as unknown;
      return waiting;
    });
    await t.zeebe.publishMessage({
      name: 'dog-licence-fee-paid',
      correlationKey: 'DL-1',
      variables: { feePaid: 120 },
      timeToLive: 0,
    });

    // then
    const [issue] = await jobsOf('issue-dog-licence');
    expect(issue?.variables).toMatchObject({ permit: 'P-7', feePaid: 120 });
    await t.zeebe.completeJob({ jobKey: issue!.key, variables: {} });
    await waitFor(async () =>
      (await instanceState(issue!.processInstanceKey)) === 'COMPLETED' ? true : undefined,
    );
  });

  test('without checks the default flow leads on; after 30 days on the engine clock the dunning letter goes out', async () => {
    // given
    await apply('DL-2', { listedBreed: false, firstDog: false });
    await waitFor(async () => {
      const timers = (await t.knex.withSchema('engine').from('timers').select('key')) as unknown[];
      return timers.length > 0 ? timers : undefined;
    });

    // when
    t.clock.advance(30 * DAY);

    // then
    const [dun] = await jobsOf('send-dunning-letter');
    expect(dun?.variables).toEqual({ applicationId: 'DL-2', listedBreed: false, firstDog: false });
    await t.zeebe.completeJob({ jobKey: dun!.key, variables: {} });
  });

  test('a withdrawal interrupts the application in its event subprocess', async () => {
    // given
    await apply('DL-3', { listedBreed: true, firstDog: false });
    const [breed] = await jobsOf('check-breed-permit');

    // when
    await t.zeebe.publishMessage({
      name: 'dog-licence-withdrawn',
      correlationKey: 'DL-3',
      variables: { reason: 'dog moved abroad' },
      timeToLive: 0,
    });

    // then
    const [close] = await jobsOf('close-application');
    expect(close?.variables).toMatchObject({ applicationId: 'DL-3', reason: 'dog moved abroad' });
    await expect(t.zeebe.completeJob({ jobKey: breed!.key, variables: {} })).rejects.toThrow();
    await t.zeebe.completeJob({ jobKey: close!.key, variables: {} });
    await waitFor(async () =>
      (await instanceState(close!.processInstanceKey)) === 'COMPLETED' ? true : undefined,
    );
  });

  test('a broadcast signal starts the sync, whose signal end event reaches a waiting instance', async () => {
    // given an instance waiting for the end of the sync
    const awaiting = t.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'await-registry-sync',
      variables: {},
      requestTimeout: 20_000,
    });
    await waitFor(async () => {
      const subscriptions = (await t.knex
        .withSchema('engine')
        .from('signal_subscriptions')
        .where('signal_name', 'registry-synced')
        .select('key')) as unknown[];
      return subscriptions.length > 0 ? subscriptions : undefined;
    });

    // when
    const broadcast = await t.zeebe.broadcastSignal({
      signalName: 'registry-updated',
      variables: { municipality: 'Thun' },
    });
    const [sync] = await jobsOf('sync-residents');
    await t.zeebe.completeJob({ jobKey: sync!.key, variables: { syncedCount: 1234 } });

    // then
    expect(broadcast.key).toMatch(/^\d+$/);
    expect(sync?.variables).toEqual({ municipality: 'Thun' });
    expect((await awaiting).variables).toEqual({ syncedCount: 1234 });
  });
});
