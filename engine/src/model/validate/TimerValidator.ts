import { evaluateDateTime, evaluateDuration, evaluateString } from '../../feel';
import { parseCycle } from '../../time/iso8601';
import { type ModdleElement, bodyOf, child, eventDefinitions } from '../moddle/ModdleElement';
import { readExpression, verifyExpression } from './expressions';
import type { ElementValidator } from './ValidationContext';

const KINDS = ['timeDuration', 'timeCycle', 'timeDate'] as const;

/** A timer has exactly one of timeDuration, timeDate, timeCycle, each a valid expression. */
export const TimerEventDefinitionValidator: ElementValidator = {
  type: 'bpmn:TimerEventDefinition',
  validate(timer, context) {
    const present = KINDS.filter((kind) => child(timer, kind) !== undefined);
    if (present.length !== 1) {
      context.error(
        timer,
        'Must be exactly one type of timer: timeDuration, timeDate or timeCycle',
      );
    }
    for (const kind of KINDS) {
      const expression = child(timer, kind);
      if (expression !== undefined)
        context.errorAll(timer, verifyExpression(bodyOf(expression), {}));
    }
  },
};

/**
 * Evaluates timers at deploy time as Zeebe's TimerCatchEventExpressionValidator does: static
 * values always, FEEL only on process-level timer start events (no variables exist there).
 */
export const TimerValueValidator: ElementValidator = {
  type: 'bpmn:CatchEvent',
  validate(event, context) {
    const processStart =
      event.$type === 'bpmn:StartEvent' && event.$parent?.$type === 'bpmn:Process';
    for (const timer of eventDefinitions(event)) {
      if (timer.$type !== 'bpmn:TimerEventDefinition') continue;
      const failure = evaluateTimer(timer, processStart);
      if (failure !== undefined) context.error(event, failure);
    }
  },
};

function evaluateTimer(timer: ModdleElement, evaluateFeel: boolean): string | undefined {
  const kind = KINDS.find((candidate) => child(timer, candidate) !== undefined);
  if (kind === undefined) return undefined;
  const raw = bodyOf(child(timer, kind)) ?? '';
  const expression = readExpression(raw);
  if (expression.kind === 'missing' || (expression.kind === 'feel' && !evaluateFeel))
    return undefined;

  switch (kind) {
    case 'timeDuration': {
      const result = evaluateDuration(raw, {});
      return result.ok ? undefined : `Invalid timer duration expression (${result.message})`;
    }
    case 'timeDate': {
      const result = evaluateDateTime(raw, {});
      return result.ok ? undefined : `Invalid timer date expression (${result.message})`;
    }
    case 'timeCycle': {
      const text = evaluateString(raw, {});
      if (!text.ok) return `Invalid timer cycle expression (${text.message})`;
      const cycle = parseCycle(text.value);
      return cycle.ok ? undefined : `Invalid timer cycle expression (${cycle.message})`;
    }
  }
}
