import { evaluateValue } from '../../feel';
import {
  type ModdleElement,
  attr,
  bodyOf,
  child,
  eventDefinitions,
  hasOwnAttr,
} from '../moddle/ModdleElement';
import {
  type ExpressionRules,
  isListOfCsv,
  readExpression,
  verifyExpression,
  verifyPath,
} from './expressions';
import type { ElementValidator } from './ValidationContext';
import { parseDate } from '../../time/iso8601';

/** Zeebe's runtime validators (ZeebeRuntimeValidators): every expression attribute must be valid. */
function expressions(
  type: string,
  rules: Record<string, ExpressionRules & { path?: boolean; onlyIfPresent?: boolean }>,
): ElementValidator {
  return {
    type,
    validate(element, context) {
      for (const [name, rule] of Object.entries(rules)) {
        if (rule.onlyIfPresent && !hasOwnAttr(element, name)) continue;
        const value = attr(element, name);
        context.errorAll(element, rule.path ? verifyPath(value) : verifyExpression(value, rule));
      }
    },
  };
}

const CSV = { test: isListOfCsv, description: "be a list of comma-separated values, e.g. 'a,b,c'" };
const DATE_TIME = {
  test: (value: string) => parseDate(value).ok,
  description: "be a valid DateTime String, e.g. '2023-03-02T15:35+02:00'",
};

const ConditionExpressionValidator: ElementValidator = {
  type: 'bpmn:SequenceFlow',
  validate(flow, context) {
    const condition = child(flow, 'conditionExpression');
    if (condition === undefined) return;
    context.errorAll(
      condition,
      verifyExpression(bodyOf(condition), { mandatory: true, nonStatic: true }),
    );
  },
};

const CompletionConditionValidator: ElementValidator = {
  type: 'bpmn:MultiInstanceLoopCharacteristics',
  validate(loop, context) {
    const condition = child(loop, 'completionCondition');
    if (condition !== undefined) context.errorAll(loop, verifyExpression(bodyOf(condition), {}));
  },
};

const RESERVED_HEADER_PREFIX = 'io.camunda.zeebe:';

const TaskHeadersValidator: ElementValidator = {
  type: 'zeebe:TaskHeaders',
  validate(headers, context) {
    const keys = (
      Array.isArray(headers['values']) ? (headers['values'] as ModdleElement[]) : []
    ).map((header) => attr(header, 'key'));
    for (const key of keys) {
      if (key?.startsWith(RESERVED_HEADER_PREFIX)) {
        context.error(
          headers,
          `Attribute 'key' contains '${key}', but header keys starting with '${RESERVED_HEADER_PREFIX}' are reserved for internal use.`,
        );
      }
    }
    const seen = new Set<string | undefined>();
    for (const key of keys) {
      if (seen.has(key))
        context.error(headers, `Headers contain duplicate entries for key '${key}'`);
      seen.add(key);
    }
  },
};

/**
 * Message and signal names of process start events are evaluated without variables at deploy
 * time; they must yield a string (ProcessMessageStartEventMessageNameValidator and its signal twin).
 */
const StartEventNameValidator: ElementValidator = {
  type: 'bpmn:StartEvent',
  validate(start, context) {
    if (start.$parent?.$type !== 'bpmn:Process') return;
    for (const definition of eventDefinitions(start)) {
      const [refProperty, noun] =
        definition.$type === 'bpmn:MessageEventDefinition'
          ? ['messageRef', 'message']
          : definition.$type === 'bpmn:SignalEventDefinition'
            ? ['signalRef', 'signal']
            : [undefined, undefined];
      if (refProperty === undefined) continue;
      const name = attr(child(definition, refProperty) ?? definition, 'name');
      if (name === undefined || readExpression(name).kind !== 'feel') continue;
      const result = evaluateValue(name, {});
      if (!result.ok) {
        context.error(
          start,
          `Expected constant expression but found '${name}', which could not be evaluated without context: ${result.message}`,
        );
      } else if (typeof result.value !== 'string') {
        context.error(
          start,
          `Expected constant expression of type String for ${noun} name '${name}', but was ${typeName(result.value)}`,
        );
      }
    }
  },
};

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return 'NUMBER';
  if (Array.isArray(value)) return 'ARRAY';
  return 'OBJECT';
}

/** Error and escalation codes are thrown as written or as FEEL ('=…'); FEEL must parse. */
const CodeExpressionValidator = (type: string, property: string): ElementValidator => ({
  type,
  validate(element, context) {
    context.errorAll(element, verifyExpression(attr(element, property), {}));
  },
});

export const ExpressionValidators: ElementValidator[] = [
  expressions('zeebe:Input', { source: { mandatory: true }, target: { path: true } }),
  expressions('zeebe:Output', {
    source: { mandatory: true, nonStatic: true },
    target: { path: true },
  }),
  expressions('bpmn:Message', { name: {} }),
  expressions('zeebe:Subscription', { correlationKey: { mandatory: true, nonStatic: true } }),
  expressions('zeebe:LoopCharacteristics', {
    inputCollection: { mandatory: true, nonStatic: true },
    outputElement: { nonStatic: true },
  }),
  ConditionExpressionValidator,
  expressions('zeebe:TaskDefinition', {
    type: { mandatory: true },
    retries: { mandatory: true, onlyIfPresent: true },
  }),
  expressions('zeebe:CalledElement', { processId: { mandatory: true } }),
  expressions('zeebe:AssignmentDefinition', {
    assignee: {},
    candidateGroups: { ifStatic: CSV },
    candidateUsers: { ifStatic: CSV },
  }),
  expressions('zeebe:TaskSchedule', {
    dueDate: { ifStatic: DATE_TIME },
    followUpDate: { ifStatic: DATE_TIME },
  }),
  expressions('zeebe:CalledDecision', { decisionId: { mandatory: true } }),
  TaskHeadersValidator,
  CompletionConditionValidator,
  expressions('zeebe:Script', { expression: { mandatory: true, nonStatic: true } }),
  expressions('bpmn:Signal', { name: {} }),
  StartEventNameValidator,
  CodeExpressionValidator('bpmn:Error', 'errorCode'),
  CodeExpressionValidator('bpmn:Escalation', 'escalationCode'),
  expressions('zeebe:ExecutionListener', {
    type: { mandatory: true },
    retries: { mandatory: true, onlyIfPresent: true },
  }),
];
