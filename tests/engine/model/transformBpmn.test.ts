import { describe, expect, it } from 'vitest';
import { type ExecutableProcess, transformBpmn } from '../../../engine/src/model';
import { START, fixture, flow, processXml, serviceTask } from './bpmn';

async function transformFixture(): Promise<ExecutableProcess[]> {
  const result = await transformBpmn('dog-registration.bpmn', fixture('dog-registration.bpmn'));
  if (!result.ok)
    throw new Error(`expected a valid model, got ${JSON.stringify(result.errors, null, 2)}`);
  return result.processes;
}

function node(process: ExecutableProcess, id: string) {
  const element = process.elements.get(id);
  if (element === undefined) throw new Error(`no element ${id}`);
  return element;
}

describe('transformBpmn: a valid model with most element kinds', () => {
  it('transforms every executable process of a collaboration and skips the non-executable pool', async () => {
    // given a collaboration of an executable process, a non-executable pool with a complex gateway
    // and a second executable process
    // when
    const processes = await transformFixture();
    // then
    expect(processes.map((p) => p.bpmnProcessId)).toEqual(['dog-registration', 'fee-reminder']);
  });

  it('describes the process: root element, version tag and start events', async () => {
    const [process] = await transformFixture();
    expect(process).toMatchObject({
      bpmnProcessId: 'dog-registration',
      name: 'Hundeanmeldung',
      versionTag: '2026.1',
      noneStartEventId: 'start',
      messageStartEventIds: ['startByMessage'],
      timerStartEventIds: ['nightly'],
      signalStartEventIds: [],
    });
    const root = node(process!, 'dog-registration');
    expect(root).toMatchObject({
      elementType: 'PROCESS',
      startEventIds: ['start'],
      eventSubProcessIds: ['escalationHandler', 'withdrawHandler'],
      executionListeners: [
        { eventType: 'start', type: 'audit-start', retries: '3' },
        { eventType: 'end', type: 'audit-end', retries: '1' },
      ],
    });
    expect(root.childIds).toContain('issueTags');
    expect(root.childIds).not.toContain('tagStart');
    expect(root.childIds).not.toContain('applicationData');
  });

  it.each([
    ['start', 'START_EVENT', 'NONE'],
    ['startByMessage', 'START_EVENT', 'MESSAGE'],
    ['nightly', 'START_EVENT', 'TIMER'],
    ['checkInput', 'SERVICE_TASK', 'UNSPECIFIED'],
    ['inputOk', 'EXCLUSIVE_GATEWAY', 'UNSPECIFIED'],
    ['reject', 'END_EVENT', 'MESSAGE'],
    ['fork', 'PARALLEL_GATEWAY', 'UNSPECIFIED'],
    ['review', 'USER_TASK', 'UNSPECIFIED'],
    ['reviewReminder', 'BOUNDARY_EVENT', 'TIMER'],
    ['sendReminder', 'SEND_TASK', 'UNSPECIFIED'],
    ['fee', 'BUSINESS_RULE_TASK', 'UNSPECIFIED'],
    ['calcTax', 'SCRIPT_TASK', 'UNSPECIFIED'],
    ['waitPayment', 'EVENT_BASED_GATEWAY', 'UNSPECIFIED'],
    ['paymentReceived', 'INTERMEDIATE_CATCH_EVENT', 'MESSAGE'],
    ['paymentTimeout', 'INTERMEDIATE_CATCH_EVENT', 'TIMER'],
    ['timeoutEnd', 'END_EVENT', 'TERMINATE'],
    ['issueTags', 'SUB_PROCESS', 'UNSPECIFIED'],
    ['cancelMsg', 'BOUNDARY_EVENT', 'MESSAGE'],
    ['register', 'CALL_ACTIVITY', 'UNSPECIFIED'],
    ['registerFailed', 'BOUNDARY_EVENT', 'ERROR'],
    ['failEnd', 'END_EVENT', 'ERROR'],
    ['linkThrow', 'INTERMEDIATE_THROW_EVENT', 'LINK'],
    ['linkCatch', 'INTERMEDIATE_CATCH_EVENT', 'LINK'],
    ['waitConfirmation', 'RECEIVE_TASK', 'UNSPECIFIED'],
    ['done', 'END_EVENT', 'SIGNAL'],
    ['escalationHandler', 'EVENT_SUB_PROCESS', 'UNSPECIFIED'],
    ['escStart', 'START_EVENT', 'ESCALATION'],
    ['logEscalation', 'TASK', 'UNSPECIFIED'],
    ['ackWithdraw', 'MANUAL_TASK', 'UNSPECIFIED'],
  ])('%s is a %s with event type %s', async (id, elementType, eventType) => {
    const [process] = await transformFixture();
    expect(node(process!, id)).toMatchObject({ elementType, eventType });
  });

  it.each([
    ['checkInput', 'dog-registration'],
    ['orderTag', 'issueTags'],
    ['cancelMsg', 'dog-registration'],
    ['ackWithdraw', 'withdrawHandler'],
  ])('%s has flow scope %s', async (id, flowScopeId) => {
    const [process] = await transformFixture();
    expect(node(process!, id).flowScopeId).toBe(flowScopeId);
  });

  it('computes incoming and outgoing flows, also without bpmn:incoming/outgoing children', async () => {
    const [process] = await transformFixture();
    expect(node(process!, 'checkInput')).toMatchObject({
      incoming: ['f1', 'fMessage'],
      outgoing: ['f2'],
    });
    expect(node(process!, 'join').incoming).toEqual(['f8', 'f9']);
  });

  it('reads the job, headers and io mappings of a service task', async () => {
    const [process] = await transformFixture();
    expect(node(process!, 'checkInput')).toMatchObject({
      job: { type: 'check-input', retries: '5', headers: { 'portal:milestone': 'received' } },
      inputMappings: [{ source: '=application.dogName', target: 'dogName' }],
      outputMappings: [{ source: '=valid', target: 'inputValid' }],
    });
  });

  it.each([
    ['sendReminder', { type: 'send-reminder', retries: '=retryCount', headers: {} }],
    ['reject', { type: 'notify-rejection', retries: '3', headers: {} }],
    ['orderTag', { type: 'order-tag', retries: '3', headers: {} }],
    [
      'review',
      {
        type: 'io.camunda.zeebe:userTask',
        retries: '3',
        headers: { 'portal:milestone': 'in-review' },
      },
    ],
  ])('%s is job-based', async (id, job) => {
    const [process] = await transformFixture();
    expect(node(process!, id).job).toEqual(job);
  });

  it('reads a user task with assignment, schedule and an embedded form', async () => {
    const [process] = await transformFixture();
    expect(node(process!, 'review').userTask).toEqual({
      assignee: '=initiator',
      candidateGroups: 'clerks, supervisors',
      dueDate: '=now() + duration("P3D")',
      followUpDate: '2026-12-01T09:00:00+01:00',
      formKey: 'camunda-forms:bpmn:reviewForm',
      embeddedForm: '{"components":[{"type":"textfield","key":"comment"}]}',
    });
  });

  it('reads gateways: default flow, conditions (not on the default flow), event-based targets', async () => {
    const [process] = await transformFixture();
    expect(node(process!, 'inputOk').defaultFlowId).toBe('toReject');
    expect(process!.flows.get('toFork')).toEqual({
      id: 'toFork',
      sourceId: 'inputOk',
      targetId: 'fork',
      condition: '=inputValid = true',
    });
    // Zeebe accepts a condition on the default flow and never evaluates it
    expect(process!.flows.get('toReject')?.condition).toBeUndefined();
    expect(node(process!, 'waitPayment').eventBasedTargets).toEqual([
      'paymentReceived',
      'paymentTimeout',
    ]);
  });

  it('reads event definitions', async () => {
    const [process, reminder] = await transformFixture();
    expect(node(process!, 'startByMessage').message).toEqual({
      name: 'dog-registration-requested',
    });
    expect(node(process!, 'paymentReceived').message).toEqual({
      name: 'payment-received',
      correlationKey: '=caseId',
    });
    expect(node(process!, 'waitConfirmation').message).toEqual({
      name: 'register-confirmed',
      correlationKey: '=caseId',
    });
    expect(node(process!, 'nightly').timer).toEqual({ kind: 'cycle', expression: 'R/P1D' });
    expect(node(process!, 'paymentTimeout').timer).toEqual({
      kind: 'duration',
      expression: 'P20D',
    });
    expect(node(process!, 'registerFailed').error).toEqual({ errorCode: 'REGISTER_DOWN' });
    expect(node(process!, 'failEnd').error).toEqual({ errorCode: 'FATAL' });
    expect(node(process!, 'done').signal).toEqual({ name: 'dog-registered' });
    expect(node(process!, 'escStart').escalation).toEqual({ escalationCode: 'LATE' });
    expect(node(process!, 'timeoutEnd').terminate).toBe(true);
    expect(node(process!, 'linkThrow').link).toEqual({
      name: 'toConfirmation',
      targetId: 'linkCatch',
    });
    expect(reminder!.signalStartEventIds).toEqual(['reminderStart']);
  });

  it('reads boundary events and fills boundaryEventIds of their activity', async () => {
    const [process] = await transformFixture();
    expect(node(process!, 'reviewReminder')).toMatchObject({
      attachedToId: 'review',
      cancelActivity: false,
    });
    expect(node(process!, 'cancelMsg')).toMatchObject({
      attachedToId: 'issueTags',
      cancelActivity: true,
    });
    expect(node(process!, 'review').boundaryEventIds).toEqual(['reviewReminder']);
    expect(node(process!, 'register').boundaryEventIds).toEqual(['registerFailed']);
  });

  it('reads subprocesses, event subprocesses and their start events', async () => {
    const [process] = await transformFixture();
    expect(node(process!, 'issueTags')).toMatchObject({
      childIds: ['tagStart', 'orderTag', 'tagEnd'],
      startEventIds: ['tagStart'],
      eventSubProcessIds: [],
    });
    expect(node(process!, 'withdrawHandler').startEventIds).toEqual(['withdrawStart']);
    expect(node(process!, 'withdrawStart').interrupting).toBe(true);
    expect(node(process!, 'escStart').interrupting).toBe(false);
  });

  it('reads multi-instance, called element, called decision and script', async () => {
    const [process] = await transformFixture();
    expect(node(process!, 'issueTags').multiInstance).toEqual({
      isSequential: false,
      inputCollection: '=dogs',
      inputElement: 'dog',
      outputCollection: 'tags',
      outputElement: '=tag',
      completionCondition: '=numberOfCompletedInstances >= 1',
    });
    expect(node(process!, 'register').calledElement).toEqual({
      processId: 'resident-register-update',
      propagateAllChildVariables: false,
      propagateAllParentVariables: true,
    });
    expect(node(process!, 'fee').calledDecision).toEqual({
      decisionId: 'dog-fee',
      resultVariable: 'fee',
    });
    expect(node(process!, 'calcTax').script).toEqual({
      expression: '=fee * 1.081',
      resultVariable: 'feeWithTax',
    });
  });
});

describe('transformBpmn: small cases', () => {
  it.each([
    [
      'job worker business rule task',
      '<bpmn:businessRuleTask id="t"><bpmn:extensionElements><zeebe:taskDefinition type="rules" /></bpmn:extensionElements></bpmn:businessRuleTask>',
      { job: { type: 'rules', retries: '3', headers: {} } },
    ],
    [
      'job worker script task',
      '<bpmn:scriptTask id="t"><bpmn:extensionElements><zeebe:taskDefinition type="script" retries="1" /></bpmn:extensionElements></bpmn:scriptTask>',
      { job: { type: 'script', retries: '1', headers: {} } },
    ],
    [
      'user task with a linked form',
      '<bpmn:userTask id="t"><bpmn:extensionElements><zeebe:formDefinition formId="dog-form" /></bpmn:extensionElements></bpmn:userTask>',
      { userTask: { formId: 'dog-form' } },
    ],
    [
      'sequential multi-instance',
      '<bpmn:task id="t"><bpmn:multiInstanceLoopCharacteristics isSequential="true"><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:task>',
      { multiInstance: { isSequential: true, inputCollection: '=items' } },
    ],
  ])('%s', async (_name, element, expected) => {
    // given
    const xml = processXml(`${START}${element}${flow('f1', 'start', 't')}`);
    // when
    const result = await transformBpmn('p.bpmn', xml);
    // then
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.processes[0]?.elements.get('t')).toMatchObject(expected);
  });

  it('catches all errors with an error boundary event without error reference', async () => {
    const xml = processXml(
      `${START}${serviceTask('task')}<bpmn:boundaryEvent id="b" attachedToRef="task"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>${flow('f1', 'start', 'task')}`,
    );
    const result = await transformBpmn('p.bpmn', xml);
    expect(result.ok && result.processes[0]?.elements.get('b')?.error).toEqual({});
  });

  it('links a compensation boundary event to its handler', async () => {
    const xml = processXml(
      `${START}${serviceTask('book')}
      <bpmn:boundaryEvent id="undo" attachedToRef="book"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
      <bpmn:serviceTask id="cancelBooking" isForCompensation="true"><bpmn:extensionElements><zeebe:taskDefinition type="cancel" /></bpmn:extensionElements></bpmn:serviceTask>
      <bpmn:intermediateThrowEvent id="compensate"><bpmn:compensateEventDefinition activityRef="book" /></bpmn:intermediateThrowEvent>
      <bpmn:association id="a1" associationDirection="One" sourceRef="undo" targetRef="cancelBooking" />
      ${flow('f1', 'start', 'book')}${flow('f2', 'book', 'compensate')}`,
    );
    const result = await transformBpmn('p.bpmn', xml);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const elements = result.processes[0]!.elements;
    expect(elements.get('undo')).toMatchObject({
      eventType: 'COMPENSATION',
      compensationHandlerId: 'cancelBooking',
    });
    expect(elements.get('cancelBooking')?.isForCompensation).toBe(true);
    expect(elements.get('compensate')?.compensation).toEqual({
      activityId: 'book',
      waitForCompletion: true,
    });
  });

  it('ignores lanes, annotations, groups, documentation and extension elements of other namespaces', async () => {
    // given
    const xml = processXml(
      `<bpmn:extensionElements><foo:bar xmlns:foo="urn:foo" a="1"><foo:baz /></foo:bar><zeebe:properties><zeebe:property name="x" value="y" /></zeebe:properties></bpmn:extensionElements>
      <bpmn:laneSet id="ls"><bpmn:lane id="l1"><bpmn:flowNodeRef>start</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
      <bpmn:startEvent id="start"><bpmn:documentation>Antrag</bpmn:documentation></bpmn:startEvent>
      <bpmn:textAnnotation id="note"><bpmn:text>Hinweis</bpmn:text></bpmn:textAnnotation>
      <bpmn:association id="a1" sourceRef="start" targetRef="note" />
      <bpmn:group id="g1" />`,
    );
    // when
    const result = await transformBpmn('p.bpmn', xml);
    // then
    expect(result.ok ? [...result.processes[0]!.elements.keys()] : result.errors).toEqual([
      'p',
      'start',
    ]);
  });
});
