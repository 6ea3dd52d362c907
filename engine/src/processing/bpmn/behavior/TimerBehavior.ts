/**
 * When a timer fires: evaluates a timer definition (static ISO 8601 or FEEL) to its first due
 * date and repetitions, and computes the next occurrence of a cycle.
 */
import { evaluateDuration, evaluateString, isExpression } from '../../../feel';
import type { TimerDefinition } from '../../../model/types';
import { firstFire, nextCycleFire, parseTimer, type TimerSpec } from '../../../time/iso8601';
import { left, right, type Either } from '../../Either';
import type { ExpressionBehavior } from './ExpressionBehavior';

export interface EvaluatedTimer {
  spec: TimerSpec;
  dueDate: number;
  /** 1 for a one-off timer, the cycle's repetitions otherwise (-1 = infinite). */
  repetitions: number;
}

export class TimerBehavior {
  constructor(private readonly expressions: ExpressionBehavior) {}

  evaluate(timer: TimerDefinition, scopeKey: string, now: number): Either<EvaluatedTimer> {
    const text = this.timerText(timer, scopeKey);
    if (!text.ok) return text;
    const parsed = parseTimer(timer.kind, text.value);
    if (!parsed.ok) return left(parsed.message, 'EXTRACT_VALUE_ERROR', scopeKey);
    const due = firstFire(parsed.spec, new Date(now));
    if (!due)
      return left(
        `Expected a timer '${text.value}' to fire, but it never does`,
        'EXTRACT_VALUE_ERROR',
        scopeKey,
      );
    const repetitions = parsed.spec.kind === 'cycle' ? parsed.spec.repetitions : 1;
    return right({ spec: parsed.spec, dueDate: due.getTime(), repetitions });
  }

  /**
   * The next due date of a cycle after it fired at `lastDue`, re-anchored to now if overdue (an
   * interval cycle goes on from now, a cron cycle at its next match after now): a timer that
   * fell due while the engine was down fires once, not once per missed occurrence.
   */
  next(spec: TimerSpec, lastDue: number, now: number): number | undefined {
    let next = nextCycleFire(spec, new Date(lastDue));
    if (next && next.getTime() <= now && spec.kind === 'cycle') {
      next = nextCycleFire(spec, new Date(now));
    }
    return next?.getTime();
  }

  private timerText(timer: TimerDefinition, scopeKey: string): Either<string> {
    if (!isExpression(timer.expression)) return right(timer.expression);
    const variables = this.expressions.variablesAt(scopeKey);
    if (timer.kind === 'duration') {
      const duration = evaluateDuration(timer.expression, variables);
      return duration.ok
        ? right(duration.value)
        : left(duration.message, 'EXTRACT_VALUE_ERROR', scopeKey);
    }
    if (timer.kind === 'date') {
      const date = this.expressions.evaluateDateTime(timer.expression, scopeKey);
      return date.ok ? right(date.value.toISOString()) : date;
    }
    const cycle = evaluateString(timer.expression, variables);
    return cycle.ok ? right(cycle.value) : left(cycle.message, 'EXTRACT_VALUE_ERROR', scopeKey);
  }
}
