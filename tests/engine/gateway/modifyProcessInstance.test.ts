/**
 * ModifyProcessInstance over gRPC with the @camunda8/sdk client (Camunda 8.6 "Process instance
 * modification"): activate and terminate instructions, variables, flow scopes, rejections.
 */
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bpmn, grpcFailure, startTestEngine, type TestEngine } from '../harness';
import { elementEvents, records } from '../processing/support';

describe('ModifyProcessInstance', () => {
  let t: TestEngine;

  beforeAll(async () => {
    t = await startTestEngine();
    await t.zeebe.deployResource({ processFilename: bpmn(import.meta.url, 'modify-order.bpmn') });
    await t.zeebe.deployResource({ processFilename: bpmn(import.meta.url, 'modify-items.bpmn') });
  });
  afterAll(async () => {
    await t?.close();
  });

  const start = async (bpmnProcessId: string, variables: Record<string, string> = {}) =>
    (await t.zeebe.createProcessInstance({ bpmnProcessId, variables })).processInstanceKey;

  const jobsOf = async (type: string) =>
    (
      await t.zeebe.activateJobs({
        type,
        worker: 'modify-test',
        maxJobsToActivate: 10,
        timeout: 30_000,
        requestTimeout: -1,
      })
    ).map((job) => ({
      key: job.key,
      processInstanceKey: job.processInstanceKey,
      elementInstanceKey: job.elementInstanceKey,
      variables: job.variables as Record<string, unknown>,
    }));

  const jobOf = async (type: string, processInstanceKey: string) => {
    const job = (await jobsOf(type)).find((j) => j.processInstanceKey === processInstanceKey);
    if (!job) throw new Error(`no ${type} job for ${processInstanceKey}`);
    return job;
  };

  /** The key of the live instance of an element (from the record log). */
  const instanceOf = async (processInstanceKey: string, elementId: string) => {
    const activated = (await records(t.knex, processInstanceKey)).filter(
      (r) => r.intent === 'ELEMENT_ACTIVATED' && r.value.elementId === elementId,
    );
    const last = activated[activated.length - 1];
    if (!last) throw new Error(`${elementId} was not activated`);
    return last.key;
  };

  const processState = async (processInstanceKey: string) =>
    (
      (await t.knex
        .withSchema('engine')
        .from('process_instances')
        .where('key', processInstanceKey)
        .first('state')) as { state: string }
    ).state;

  /** An activate instruction; the client's JSONDoc takes plain values. */
  const activate = (
    elementId: string,
    variables?: Record<string, string | number | boolean>,
    scopeId = '',
  ) => ({
    elementId,
    ancestorElementInstanceKey: '-1',
    variableInstructions: variables ? [{ variables, scopeId }] : [],
  });

  test('moves the token: terminates the waiting catch event and activates the next task with variables', async () => {
    // given an instance waiting for the payment message
    const processInstanceKey = await start('modify-order', { orderId: 'o-1' });
    const check = await jobOf('modify-check', processInstanceKey);
    await t.zeebe.completeJob({ jobKey: check.key, variables: {} });
    const paid = await instanceOf(processInstanceKey, 'paid');

    // when
    await t.zeebe.modifyProcessInstance({
      processInstanceKey,
      activateInstructions: [activate('ship', { paidBy: 'clerk' })],
      terminateInstructions: [{ elementInstanceKey: paid }],
    });

    // then the catch event is gone with its subscription, and the task sees the variable
    const ship = await jobOf('modify-ship', processInstanceKey);
    expect(ship.variables).toEqual({ orderId: 'o-1', paidBy: 'clerk' });
    const log = await records(t.knex, processInstanceKey);
    expect(log.filter((r) => r.valueType === 'MESSAGE_SUBSCRIPTION').map((r) => r.intent)).toEqual([
      'CREATED',
      'DELETED',
    ]);
    const modified = log.find(
      (r) => r.valueType === 'PROCESS_INSTANCE_MODIFICATION' && r.recordType === 'EVENT',
    );
    expect(modified?.intent).toBe('MODIFIED');
    expect(modified?.value.terminateInstructions).toEqual([{ elementInstanceKey: paid }]);
    expect(await elementEvents(t.knex, processInstanceKey)).toEqual(
      expect.arrayContaining(['paid:ELEMENT_TERMINATING', 'paid:ELEMENT_TERMINATED']),
    );
    expect(await processState(processInstanceKey)).toBe('ACTIVE');
  });

  test('activates a nested element: creates its subprocess without start event, with local variables and boundary events', async () => {
    // given
    const processInstanceKey = await start('modify-order', { orderId: 'o-2' });
    const check = await jobOf('modify-check', processInstanceKey);

    // when the task inside the subprocess is activated and the first task terminated
    await t.zeebe.modifyProcessInstance({
      processInstanceKey,
      activateInstructions: [activate('deliver', { carrier: 'post' }, 'delivery')],
      terminateInstructions: [{ elementInstanceKey: check.elementInstanceKey }],
    });

    // then
    const deliver = await jobOf('modify-deliver', processInstanceKey);
    expect(deliver.variables).toEqual({ orderId: 'o-2', carrier: 'post' });
    const events = await elementEvents(t.knex, processInstanceKey);
    expect(events).toEqual(
      expect.arrayContaining(['delivery:ELEMENT_ACTIVATING', 'delivery:ELEMENT_ACTIVATED']),
    );
    expect(events).not.toContain('deliveryStart:ELEMENT_ACTIVATING');
    const timers = (await records(t.knex, processInstanceKey)).filter(
      (r) => r.valueType === 'TIMER' && r.intent === 'CREATED',
    );
    expect(timers.map((r) => r.value.targetElementId)).toEqual(['deliveryLate']);
    const delivery = await instanceOf(processInstanceKey, 'delivery');
    const variable = (await records(t.knex, processInstanceKey)).find(
      (r) => r.valueType === 'VARIABLE' && r.value.name === 'carrier',
    );
    expect(variable?.value.scopeKey).toBe(delivery);

    // when the task completes, the subprocess and the instance complete as usual
    await t.zeebe.completeJob({ jobKey: deliver.key, variables: {} });
    expect(await processState(processInstanceKey)).toBe('COMPLETED');
  });

  test('terminating the last element of a subprocess terminates the subprocess; the last of the instance terminates the instance', async () => {
    // given an instance inside the subprocess and a second token on the first task
    const processInstanceKey = await start('modify-order', { orderId: 'o-3' });
    await t.zeebe.modifyProcessInstance({
      processInstanceKey,
      activateInstructions: [activate('deliver')],
    });
    const deliver = await jobOf('modify-deliver', processInstanceKey);
    const check = await jobOf('modify-check', processInstanceKey);

    // when the task in the subprocess is terminated
    await t.zeebe.modifyProcessInstance({
      processInstanceKey,
      terminateInstructions: [{ elementInstanceKey: deliver.elementInstanceKey }],
    });

    // then the subprocess is terminated, not completed, and the instance goes on
    let events = await elementEvents(t.knex, processInstanceKey);
    expect(events).toEqual(expect.arrayContaining(['delivery:ELEMENT_TERMINATED']));
    expect(events).not.toContain('delivery:ELEMENT_COMPLETED');
    expect(events).not.toContain('lateEnd:ELEMENT_ACTIVATING');
    expect(await processState(processInstanceKey)).toBe('ACTIVE');

    // when the last element is terminated
    await t.zeebe.modifyProcessInstance({
      processInstanceKey,
      terminateInstructions: [{ elementInstanceKey: check.elementInstanceKey }],
    });

    // then the instance is terminated and its job is gone
    events = await elementEvents(t.knex, processInstanceKey);
    expect(events.slice(-4)).toEqual([
      'check:ELEMENT_TERMINATING',
      'check:ELEMENT_TERMINATED',
      'modify-order:ELEMENT_TERMINATING',
      'modify-order:ELEMENT_TERMINATED',
    ]);
    expect(await processState(processInstanceKey)).toBe('TERMINATED');
    expect(await grpcFailure(t.zeebe.completeJob({ jobKey: check.key, variables: {} }))).toEqual(
      expect.objectContaining({ code: status.NOT_FOUND }),
    );
  });

  test('activations come before terminations: moving the last token keeps the instance alive', async () => {
    // given
    const processInstanceKey = await start('modify-order', { orderId: 'o-4' });
    const check = await jobOf('modify-check', processInstanceKey);

    // when the only element is terminated and the next one activated in the same command
    await t.zeebe.modifyProcessInstance({
      processInstanceKey,
      terminateInstructions: [{ elementInstanceKey: check.elementInstanceKey }],
      activateInstructions: [activate('ship')],
    });

    // then
    expect(await processState(processInstanceKey)).toBe('ACTIVE');
    const ship = await jobOf('modify-ship', processInstanceKey);
    expect(ship.processInstanceKey).toBe(processInstanceKey);
  });

  test('an ancestor key creates a second subprocess instance; then an activation without one is ambiguous and changes nothing', async () => {
    // given one instance of the subprocess
    const processInstanceKey = await start('modify-order', { orderId: 'o-5' });
    await t.zeebe.modifyProcessInstance({
      processInstanceKey,
      activateInstructions: [activate('deliver')],
    });

    // when the process instance is named as the ancestor
    await t.zeebe.modifyProcessInstance({
      processInstanceKey,
      activateInstructions: [
        { ...activate('deliver'), ancestorElementInstanceKey: processInstanceKey },
      ],
    });

    // then there are two instances of the subprocess, each with its task
    const deliveries = (await elementEvents(t.knex, processInstanceKey)).filter(
      (e) => e === 'delivery:ELEMENT_ACTIVATED',
    );
    expect(deliveries).toHaveLength(2);
    expect(
      (await jobsOf('modify-deliver')).filter((j) => j.processInstanceKey === processInstanceKey),
    ).toHaveLength(2);

    // when an activation without ancestor follows a valid one in the same command
    const before = (await records(t.knex, processInstanceKey)).length;
    const failure = await grpcFailure(
      t.zeebe.modifyProcessInstance({
        processInstanceKey,
        activateInstructions: [activate('ship'), activate('deliver')],
      }),
    );

    // then the whole command is rejected and nothing was written but the rejection
    expect(failure).toEqual({
      code: status.INVALID_ARGUMENT,
      details: `Command 'MODIFY' rejected with code 'INVALID_ARGUMENT': Expected to modify instance of process 'modify-order' but it contains one or more activate instructions for an element that has a flow scope with more than one active instance: 'delivery'. Can't decide in which instance of the flow scope the element should be activated. Please specify an ancestor element instance key for this activate instruction.`,
    });
    const after = await records(t.knex, processInstanceKey);
    expect(after.slice(before).map((r) => `${r.recordType}:${r.intent}`)).toEqual([
      'COMMAND:MODIFY',
      'COMMAND_REJECTION:MODIFY',
    ]);
    expect(await jobsOf('modify-ship')).toEqual([]);
  });

  test('the last element of a called process instance cannot be terminated; the call activity can', async () => {
    // given an instance in its call activity
    const processInstanceKey = await start('modify-items');
    await t.zeebe.modifyProcessInstance({
      processInstanceKey,
      activateInstructions: [activate('call')],
      terminateInstructions: [
        {
          elementInstanceKey: (await jobOf('modify-prepare', processInstanceKey))
            .elementInstanceKey,
        },
      ],
    });
    const work = (await jobsOf('modify-work'))[0]!;

    // when the child's only element is terminated
    const failure = await grpcFailure(
      t.zeebe.modifyProcessInstance({
        processInstanceKey: work.processInstanceKey,
        terminateInstructions: [{ elementInstanceKey: work.elementInstanceKey }],
      }),
    );

    // then
    expect(failure).toEqual({
      code: status.INVALID_ARGUMENT,
      details: `Command 'MODIFY' rejected with code 'INVALID_ARGUMENT': Expected to modify instance of process 'modify-callee' but the given instructions would terminate the instance. The instance was created by a call activity in the parent process. To terminate this instance please modify the parent process instead.`,
    });

    // when the call activity is terminated instead
    await t.zeebe.modifyProcessInstance({
      processInstanceKey,
      terminateInstructions: [{ elementInstanceKey: await instanceOf(processInstanceKey, 'call') }],
    });

    // then the child and the parent are terminated
    expect(await processState(work.processInstanceKey)).toBe('TERMINATED');
    expect(await processState(processInstanceKey)).toBe('TERMINATED');
  });

  test('an unknown process instance is NOT_FOUND', async () => {
    expect(
      await grpcFailure(t.zeebe.modifyProcessInstance({ processInstanceKey: '2251799813685999' })),
    ).toEqual({
      code: status.NOT_FOUND,
      details: `Command 'MODIFY' rejected with code 'NOT_FOUND': Expected to modify process instance but no process instance found with key '2251799813685999'`,
    });
  });

  const prefix = (processId: string) =>
    `Command 'MODIFY' rejected with code 'INVALID_ARGUMENT': Expected to modify instance of process '${processId}' but it contains one or more`;

  test.each([
    [
      'an unknown element',
      { activateInstructions: [activate('nowhere')] },
      `activate instructions with an element that could not be found: 'nowhere'`,
    ],
    [
      'a start event',
      { activateInstructions: [activate('start')] },
      `activate instructions for elements that are unsupported: 'start'. The activation of elements with type 'START_EVENT' is not supported. Supported element types are: [PROCESS, SUB_PROCESS, EVENT_SUB_PROCESS, INTERMEDIATE_CATCH_EVENT, INTERMEDIATE_THROW_EVENT, END_EVENT, SERVICE_TASK, RECEIVE_TASK, USER_TASK, MANUAL_TASK, TASK, EXCLUSIVE_GATEWAY, PARALLEL_GATEWAY, EVENT_BASED_GATEWAY, MULTI_INSTANCE_BODY, CALL_ACTIVITY, BUSINESS_RULE_TASK, SCRIPT_TASK, SEND_TASK, INCLUSIVE_GATEWAY].`,
    ],
    [
      'a boundary event and a sequence flow',
      { activateInstructions: [activate('deliveryLate'), activate('toShip')] },
      `activate instructions for elements that are unsupported: 'deliveryLate', 'toShip'. The activation of elements with type 'BOUNDARY_EVENT', 'SEQUENCE_FLOW' is not supported.`,
    ],
    [
      'an unknown element instance to terminate',
      { terminateInstructions: [{ elementInstanceKey: '2251799813685999' }] },
      `terminate instructions with an element instance that could not be found: '2251799813685999'`,
    ],
    [
      'an unknown variable scope',
      { activateInstructions: [activate('ship', { a: 1 }, 'nowhere')] },
      `variable instructions with a scope element id that could not be found: 'nowhere'`,
    ],
    [
      'a variable scope that is not a flow scope of the element',
      { activateInstructions: [activate('ship', { a: 1 }, 'delivery')] },
      `variable instructions with a scope element that doesn't belong to the activating element's flow scope. These variables should be set before or after the modification.`,
    ],
    [
      'an ancestor that does not exist',
      {
        activateInstructions: [
          { ...activate('ship'), ancestorElementInstanceKey: '2251799813685999' },
        ],
      },
      `activate instructions with an ancestor scope key that does not exist, or is not in an active state: '2251799813685999'`,
    ],
  ])('rejects %s with INVALID_ARGUMENT', async (_case, instructions, reason) => {
    // given
    const processInstanceKey = await start('modify-order', { orderId: 'o-x' });

    // when
    const failure = await grpcFailure(
      t.zeebe.modifyProcessInstance({ processInstanceKey, ...instructions }),
    );

    // then
    expect(failure.code).toBe(status.INVALID_ARGUMENT);
    expect(failure.details).toContain(`${prefix('modify-order')} ${reason}`);
    expect((await elementEvents(t.knex, processInstanceKey)).slice(-1)).toEqual([
      'check:ELEMENT_ACTIVATED',
    ]);
  });

  test('rejects an ancestor that is not above the element, and an element inside a multi-instance subprocess', async () => {
    // given
    const processInstanceKey = await start('modify-items');
    const prepare = await jobOf('modify-prepare', processInstanceKey);

    // when / then
    const notAbove = await grpcFailure(
      t.zeebe.modifyProcessInstance({
        processInstanceKey,
        activateInstructions: [
          { ...activate('pack'), ancestorElementInstanceKey: prepare.elementInstanceKey },
        ],
      }),
    );
    expect(notAbove.details).toBe(
      `${prefix('modify-items')} activate instructions with an ancestor scope key that is not an ancestor of the element to activate:\n- instance '${prepare.elementInstanceKey}' of element 'prepare' is not an ancestor of element 'pack'`,
    );
    const insideMultiInstance = await grpcFailure(
      t.zeebe.modifyProcessInstance({
        processInstanceKey,
        activateInstructions: [activate('pack')],
      }),
    );
    expect(insideMultiInstance).toEqual({
      code: status.INVALID_ARGUMENT,
      details: `${prefix('modify-items')} activate instructions that would result in the activation of multi-instance element 'items', which is currently unsupported.`,
    });

    // when the multi-instance activity itself is activated, it runs as usual
    await t.zeebe.modifyProcessInstance({
      processInstanceKey,
      activateInstructions: [activate('items')],
      terminateInstructions: [{ elementInstanceKey: prepare.elementInstanceKey }],
    });
    const packs = (await jobsOf('modify-pack')).filter(
      (j) => j.processInstanceKey === processInstanceKey,
    );
    expect(packs.map((j) => j.variables.item).sort()).toEqual([1, 2]);
  });
});
