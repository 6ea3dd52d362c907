import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  accepted,
  activate,
  fixture,
  isCompleted,
  records,
  startEngine,
  type EngineHarness,
} from './support';

describe('signal throw and end events', () => {
  let t: EngineHarness;
  beforeEach(async () => {
    t = await startEngine({ multiTenancy: true });
    for (const tenantId of ['bern', 'thun']) {
      accepted(
        await t.engine.deployResources({ resources: [fixture('signal-throw.bpmn')], tenantId }),
      );
    }
  });
  afterEach(async () => {
    await t.close();
  });

  const create = async (bpmnProcessId: string, tenantId: string, variables = {}) =>
    accepted(
      await t.engine.createProcessInstance({
        bpmnProcessId,
        version: -1,
        variables,
        startInstructions: [],
        tenantId,
      }),
    ).processInstanceKey;

  const activateIn = async (type: string, tenantId: string) =>
    accepted(
      await t.engine.activateJobs({
        type,
        worker: 'test-worker',
        timeout: 60_000,
        maxJobsToActivate: 10,
        fetchVariable: [],
        tenantIds: [tenantId],
      }),
    );

  test('an intermediate signal throw event broadcasts its local variables and goes on', async () => {
    // given
    const listener = await create('signal-listener', 'bern');

    // when
    const thrower = await create('signal-thrower', 'bern', { orderId: 'O-7', secret: 'x' });

    // then the listener caught it with the input-mapped variables only
    const [track] = await activateIn('track', 'bern');
    expect(track?.processInstanceKey).toBe(listener);
    expect(track?.variables).toEqual({ shippedOrder: 'O-7' });
    const [invoice] = await activateIn('invoice', 'bern');
    expect(invoice?.processInstanceKey).toBe(thrower);
    const broadcasts = (await records(t.knex)).filter(
      (r) => r.valueType === 'SIGNAL' && r.intent === 'BROADCASTED',
    );
    expect(broadcasts.map((r) => r.value)).toEqual([
      { signalName: 'order-shipped', variables: { shippedOrder: 'O-7' }, tenantId: 'bern' },
    ]);
  });

  test('a signal end event broadcasts and starts the processes with a signal start event', async () => {
    // given
    await create('signal-thrower', 'bern', { orderId: 'O-8' });
    const [invoice] = await activateIn('invoice', 'bern');

    // when
    accepted(await t.engine.completeJob(invoice!.key, {}));

    // then
    expect(await isCompleted(t.knex, invoice!.processInstanceKey)).toBe(true);
    const archive = await activateIn('archive-order', 'bern');
    expect(archive).toHaveLength(1);
    expect(archive[0]?.bpmnProcessId).toBe('signal-archiver');
  });

  test('the broadcast stays within the tenant', async () => {
    // given a listener in each tenant
    await create('signal-listener', 'bern');
    await create('signal-listener', 'thun');

    // when bern throws
    await create('signal-thrower', 'bern', { orderId: 'O-9' });

    // then only bern's listener moves on
    expect(await activateIn('track', 'bern')).toHaveLength(1);
    expect(await activateIn('track', 'thun')).toEqual([]);
  });

  test('a broadcast from a client starts nothing in other tenants either', async () => {
    // when
    accepted(
      await t.engine.broadcastSignal({
        signalName: 'order-closed',
        variables: {},
        tenantId: 'thun',
      }),
    );

    // then
    expect(await activateIn('archive-order', 'thun')).toHaveLength(1);
    expect(await activateIn('archive-order', 'bern')).toEqual([]);
    expect(await activate(t.engine, 'archive-order')).toEqual([]);
  });
});
