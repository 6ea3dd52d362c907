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
  settle,
  startEngine,
  type EngineHarness,
  type LoggedRecord,
} from './support';

/** The PROCESS_INSTANCE events of one element as "TYPE:INTENT" lines. */
async function eventsOf(
  t: EngineHarness,
  processInstanceKey: string,
  elementId: string,
): Promise<LoggedRecord[]> {
  return (await records(t.knex, processInstanceKey)).filter(
    (r) =>
      r.valueType === 'PROCESS_INSTANCE' &&
      r.recordType === 'EVENT' &&
      r.value.elementId === elementId,
  );
}

describe('multi-instance', () => {
  let t: EngineHarness;
  beforeEach(async () => {
    t = await startEngine();
    await deploy(
      t.engine,
      'mi-parallel.bpmn',
      'mi-sequential.bpmn',
      'mi-completion.bpmn',
      'mi-subprocess.bpmn',
      'mi-call.bpmn',
    );
  });
  afterEach(async () => {
    await t.close();
  });

  test('parallel: one inner instance per item, each with its input element and loop counter; the output is collected in input order', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'mi-parallel', {
      reviewers: ['ana', 'ben', 'cleo'],
    });

    // when
    const jobs = await activate(t.engine, 'review');

    // then (the output collection is a local variable of the body)
    const visible = { reviewers: ['ana', 'ben', 'cleo'], verdicts: [null, null, null] };
    expect(jobs.map((job) => job.variables)).toEqual([
      { ...visible, reviewer: 'ana', verdict: null, loopCounter: 1 },
      { ...visible, reviewer: 'ben', verdict: null, loopCounter: 2 },
      { ...visible, reviewer: 'cleo', verdict: null, loopCounter: 3 },
    ]);
    const review = await eventsOf(t, processInstanceKey, 'review');
    const body = review.find((r) => r.intent === 'ELEMENT_ACTIVATED');
    expect(body?.value.bpmnElementType).toBe('MULTI_INSTANCE_BODY');
    const inner = review.filter(
      (r) => r.intent === 'ELEMENT_ACTIVATED' && r.value.bpmnElementType === 'SERVICE_TASK',
    );
    expect(inner).toHaveLength(3);
    for (const record of inner) expect(record.value.flowScopeKey).toBe(body!.key);

    // when the instances complete in reverse order
    for (const job of [...jobs].reverse()) {
      accepted(
        await t.engine.completeJob(job.key, { verdict: `ok-${String(job.variables.reviewer)}` }),
      );
    }

    // then the output collection follows the input order; the output element stayed local
    const after = await activateOne(t.engine, 'after-review');
    expect(after.variables).toEqual({
      reviewers: ['ana', 'ben', 'cleo'],
      verdicts: ['ok-ana', 'ok-ben', 'ok-cleo'],
    });
    expect(review.filter((r) => r.intent === 'ELEMENT_COMPLETED')).toHaveLength(0);
    const completed = (await eventsOf(t, processInstanceKey, 'review')).filter(
      (r) => r.intent === 'ELEMENT_COMPLETED',
    );
    expect(completed.map((r) => r.value.bpmnElementType)).toEqual([
      'SERVICE_TASK',
      'SERVICE_TASK',
      'SERVICE_TASK',
      'MULTI_INSTANCE_BODY',
    ]);
  });

  test('the output collection starts with a null per item; an item whose output is not set stays null', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'mi-parallel', {
      reviewers: ['ana', 'ben'],
    });
    const [first, second] = await activate(t.engine, 'review');

    // when
    accepted(await t.engine.completeJob(second!.key, { verdict: 'fine' }));

    // then
    const collection = (await records(t.knex, processInstanceKey)).filter(
      (r) => r.valueType === 'VARIABLE' && r.value.name === 'verdicts',
    );
    expect(collection.map((r) => `${r.intent} ${String(r.value.value)}`)).toEqual([
      'CREATED [null,null]',
      'UPDATED [null,"fine"]',
    ]);

    // when
    accepted(await t.engine.completeJob(first!.key, {}));

    // then
    const after = await activateOne(t.engine, 'after-review');
    expect(after.variables).toMatchObject({ verdicts: [null, 'fine'] });
  });

  test('an empty input collection skips the activity', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'mi-parallel', { reviewers: [] });

    // when
    const after = await activateOne(t.engine, 'after-review');

    // then
    expect(after.variables).toEqual({ reviewers: [], verdicts: [] });
    expect(await activate(t.engine, 'review')).toEqual([]);
    expect(
      (await eventsOf(t, processInstanceKey, 'review')).map(
        (r) => `${String(r.value.bpmnElementType)}:${r.intent}`,
      ),
    ).toEqual([
      'MULTI_INSTANCE_BODY:ELEMENT_ACTIVATING',
      'MULTI_INSTANCE_BODY:ELEMENT_ACTIVATED',
      'MULTI_INSTANCE_BODY:ELEMENT_COMPLETING',
      'MULTI_INSTANCE_BODY:ELEMENT_COMPLETED',
    ]);
  });

  test('an input collection that is not an array is an EXTRACT_VALUE_ERROR incident on the body; fixing it and resolving continues', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'mi-parallel', {
      reviewers: 'ana',
    });

    // then
    const incident = (await records(t.knex, processInstanceKey)).find(
      (r) => r.valueType === 'INCIDENT' && r.intent === 'CREATED',
    );
    const body = (await eventsOf(t, processInstanceKey, 'review')).find(
      (r) => r.intent === 'ELEMENT_ACTIVATING',
    );
    expect(incident?.value).toMatchObject({
      errorType: 'EXTRACT_VALUE_ERROR',
      errorMessage:
        "Expected result of the expression ' reviewers' to be 'ARRAY', but was 'STRING'.",
      elementId: 'review',
      elementInstanceKey: body?.key,
    });

    // when
    accepted(await t.engine.setVariables(processInstanceKey, { reviewers: ['ana'] }, false));
    accepted(await t.engine.resolveIncident(incident!.key));

    // then
    const job = await activateOne(t.engine, 'review');
    expect(job.variables).toMatchObject({ reviewer: 'ana', loopCounter: 1 });
  });

  test('a missing input collection names the variable in the incident', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'mi-parallel');

    // then
    const incident = (await records(t.knex, processInstanceKey)).find(
      (r) => r.valueType === 'INCIDENT' && r.intent === 'CREATED',
    );
    expect(incident?.value.errorMessage).toBe(
      "Expected result of the expression ' reviewers' to be 'ARRAY', but was 'NULL'. The evaluation reported the following warnings:\n[NO_VARIABLE_FOUND] No variable found with name 'reviewers'",
    );
  });

  test('sequential: one inner instance after the other, with input and output mappings on each', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'mi-sequential', {
      total: 0,
      items: [
        { name: 'rent', amount: 1200 },
        { name: 'tax', amount: 300 },
        { name: 'fee', amount: 25 },
      ],
    });

    // when / then
    const seen: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      const jobs = await activate(t.engine, 'step');
      expect(jobs).toHaveLength(1);
      seen.push({
        name: jobs[0]!.variables.name,
        loopCounter: jobs[0]!.variables.loopCounter,
        total: jobs[0]!.variables.total,
      });
      accepted(await t.engine.completeJob(jobs[0]!.key, {}));
    }
    expect(seen).toEqual([
      { name: 'rent', loopCounter: 1, total: 0 },
      { name: 'tax', loopCounter: 2, total: 1200 },
      { name: 'fee', loopCounter: 3, total: 1500 },
    ]);
    const after = await activateOne(t.engine, 'after-steps');
    expect(after.variables).toMatchObject({ total: 1525 });
    expect(after.variables).not.toHaveProperty('item');
    expect(after.variables).not.toHaveProperty('loopCounter');
    accepted(await t.engine.completeJob(after.key, {}));
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
  });

  test('the completion condition sees the numberOf…Instances; when it holds the other instances are terminated', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'mi-completion', {
      voters: ['ana', 'ben', 'cleo', 'dan'],
      quorum: 0.5,
    });
    const jobs = await activate(t.engine, 'vote');
    expect(jobs).toHaveLength(4);

    // when one of four completed: 0.25, not yet
    accepted(await t.engine.completeJob(jobs[3]!.key, { ballot: 'yes' }));
    expect(await activate(t.engine, 'after-vote')).toEqual([]);

    // when two of four completed: 0.5
    accepted(await t.engine.completeJob(jobs[0]!.key, { ballot: 'no' }));

    // then
    const after = await activateOne(t.engine, 'after-vote');
    expect(after.variables).toEqual({
      voters: ['ana', 'ben', 'cleo', 'dan'],
      quorum: 0.5,
      votes: ['no', null, null, 'yes'],
    });
    const vote = await eventsOf(t, processInstanceKey, 'vote');
    expect(vote.filter((r) => r.intent === 'ELEMENT_TERMINATED')).toHaveLength(2);
    expect(
      (await records(t.knex, processInstanceKey)).filter(
        (r) => r.valueType === 'JOB' && r.intent === 'CANCELED',
      ),
    ).toHaveLength(2);
    expect(await activate(t.engine, 'vote')).toEqual([]);
  });

  test('the completion condition sees the local variables of the completing instance', async () => {
    // given
    await createInstance(t.engine, 'mi-completion', { voters: ['ana', 'ben', 'cleo'], quorum: 1 });
    const jobs = await activate(t.engine, 'vote');

    // when
    accepted(await t.engine.completeJob(jobs[1]!.key, { ballot: 'veto' }));

    // then
    const after = await activateOne(t.engine, 'after-vote');
    expect(after.variables).toMatchObject({ votes: [null, 'veto', null] });
  });

  test('a completion condition that is not a boolean is an incident on the completing inner instance', async () => {
    // given (no quorum variable)
    const processInstanceKey = await createInstance(t.engine, 'mi-completion', {
      voters: ['ana', 'ben', 'cleo', 'dan'],
    });
    const [job] = await activate(t.engine, 'vote', 1);

    // when
    accepted(await t.engine.completeJob(job!.key, { ballot: 'yes' }));

    // then
    const incident = (await records(t.knex, processInstanceKey)).find(
      (r) => r.valueType === 'INCIDENT' && r.intent === 'CREATED',
    );
    expect(incident?.value).toMatchObject({
      errorType: 'EXTRACT_VALUE_ERROR',
      errorMessage: expect.stringContaining("to be 'BOOLEAN', but was 'NULL'"),
      elementInstanceKey: job!.elementInstanceKey,
    });
    expect(await activate(t.engine, 'after-vote')).toEqual([]);

    // when the variable is set and the incident resolved, the instance completes
    accepted(await t.engine.setVariables(processInstanceKey, { quorum: 0.25 }, false));
    accepted(await t.engine.resolveIncident(incident!.key));

    // then
    const after = await activateOne(t.engine, 'after-vote');
    expect(after.variables).toMatchObject({ votes: ['yes', null, null, null] });
  });

  test('embedded subprocess: each inner instance is a scope with the loop variables and input mappings', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'mi-subprocess', {
      orders: [{ id: 'A' }, { id: 'B' }],
    });

    // when
    const jobs = await activate(t.engine, 'pack');

    // then
    const visible = { orders: [{ id: 'A' }, { id: 'B' }], parcels: [null, null] };
    expect(jobs.map((job) => job.variables)).toEqual([
      { ...visible, order: { id: 'A' }, parcel: null, loopCounter: 1, orderId: 'A' },
      { ...visible, order: { id: 'B' }, parcel: null, loopCounter: 2, orderId: 'B' },
    ]);

    // when
    for (const job of jobs) {
      accepted(
        await t.engine.completeJob(job.key, { parcel: `P-${String(job.variables.orderId)}` }),
      );
    }

    // then
    const ship = await activateOne(t.engine, 'ship');
    expect(ship.variables).toEqual({ orders: [{ id: 'A' }, { id: 'B' }], parcels: ['P-A', 'P-B'] });
    const orders = await eventsOf(t, processInstanceKey, 'orders');
    expect(
      orders.filter((r) => r.intent === 'ELEMENT_COMPLETED').map((r) => r.value.bpmnElementType),
    ).toEqual(['SUB_PROCESS', 'SUB_PROCESS', 'MULTI_INSTANCE_BODY']);
  });

  test('an error thrown inside one inner instance is caught by the boundary event of the body: all instances end', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'mi-subprocess', {
      orders: [{ id: 'A' }, { id: 'B' }],
    });
    const [first] = await activate(t.engine, 'pack');

    // when
    accepted(
      await t.engine.throwError(first!.key, {
        errorCode: 'PACK_FAILED',
        errorMessage: '',
        variables: {},
      }),
    );

    // then
    const events = await elementEvents(t.knex, processInstanceKey);
    expect(events.filter((e) => e === 'orders:ELEMENT_TERMINATED')).toHaveLength(3);
    expect(events).toContain('failed:ELEMENT_COMPLETED');
    expect(await activate(t.engine, 'pack')).toEqual([]);
    expect(await isCompleted(t.knex, processInstanceKey)).toBe(true);
  });

  test('a timer boundary event on the body interrupts all instances; no partial output is propagated', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'mi-subprocess', {
      orders: [{ id: 'A' }, { id: 'B' }],
    });
    const [first] = await activate(t.engine, 'pack');
    accepted(await t.engine.completeJob(first!.key, { parcel: 'P-A' }));

    // when
    t.clock.advance(60 * 60 * 1000);
    await settle(t.engine);

    // then
    const escalate = await activateOne(t.engine, 'escalate');
    expect(escalate.variables).toEqual({ orders: [{ id: 'A' }, { id: 'B' }] });
    const events = await elementEvents(t.knex, processInstanceKey);
    expect(events).toContain('tooSlow:ELEMENT_COMPLETED');
    expect(events.filter((e) => e === 'orders:ELEMENT_TERMINATED')).toHaveLength(2);
    expect(await activate(t.engine, 'pack')).toEqual([]);
  });

  test('call activity: one child process instance per item; output mappings feed the output collection', async () => {
    // given
    const processInstanceKey = await createInstance(t.engine, 'mi-call', {
      documents: ['passport', 'lease'],
    });

    // when
    const checks = await activate(t.engine, 'check-document');

    // then
    // (all variables visible at each inner call activity are copied to its child)
    const visible = { documents: ['passport', 'lease'], results: [null, null] };
    expect(checks.map((job) => job.variables)).toEqual([
      { ...visible, document: 'passport', result: null, loopCounter: 1 },
      { ...visible, document: 'lease', result: null, loopCounter: 2 },
    ]);
    expect(new Set(checks.map((job) => job.processInstanceKey)).size).toBe(2);

    // when
    for (const job of checks) {
      accepted(
        await t.engine.completeJob(job.key, {
          checked: `${String(job.variables.document)} ok`,
          scratch: true,
        }),
      );
    }

    // then
    const after = await activateOne(t.engine, 'after-checks');
    expect(after.processInstanceKey).toBe(processInstanceKey);
    expect(after.variables).toEqual({
      documents: ['passport', 'lease'],
      results: ['passport ok', 'lease ok'],
    });
  });
});
