/**
 * One row per deployment validation rule: the model is rejected with an error that names the
 * element and uses Zeebe 8.6's wording (zeebe/bpmn-model …/validation/zeebe/*Validator.java and
 * zeebe/engine …/deployment/model/validation/*, see engine/src/model/README.md).
 */
import { describe, expect, it } from 'vitest';
import { type ModelError, transformBpmn } from '../../../engine/src/model';
import { START, definitions, flow, message, processXml, serviceTask } from './bpmn';

const UNSUPPORTED = (type: string) =>
  `Elements of type '${type}' are currently not supported. Please refer to the documentation for a list of supported elements: https://docs.camunda.io/docs/components/modeler/bpmn/bpmn-coverage/`;
const STATIC = (value: string) =>
  `Expected expression but found static value '${value}'. An expression must start with '=' (e.g. '=${value}').`;
const PARSE_FAILURE = (expression: string) =>
  expect.stringMatching(new RegExp(`^failed to parse expression '${escape(expression)}': .+`));
const TASK_DEFINITION = "Must have exactly one 'zeebe:taskDefinition' extension element";

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A process: start → `element` (id 't') and its flow, plus extra root elements. */
function withTask(element: string, rootElements = ''): string {
  return processXml(`${START}${element}${flow('f1', 'start', 't')}`, rootElements);
}

const catchMessage = (messageRef: string) =>
  `<bpmn:intermediateCatchEvent id="t"><bpmn:messageEventDefinition id="md" messageRef="${messageRef}" /></bpmn:intermediateCatchEvent>`;

const timerCatch = (timer: string) =>
  `<bpmn:intermediateCatchEvent id="t"><bpmn:timerEventDefinition id="td">${timer}</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`;

const expressionElement = (name: string, body: string) =>
  `<bpmn:${name} xsi:type="bpmn:tFormalExpression">${body}</bpmn:${name}>`;

const exclusiveSplit = (flows: string, gatewayAttributes = '') =>
  processXml(
    `${START}<bpmn:exclusiveGateway id="gw" ${gatewayAttributes} /><bpmn:endEvent id="a" /><bpmn:endEvent id="b" />${flow('f0', 'start', 'gw')}${flows}`,
  );

type Row = [rule: string, xml: string, expected: Partial<ModelError> & { message: unknown }];

const rows: Row[] = [
  // ── unsupported elements ──────────────────────────────────────────────────────────────
  [
    'complex gateway',
    processXml(`${START}<bpmn:complexGateway id="cg" />${flow('f1', 'start', 'cg')}`),
    { elementId: 'cg', message: UNSUPPORTED('ComplexGateway') },
  ],
  [
    'ad-hoc subprocess',
    processXml(
      `${START}<bpmn:adHocSubProcess id="adhoc"><bpmn:task id="inner" /></bpmn:adHocSubProcess>`,
    ),
    { elementId: 'adhoc', message: UNSUPPORTED('AdHocSubProcess') },
  ],
  [
    'transaction',
    processXml(
      `${START}<bpmn:transaction id="tx"><bpmn:startEvent id="txStart" /></bpmn:transaction>`,
    ),
    { elementId: 'tx', message: UNSUPPORTED('Transaction') },
  ],
  [
    'conditional event definition',
    withTask(
      `<bpmn:intermediateCatchEvent id="t"><bpmn:conditionalEventDefinition id="cond">${expressionElement('condition', '=x &gt; 1')}</bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>`,
    ),
    { elementId: 'cond', message: 'Event definition of this type is not supported' },
  ],
  [
    'conditional intermediate catch event',
    withTask(
      `<bpmn:intermediateCatchEvent id="t"><bpmn:conditionalEventDefinition id="cond">${expressionElement('condition', '=x &gt; 1')}</bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>`,
    ),
    { elementId: 't', message: 'Event definition must be one of: message, timer, signal, link' },
  ],
  [
    'conditional start event',
    processXml(
      `<bpmn:startEvent id="s"><bpmn:conditionalEventDefinition id="cond">${expressionElement('condition', '=x')}</bpmn:conditionalEventDefinition></bpmn:startEvent>`,
    ),
    { elementId: 'cond', message: 'Event definition of this type is not supported' },
  ],
  [
    'cancel end event',
    withTask('<bpmn:endEvent id="t"><bpmn:cancelEventDefinition id="cancel" /></bpmn:endEvent>'),
    {
      elementId: 't',
      message:
        'End events must be one of: none, error, message, terminate, signal, escalation or compensation',
    },
  ],
  [
    'compensation handler with an outgoing flow',
    processXml(
      `${START}<bpmn:serviceTask id="undo" isForCompensation="true"><bpmn:extensionElements><zeebe:taskDefinition type="undo" /></bpmn:extensionElements></bpmn:serviceTask><bpmn:endEvent id="e" />${flow('f1', 'undo', 'e')}`,
    ),
    { elementId: 'undo', message: 'A compensation handler should have no outgoing sequence flows' },
  ],

  // ── job workers ───────────────────────────────────────────────────────────────────────
  [
    'service task without task definition',
    withTask('<bpmn:serviceTask id="t" />'),
    { elementId: 't', message: TASK_DEFINITION },
  ],
  [
    'send task without task definition',
    withTask('<bpmn:sendTask id="t" />'),
    { elementId: 't', message: TASK_DEFINITION },
  ],
  [
    'message throw event without task definition',
    withTask(
      '<bpmn:intermediateThrowEvent id="t"><bpmn:messageEventDefinition /></bpmn:intermediateThrowEvent>',
    ),
    { elementId: 't', message: TASK_DEFINITION },
  ],
  [
    'message end event without task definition',
    withTask('<bpmn:endEvent id="t"><bpmn:messageEventDefinition /></bpmn:endEvent>'),
    { elementId: 't', message: TASK_DEFINITION },
  ],
  [
    'business rule task without decision or task definition',
    withTask('<bpmn:businessRuleTask id="t" />'),
    {
      elementId: 't',
      message:
        "Must have either one 'zeebe:calledDecision' or one 'zeebe:taskDefinition' extension element",
    },
  ],
  [
    'script task without script or task definition',
    withTask('<bpmn:scriptTask id="t" />'),
    {
      elementId: 't',
      message:
        "Must have either one 'zeebe:script' or one 'zeebe:taskDefinition' extension element",
    },
  ],
  [
    'call activity without called element',
    withTask('<bpmn:callActivity id="t" />'),
    { elementId: 't', message: "Must have exactly one 'zeebe:calledElement' extension element" },
  ],
  [
    'empty job type',
    withTask(serviceTask('t', '')),
    {
      elementId: 't',
      path: 't > extensionElements > taskDefinition',
      message: "Attribute 'type' must be present and not empty",
    },
  ],
  [
    'empty retries',
    withTask(
      '<bpmn:serviceTask id="t"><bpmn:extensionElements><zeebe:taskDefinition type="work" retries="" /></bpmn:extensionElements></bpmn:serviceTask>',
    ),
    {
      elementId: 't',
      path: 't > extensionElements > taskDefinition',
      message: "Attribute 'retries' must be present and not empty",
    },
  ],
  [
    'Camunda user task (zeebe:userTask)',
    withTask(
      '<bpmn:userTask id="t"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>',
    ),
    {
      elementId: 't',
      path: 't > extensionElements > userTask',
      message: expect.stringContaining('this engine runs user tasks as job workers'),
    },
  ],
  [
    'multi-instance without zeebe:loopCharacteristics',
    withTask('<bpmn:task id="t"><bpmn:multiInstanceLoopCharacteristics /></bpmn:task>'),
    {
      elementId: 't',
      path: 't > multiInstanceLoopCharacteristics',
      message: "Must have exactly one 'zeebe:loopCharacteristics' extension element",
    },
  ],
  [
    'multi-instance without input collection',
    withTask(
      '<bpmn:task id="t"><bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputElement="x" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:task>',
    ),
    {
      elementId: 't',
      path: 't > multiInstanceLoopCharacteristics > extensionElements > loopCharacteristics',
      message: "Attribute 'inputCollection' must be present and not empty",
    },
  ],
  [
    'multi-instance output collection without output element',
    withTask(
      '<bpmn:task id="t"><bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=xs" outputCollection="ys" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:task>',
    ),
    {
      elementId: 't',
      message:
        "Attribute 'outputElement' must be present if the attribute 'outputCollection' is set",
    },
  ],
  [
    'two io mappings',
    withTask(serviceTask('t', 'work', '<zeebe:ioMapping /><zeebe:ioMapping />')),
    {
      elementId: 't',
      message:
        "Must have exactly one 'zeebe:ioMapping' extension element when exists. Please check process definition XML and retain only one extension element.",
    },
  ],
  [
    'form key and form id together',
    withTask(
      '<bpmn:userTask id="t"><bpmn:extensionElements><zeebe:formDefinition formKey="k" formId="f" /></bpmn:extensionElements></bpmn:userTask>',
    ),
    {
      elementId: 't',
      path: 't > extensionElements > formDefinition',
      message: "Exactly one of the attributes 'formId, formKey' must be present and not blank",
    },
  ],
  [
    'empty embedded form',
    definitions(
      '<bpmn:process id="p" isExecutable="true"><bpmn:extensionElements><zeebe:userTaskForm id="form1" /></bpmn:extensionElements><bpmn:startEvent id="s" /></bpmn:process>',
    ),
    {
      elementId: 'p',
      path: 'p > extensionElements > userTaskForm',
      message: 'User task form text content has to be present and not empty',
    },
  ],
  [
    'reserved task header key',
    withTask(
      serviceTask(
        't',
        'work',
        '<zeebe:taskHeaders><zeebe:header key="io.camunda.zeebe:assignee" value="x" /></zeebe:taskHeaders>',
      ),
    ),
    {
      elementId: 't',
      path: 't > extensionElements > taskHeaders',
      message:
        "Attribute 'key' contains 'io.camunda.zeebe:assignee', but header keys starting with 'io.camunda.zeebe:' are reserved for internal use.",
    },
  ],
  [
    'duplicate task header key',
    withTask(
      serviceTask(
        't',
        'work',
        '<zeebe:taskHeaders><zeebe:header key="k" value="1" /><zeebe:header key="k" value="2" /></zeebe:taskHeaders>',
      ),
    ),
    { elementId: 't', message: "Headers contain duplicate entries for key 'k'" },
  ],

  // ── FEEL and static expressions ─────────────────────────────────────────────────────
  [
    'invalid condition',
    exclusiveSplit(`${flow('f1', 'gw', 'a', '=a &amp; b')}${flow('f2', 'gw', 'b', '=true')}`),
    { elementId: 'f1', path: 'f1 > conditionExpression', message: PARSE_FAILURE('a & b') },
  ],
  [
    'static condition',
    exclusiveSplit(`${flow('f1', 'gw', 'a', 'x')}${flow('f2', 'gw', 'b', '=true')}`),
    { elementId: 'f1', path: 'f1 > conditionExpression', message: STATIC('x') },
  ],
  [
    'invalid input mapping',
    withTask(
      serviceTask(
        't',
        'work',
        '<zeebe:ioMapping><zeebe:input source="=a +" target="b" /></zeebe:ioMapping>',
      ),
    ),
    {
      elementId: 't',
      path: 't > extensionElements > ioMapping > input',
      message: PARSE_FAILURE('a +'),
    },
  ],
  [
    'input mapping without source',
    withTask(
      serviceTask(
        't',
        'work',
        '<zeebe:ioMapping><zeebe:input source="" target="b" /></zeebe:ioMapping>',
      ),
    ),
    { elementId: 't', message: 'Expected expression but not found.' },
  ],
  [
    'invalid mapping target',
    withTask(
      serviceTask(
        't',
        'work',
        '<zeebe:ioMapping><zeebe:input source="=a" target="a ? b" /></zeebe:ioMapping>',
      ),
    ),
    {
      elementId: 't',
      message:
        "Expected path expression 'a ? b' but doesn't match the pattern '[a-zA-Z_][a-zA-Z0-9_]*(\\.[a-zA-Z_][a-zA-Z0-9_]*)*'.",
    },
  ],
  [
    'reserved word as mapping target',
    withTask(
      serviceTask(
        't',
        'work',
        '<zeebe:ioMapping><zeebe:output source="=a" target="null" /></zeebe:ioMapping>',
      ),
    ),
    {
      elementId: 't',
      path: 't > extensionElements > ioMapping > output',
      message:
        "Expected path expression 'null' but is one of the reserved words (null, true, false, function, if, then, else, for, between, instance, of).",
    },
  ],
  [
    'static output mapping',
    withTask(
      serviceTask(
        't',
        'work',
        '<zeebe:ioMapping><zeebe:output source="x" target="y" /></zeebe:ioMapping>',
      ),
    ),
    { elementId: 't', path: 't > extensionElements > ioMapping > output', message: STATIC('x') },
  ],
  [
    'invalid job type',
    withTask(serviceTask('t', '=a &amp;')),
    {
      elementId: 't',
      path: 't > extensionElements > taskDefinition',
      message: PARSE_FAILURE('a &'),
    },
  ],
  [
    'invalid retries',
    withTask(
      '<bpmn:serviceTask id="t"><bpmn:extensionElements><zeebe:taskDefinition type="w" retries="=(" /></bpmn:extensionElements></bpmn:serviceTask>',
    ),
    { elementId: 't', message: PARSE_FAILURE('(') },
  ],
  [
    'static correlation key',
    withTask(catchMessage('m'), message('m', 'paid', 'orderId')),
    { elementId: 'm', path: 'm > extensionElements > subscription', message: STATIC('orderId') },
  ],
  [
    'invalid correlation key',
    withTask(catchMessage('m'), message('m', 'paid', '=a &amp; b')),
    { elementId: 'm', message: PARSE_FAILURE('a & b') },
  ],
  [
    'invalid message name',
    withTask(catchMessage('m'), message('m', '=a +', '=id')),
    { elementId: 'm', message: PARSE_FAILURE('a +') },
  ],
  [
    'invalid assignee',
    withTask(
      '<bpmn:userTask id="t"><bpmn:extensionElements><zeebe:assignmentDefinition assignee="=a &amp; b" /></bpmn:extensionElements></bpmn:userTask>',
    ),
    {
      elementId: 't',
      path: 't > extensionElements > assignmentDefinition',
      message: PARSE_FAILURE('a & b'),
    },
  ],
  [
    'invalid static candidate groups',
    withTask(
      '<bpmn:userTask id="t"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="1,," /></bpmn:extensionElements></bpmn:userTask>',
    ),
    {
      elementId: 't',
      message:
        "Expected static value to be a list of comma-separated values, e.g. 'a,b,c', but found '1,,'.",
    },
  ],
  [
    'invalid static due date',
    withTask(
      '<bpmn:userTask id="t"><bpmn:extensionElements><zeebe:taskSchedule dueDate="12345" /></bpmn:extensionElements></bpmn:userTask>',
    ),
    {
      elementId: 't',
      path: 't > extensionElements > taskSchedule',
      message:
        "Expected static value to be a valid DateTime String, e.g. '2023-03-02T15:35+02:00', but found '12345'.",
    },
  ],
  [
    'invalid FEEL follow-up date',
    withTask(
      '<bpmn:userTask id="t"><bpmn:extensionElements><zeebe:taskSchedule followUpDate="=now() +" /></bpmn:extensionElements></bpmn:userTask>',
    ),
    { elementId: 't', message: PARSE_FAILURE('now() +') },
  ],
  [
    'invalid timer expression',
    withTask(timerCatch(expressionElement('timeDuration', '=duration('))),
    { elementId: 'td', message: PARSE_FAILURE('duration(') },
  ],
  [
    'static input collection',
    withTask(
      '<bpmn:task id="t"><bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="items" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:task>',
    ),
    {
      elementId: 't',
      path: 't > multiInstanceLoopCharacteristics > extensionElements > loopCharacteristics',
      message: STATIC('items'),
    },
  ],
  [
    'invalid completion condition',
    withTask(
      `<bpmn:task id="t"><bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=xs" /></bpmn:extensionElements>${expressionElement('completionCondition', '=a &amp; b')}</bpmn:multiInstanceLoopCharacteristics></bpmn:task>`,
    ),
    {
      elementId: 't',
      path: 't > multiInstanceLoopCharacteristics',
      message: PARSE_FAILURE('a & b'),
    },
  ],
  [
    'static script expression',
    withTask(
      '<bpmn:scriptTask id="t"><bpmn:extensionElements><zeebe:script expression="1 + 1" resultVariable="r" /></bpmn:extensionElements></bpmn:scriptTask>',
    ),
    { elementId: 't', path: 't > extensionElements > script', message: STATIC('1 + 1') },
  ],
  [
    'invalid called process id',
    withTask(
      '<bpmn:callActivity id="t"><bpmn:extensionElements><zeebe:calledElement processId="=a &amp;" /></bpmn:extensionElements></bpmn:callActivity>',
    ),
    {
      elementId: 't',
      path: 't > extensionElements > calledElement',
      message: PARSE_FAILURE('a &'),
    },
  ],
  [
    'invalid decision id',
    withTask(
      '<bpmn:businessRuleTask id="t"><bpmn:extensionElements><zeebe:calledDecision decisionId="=(" resultVariable="r" /></bpmn:extensionElements></bpmn:businessRuleTask>',
    ),
    { elementId: 't', message: PARSE_FAILURE('(') },
  ],
  [
    'invalid error code expression',
    withTask(
      '<bpmn:endEvent id="t"><bpmn:errorEventDefinition errorRef="err" /></bpmn:endEvent>',
      '<bpmn:error id="err" errorCode="=a &amp;" />',
    ),
    { elementId: 'err', message: PARSE_FAILURE('a &') },
  ],
  [
    'invalid signal name expression',
    withTask(
      '<bpmn:endEvent id="t"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:endEvent>',
      '<bpmn:signal id="sig" name="=a +" />',
    ),
    { elementId: 'sig', message: PARSE_FAILURE('a +') },
  ],
  [
    'message start name that needs variables',
    processXml(
      '<bpmn:startEvent id="s"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent>',
      message('m', '=variableReference'),
    ),
    {
      elementId: 's',
      message:
        "Expected constant expression of type String for message name '=variableReference', but was NULL",
    },
  ],

  // ── messages ──────────────────────────────────────────────────────────────────────────
  [
    'message catch event without message reference',
    withTask(
      '<bpmn:intermediateCatchEvent id="t"><bpmn:messageEventDefinition id="md" /></bpmn:intermediateCatchEvent>',
    ),
    { elementId: 'md', message: 'Must reference a message' },
  ],
  [
    'message catch event with an unnamed message',
    withTask(
      catchMessage('m'),
      '<bpmn:message id="m"><bpmn:extensionElements><zeebe:subscription correlationKey="=id" /></bpmn:extensionElements></bpmn:message>',
    ),
    { elementId: 'm', message: 'Name must be present and not empty' },
  ],
  [
    'message catch event without correlation key',
    withTask(catchMessage('m'), message('m', 'paid')),
    { elementId: 'm', message: 'Must have exactly one zeebe:subscription extension element' },
  ],
  [
    'empty correlation key',
    withTask(catchMessage('m'), message('m', 'paid', '')),
    {
      elementId: 'm',
      path: 'm > extensionElements > subscription',
      message: "Attribute 'correlationKey' must be present and not empty",
    },
  ],
  [
    'receive task without message reference',
    withTask('<bpmn:receiveTask id="t" />'),
    { elementId: 't', message: 'Must reference a message' },
  ],
  [
    'receive task without correlation key',
    withTask('<bpmn:receiveTask id="t" messageRef="m" />', message('m', 'paid')),
    { elementId: 'm', message: 'Must have exactly one zeebe:subscription extension element' },
  ],
  [
    'message boundary event without correlation key',
    withTask(
      `${serviceTask('t')}<bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:messageEventDefinition messageRef="m" /></bpmn:boundaryEvent>`,
      message('m', 'cancel'),
    ),
    { elementId: 'm', message: 'Must have exactly one zeebe:subscription extension element' },
  ],
  [
    'message event subprocess without correlation key',
    processXml(
      `${START}<bpmn:subProcess id="esp" triggeredByEvent="true"><bpmn:startEvent id="es"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent></bpmn:subProcess>`,
      message('m', 'cancel'),
    ),
    { elementId: 'm', message: 'Must have exactly one zeebe:subscription extension element' },
  ],
  [
    'message start event with an unnamed message',
    processXml(
      '<bpmn:startEvent id="s"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent>',
      '<bpmn:message id="m" />',
    ),
    { elementId: 'm', message: 'Name must be present and not empty' },
  ],
  [
    'one message for two start events',
    processXml(
      '<bpmn:startEvent id="s1"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent><bpmn:startEvent id="s2"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent>',
      message('m', 'go'),
    ),
    { elementId: 'm', message: 'A message cannot be referred by more than one start event' },
  ],
  [
    'receive task and boundary event waiting for the same message name',
    withTask(
      `<bpmn:receiveTask id="t" messageRef="m" /><bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:messageEventDefinition messageRef="m2" /></bpmn:boundaryEvent>`,
      `${message('m', 'paid', '=id')}${message('m2', 'paid', '=id')}`,
    ),
    { elementId: 't', message: 'Cannot reference the same message name as a boundary event' },
  ],

  // ── timers ────────────────────────────────────────────────────────────────────────────
  [
    'invalid static duration',
    withTask(timerCatch(expressionElement('timeDuration', 'PT1X'))),
    {
      elementId: 't',
      message:
        "Invalid timer duration expression (Invalid duration format 'PT1X' for expression 'PT1X'.)",
    },
  ],
  [
    'invalid static date',
    withTask(timerCatch(expressionElement('timeDate', 'tomorrow'))),
    {
      elementId: 't',
      message:
        "Invalid timer date expression (Invalid date-time format 'tomorrow' for expression 'tomorrow'.)",
    },
  ],
  [
    'invalid static cycle',
    processXml(
      `<bpmn:startEvent id="s"><bpmn:timerEventDefinition>${expressionElement('timeCycle', 'R5/PT')}</bpmn:timerEventDefinition></bpmn:startEvent>`,
    ),
    { elementId: 's', message: expect.stringMatching(/^Invalid timer cycle expression \(.+\)$/) },
  ],
  [
    'timer start event whose FEEL needs variables',
    processXml(
      `<bpmn:startEvent id="start-event-1"><bpmn:timerEventDefinition>${expressionElement('timeCycle', '=INVALID_CYCLE_EXPRESSION')}</bpmn:timerEventDefinition></bpmn:startEvent>`,
    ),
    {
      elementId: 'start-event-1',
      message:
        "Invalid timer cycle expression (Expected result of the expression 'INVALID_CYCLE_EXPRESSION' to be 'STRING', but was 'NULL'. " +
        "The evaluation reported the following warnings:\n[NO_VARIABLE_FOUND] No variable found with name 'INVALID_CYCLE_EXPRESSION')",
    },
  ],
  [
    'timer with two kinds',
    withTask(
      timerCatch(
        `${expressionElement('timeDuration', 'PT1H')}${expressionElement('timeDate', '2030-01-01T00:00:00Z')}`,
      ),
    ),
    {
      elementId: 'td',
      message: 'Must be exactly one type of timer: timeDuration, timeDate or timeCycle',
    },
  ],
  [
    'intermediate timer with a cycle',
    withTask(timerCatch(expressionElement('timeCycle', 'R/PT1H'))),
    {
      elementId: 't',
      message: 'Intermediate timer catch event must have either a time duration or a time date.',
    },
  ],
  [
    'interrupting timer boundary with a cycle',
    withTask(
      `${serviceTask('t')}<bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:timerEventDefinition>${expressionElement('timeCycle', 'R/PT1H')}</bpmn:timerEventDefinition></bpmn:boundaryEvent>`,
    ),
    { elementId: 'b', message: 'Interrupting timer event with time cycle is not allowed.' },
  ],

  // ── processes, start events, subprocesses ─────────────────────────────────────────────
  [
    'process without start event',
    processXml('<bpmn:task id="t" />'),
    { elementId: 'p', message: 'Must have at least one start event' },
  ],
  [
    'two none start events',
    processXml('<bpmn:startEvent id="s1" /><bpmn:startEvent id="s2" />'),
    { elementId: 'p', message: 'Multiple none start events are not allowed' },
  ],
  [
    'no executable process',
    definitions(
      '<bpmn:process id="p" isExecutable="false"><bpmn:startEvent id="s" /></bpmn:process>',
    ),
    { elementId: 'definitions', message: 'Must contain at least one executable process' },
  ],
  [
    'start event with two definitions',
    processXml(
      `<bpmn:startEvent id="s"><bpmn:timerEventDefinition>${expressionElement('timeCycle', 'R/PT1H')}</bpmn:timerEventDefinition><bpmn:signalEventDefinition signalRef="sig" /></bpmn:startEvent>`,
      '<bpmn:signal id="sig" name="go" />',
    ),
    { elementId: 's', message: "Start event can't have more than one type" },
  ],
  [
    'subprocess without start event',
    withTask('<bpmn:subProcess id="t"><bpmn:task id="inner" /></bpmn:subProcess>'),
    { elementId: 't', message: 'Must have exactly one start event' },
  ],
  [
    'subprocess with a timer start event',
    withTask(
      `<bpmn:subProcess id="t"><bpmn:startEvent id="ts"><bpmn:timerEventDefinition>${expressionElement('timeDuration', 'PT1H')}</bpmn:timerEventDefinition></bpmn:startEvent></bpmn:subProcess>`,
    ),
    { elementId: 't', message: 'Start events in subprocesses must be of type none' },
  ],
  [
    'event subprocess with a none start event',
    processXml(
      `${START}<bpmn:subProcess id="esp" triggeredByEvent="true"><bpmn:startEvent id="es" /></bpmn:subProcess>`,
    ),
    {
      elementId: 'esp',
      message:
        'Start events in event subprocesses must be one of: message, timer, error, signal or escalation',
    },
  ],
  [
    'non-interrupting error event subprocess',
    processXml(
      `${START}<bpmn:subProcess id="esp" triggeredByEvent="true"><bpmn:startEvent id="es" isInterrupting="false"><bpmn:errorEventDefinition /></bpmn:startEvent></bpmn:subProcess>`,
    ),
    { elementId: 'esp', message: 'Non-Interrupting event of this type is not allowed' },
  ],

  // ── gateways and sequence flows ───────────────────────────────────────────────────────
  [
    'exclusive gateway flow without condition',
    exclusiveSplit(`${flow('f1', 'gw', 'a')}${flow('f2', 'gw', 'b', '=x')}`),
    { elementId: 'f1', message: 'Must have a condition or be default flow' },
  ],
  [
    'inclusive gateway flow without condition',
    processXml(
      `${START}<bpmn:inclusiveGateway id="gw" /><bpmn:endEvent id="a" /><bpmn:endEvent id="b" />${flow('f0', 'start', 'gw')}${flow('f1', 'gw', 'a')}${flow('f2', 'gw', 'b', '=x')}`,
    ),
    { elementId: 'f1', message: 'Must have a condition' },
  ],
  [
    'parallel gateway with a conditional flow',
    processXml(
      `${START}<bpmn:parallelGateway id="gw" /><bpmn:endEvent id="a" /><bpmn:endEvent id="b" />${flow('f0', 'start', 'gw')}${flow('f1', 'gw', 'a', '=x')}${flow('f2', 'gw', 'b')}`,
    ),
    {
      elementId: 'gw',
      message: 'Conditional sequence flows are only supported at exclusive or inclusive gateway',
    },
  ],
  [
    'task with a conditional flow',
    processXml(
      `${START}${serviceTask('t')}<bpmn:endEvent id="e" />${flow('f0', 'start', 't')}${flow('f1', 't', 'e', '=x')}`,
    ),
    {
      elementId: 't',
      message: 'Conditional sequence flows are only supported at exclusive or inclusive gateway',
    },
  ],
  [
    'default flow that does not start at the gateway',
    exclusiveSplit(`${flow('f1', 'gw', 'a', '=x')}${flow('f2', 'start', 'b')}`, 'default="f2"'),
    { elementId: 'gw', message: 'Default flow must start at gateway' },
  ],
  [
    'event-based gateway with one target',
    processXml(
      `${START}<bpmn:eventBasedGateway id="gw" />${timerCatch(expressionElement('timeDuration', 'PT1H')).replace('id="t"', 'id="c1"')}${flow('f0', 'start', 'gw')}${flow('f1', 'gw', 'c1')}`,
    ),
    {
      elementId: 'gw',
      message: 'Event-based gateway must have at least 2 outgoing sequence flows.',
    },
  ],
  [
    'event-based gateway followed by a task',
    processXml(
      `${START}<bpmn:eventBasedGateway id="gw" />${timerCatch(expressionElement('timeDuration', 'PT1H')).replace('id="t"', 'id="c1"')}${serviceTask('task')}${flow('f0', 'start', 'gw')}${flow('f1', 'gw', 'c1')}${flow('f2', 'gw', 'task')}`,
    ),
    {
      elementId: 'gw',
      message:
        'Event-based gateway must not have an outgoing sequence flow to other elements than message/timer/signal intermediate catch events.',
    },
  ],
  [
    'event-based gateway waiting twice for one message name',
    processXml(
      `${START}<bpmn:eventBasedGateway id="gw" />${catchMessage('m1').replace('id="t"', 'id="c1"').replace('id="md"', 'id="md1"')}${catchMessage('m2').replace('id="t"', 'id="c2"').replace('id="md"', 'id="md2"')}${flow('f0', 'start', 'gw')}${flow('f1', 'gw', 'c1')}${flow('f2', 'gw', 'c2')}`,
      `${message('m1', 'paid', '=id')}${message('m2', 'paid', '=id')}`,
    ),
    {
      elementId: 'gw',
      message: "Multiple message event definitions with the same name 'paid' are not allowed.",
    },
  ],

  // ── boundary, end and intermediate events ─────────────────────────────────────────────
  [
    'boundary event with an incoming flow',
    withTask(
      `${serviceTask('t')}<bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:timerEventDefinition>${expressionElement('timeDuration', 'PT1H')}</bpmn:timerEventDefinition></bpmn:boundaryEvent>${flow('f2', 'start', 'b')}`,
    ),
    { elementId: 'b', message: 'Cannot have incoming sequence flows' },
  ],
  [
    'boundary event without definition',
    withTask(`${serviceTask('t')}<bpmn:boundaryEvent id="b" attachedToRef="t" />`),
    { elementId: 'b', message: 'Must have exactly one event definition' },
  ],
  [
    'boundary event attached to nothing',
    withTask(
      `${serviceTask('t')}<bpmn:boundaryEvent id="b" attachedToRef="nothing"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>`,
    ),
    { elementId: 'b', message: 'Must be attached to an activity' },
  ],
  [
    'non-interrupting error boundary event',
    withTask(
      `${serviceTask('t')}<bpmn:boundaryEvent id="b" attachedToRef="t" cancelActivity="false"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>`,
    ),
    { elementId: 'b', message: 'Non-Interrupting event of this type is not allowed' },
  ],
  [
    'escalation boundary event on a task',
    withTask(
      `${serviceTask('t')}<bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:escalationEventDefinition /></bpmn:boundaryEvent>`,
    ),
    {
      elementId: 'b',
      message:
        'An escalation boundary event should only be attached to a subprocess, or a call activity.',
    },
  ],
  [
    'two boundary events for one message name',
    withTask(
      `${serviceTask('t')}<bpmn:boundaryEvent id="b1" attachedToRef="t"><bpmn:messageEventDefinition messageRef="m1" /></bpmn:boundaryEvent><bpmn:boundaryEvent id="b2" attachedToRef="t"><bpmn:messageEventDefinition messageRef="m2" /></bpmn:boundaryEvent>`,
      `${message('m1', 'cancel', '=id')}${message('m2', 'cancel', '=orderId')}`,
    ),
    {
      elementId: 't',
      message: "Multiple message event definitions with the same name 'cancel' are not allowed.",
    },
  ],
  [
    'two error boundary events for one error code',
    withTask(
      `${serviceTask('t')}<bpmn:boundaryEvent id="b1" attachedToRef="t"><bpmn:errorEventDefinition errorRef="e1" /></bpmn:boundaryEvent><bpmn:boundaryEvent id="b2" attachedToRef="t"><bpmn:errorEventDefinition errorRef="e2" /></bpmn:boundaryEvent>`,
      '<bpmn:error id="e1" errorCode="E" /><bpmn:error id="e2" errorCode="E" />',
    ),
    {
      elementId: 't',
      message:
        "Multiple error catch events with the same error code 'E' are not supported on the same scope.",
    },
  ],
  [
    'end event with an outgoing flow',
    processXml(
      `${START}<bpmn:endEvent id="e" /><bpmn:endEvent id="e2" />${flow('f0', 'start', 'e')}${flow('f1', 'e', 'e2')}`,
    ),
    {
      elementId: 'e',
      message: 'End events must not have outgoing sequence flows to other elements.',
    },
  ],
  [
    'error end event without error',
    withTask('<bpmn:endEvent id="t"><bpmn:errorEventDefinition id="ed" /></bpmn:endEvent>'),
    { elementId: 'ed', message: 'Must reference an error' },
  ],
  [
    'error end event without error code',
    withTask(
      '<bpmn:endEvent id="t"><bpmn:errorEventDefinition id="ed" errorRef="err" /></bpmn:endEvent>',
      '<bpmn:error id="err" />',
    ),
    { elementId: 'ed', message: 'ErrorCode must be present and not empty' },
  ],
  [
    'error catch event with an expression as code',
    withTask(
      `${serviceTask('t')}<bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:errorEventDefinition id="ed" errorRef="err" /></bpmn:boundaryEvent>`,
      '<bpmn:error id="err" errorCode="=code" />',
    ),
    {
      elementId: 'ed',
      message: 'The errorCode of the error catch event is not allowed to be an expression',
    },
  ],
  [
    'escalation throw event without escalation',
    withTask(
      '<bpmn:intermediateThrowEvent id="t"><bpmn:escalationEventDefinition id="ed" /></bpmn:intermediateThrowEvent>',
    ),
    { elementId: 'ed', message: 'Must reference an escalation' },
  ],
  [
    'escalation thrown without code',
    withTask(
      '<bpmn:endEvent id="t"><bpmn:escalationEventDefinition escalationRef="esc" /></bpmn:endEvent>',
      '<bpmn:escalation id="esc" />',
    ),
    { elementId: 'esc', message: 'EscalationCode must be present and not empty' },
  ],
  [
    'signal event without signal',
    withTask(
      '<bpmn:intermediateThrowEvent id="t"><bpmn:signalEventDefinition id="sd" /></bpmn:intermediateThrowEvent>',
    ),
    { elementId: 'sd', message: 'Must reference a signal' },
  ],
  [
    'unnamed signal',
    withTask(
      '<bpmn:intermediateThrowEvent id="t"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:intermediateThrowEvent>',
      '<bpmn:signal id="sig" />',
    ),
    { elementId: 'sig', message: 'Name must be present and not empty' },
  ],
  [
    'link throw event without catch event',
    withTask(
      '<bpmn:intermediateThrowEvent id="t"><bpmn:linkEventDefinition name="jump" /></bpmn:intermediateThrowEvent>',
    ),
    {
      elementId: 'p',
      message: "Can't find an catch link event for the throw link event with the name 'jump'.",
    },
  ],
  [
    'unnamed link',
    withTask(
      '<bpmn:intermediateThrowEvent id="t"><bpmn:linkEventDefinition id="ld" /></bpmn:intermediateThrowEvent>',
    ),
    { elementId: 'ld', message: 'Link name must be present and not empty.' },
  ],
  [
    'intermediate catch event without definition',
    withTask('<bpmn:intermediateCatchEvent id="t" />'),
    { elementId: 't', message: 'Must have exactly one event definition' },
  ],
];

describe('deployment validation (Zeebe 8.6 rules)', () => {
  it.each(rows)('rejects: %s', async (_rule, xml, expected) => {
    // when
    const result = await transformBpmn('process.bpmn', xml);
    // then
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual(expect.objectContaining(expected));
  });
});

const accepted: [rule: string, xml: string][] = [
  [
    'boundary event without outgoing flow (Zeebe ends that path)',
    withTask(
      `${serviceTask('t')}<bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:timerEventDefinition>${expressionElement('timeDuration', 'PT1H')}</bpmn:timerEventDefinition></bpmn:boundaryEvent>`,
    ),
  ],
  [
    'default flow with a condition (Zeebe ignores the condition)',
    exclusiveSplit(`${flow('f1', 'gw', 'a', '=x')}${flow('f2', 'gw', 'b', '=y')}`, 'default="f2"'),
  ],
  [
    'message start event without correlation key',
    processXml(
      '<bpmn:startEvent id="s"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent>',
      message('m', 'go'),
    ),
  ],
  ['exclusive gateway with one unconditional flow', exclusiveSplit(flow('f1', 'gw', 'a'))],
  [
    'joining inclusive gateway',
    processXml(
      `${START}<bpmn:inclusiveGateway id="fork" /><bpmn:task id="a" /><bpmn:task id="b" /><bpmn:inclusiveGateway id="join" />${flow('f0', 'start', 'fork')}${flow('f1', 'fork', 'a', '=x')}${flow('f2', 'fork', 'b', '=y')}${flow('f3', 'a', 'join')}${flow('f4', 'b', 'join')}`,
    ),
  ],
  [
    'unsupported elements in a non-executable pool',
    definitions(
      `<bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="s" /></bpmn:process><bpmn:process id="doc" isExecutable="false"><bpmn:complexGateway id="cg" /><bpmn:serviceTask id="noJob" /></bpmn:process>`,
    ),
  ],
  [
    'data objects',
    processXml(
      `${START}<bpmn:dataObjectReference id="ref" dataObjectRef="obj" /><bpmn:dataObject id="obj" /><bpmn:dataStoreReference id="store" />`,
    ),
  ],
  [
    'static job type and FEEL retries',
    withTask(
      '<bpmn:serviceTask id="t"><bpmn:extensionElements><zeebe:taskDefinition type="=&#34;work-&#34; + kind" retries="=3" /></bpmn:extensionElements></bpmn:serviceTask>',
    ),
  ],
  [
    'timer start event with a constant FEEL cycle',
    processXml(
      `<bpmn:startEvent id="s"><bpmn:timerEventDefinition>${expressionElement('timeCycle', '=&#34;R/PT1H&#34;')}</bpmn:timerEventDefinition></bpmn:startEvent>`,
    ),
  ],
];

describe('deployment validation: what Zeebe accepts', () => {
  it.each(accepted)('accepts: %s', async (_rule, xml) => {
    const result = await transformBpmn('process.bpmn', xml);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});

describe('deployment validation collects every error of a resource', () => {
  it('reports all problems at once, grouped by element in document order', async () => {
    // given a process with four independent problems
    const xml = processXml(
      `${START}<bpmn:serviceTask id="task" /><bpmn:complexGateway id="cg" />${exclusiveSplitBody()}${flow('f0', 'start', 'task')}`,
    );
    // when
    const result = await transformBpmn('process.bpmn', xml);
    // then
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { elementId: 'task', message: TASK_DEFINITION },
      { elementId: 'cg', message: UNSUPPORTED('ComplexGateway') },
      { elementId: 'f1', message: 'Must have a condition or be default flow' },
      { elementId: 'f2', message: 'Must have a condition or be default flow' },
    ]);
  });
});

function exclusiveSplitBody(): string {
  return `<bpmn:exclusiveGateway id="gw" /><bpmn:endEvent id="a" /><bpmn:endEvent id="b" />${flow('f1', 'gw', 'a')}${flow('f2', 'gw', 'b')}`;
}
