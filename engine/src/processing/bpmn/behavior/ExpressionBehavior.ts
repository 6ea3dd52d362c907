/**
 * Evaluates the expressions of the executable model against the variables visible at a scope
 * (Zeebe's ExpressionProcessor). A failed evaluation is a Failure value (EXTRACT_VALUE_ERROR
 * unless the caller says otherwise), never an exception.
 */
import {
  evaluateBoolean,
  evaluateDateTime,
  evaluateNumber,
  evaluateString,
  evaluateStringList,
  evaluateValue,
} from '../../../feel';
import type { FeelResult } from '../../../feel';
import type { EngineState } from '../../../state/EngineState';
import type { ErrorType } from '../../../state/protocol/values';
import { left, right, type Either } from '../../Either';

type Variables = Record<string, unknown>;

export class ExpressionBehavior {
  constructor(private readonly state: EngineState) {}

  /** The variables visible at a scope (all scopes merged, local wins). */
  variablesAt(scopeKey: string): Variables {
    return this.state.variables.getVisible(scopeKey);
  }

  evaluateAny(raw: string, scope: string | Variables, errorType?: ErrorType): Either<unknown> {
    return this.wrap(evaluateValue(raw, this.context(scope)), scope, errorType);
  }

  evaluateString(raw: string, scope: string | Variables): Either<string> {
    return this.wrap(evaluateString(raw, this.context(scope)), scope);
  }

  evaluateNumber(raw: string, scope: string | Variables): Either<number> {
    return this.wrap(evaluateNumber(raw, this.context(scope)), scope);
  }

  evaluateBoolean(raw: string, scope: string | Variables): Either<boolean> {
    return this.wrap(evaluateBoolean(raw, this.context(scope)), scope);
  }

  evaluateStringList(raw: string, scope: string | Variables): Either<string[]> {
    return this.wrap(evaluateStringList(raw, this.context(scope)), scope);
  }

  evaluateDateTime(raw: string, scope: string | Variables): Either<Date> {
    return this.wrap(evaluateDateTime(raw, this.context(scope)), scope);
  }

  private context(scope: string | Variables): Variables {
    return typeof scope === 'string' ? this.variablesAt(scope) : scope;
  }

  private wrap<T>(
    result: FeelResult<T>,
    scope: string | Variables,
    errorType: ErrorType = 'EXTRACT_VALUE_ERROR',
  ): Either<T> {
    if (result.ok) return right(result.value);
    return left(result.message, errorType, typeof scope === 'string' ? scope : undefined);
  }
}
