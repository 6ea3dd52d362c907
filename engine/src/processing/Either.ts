/** Expected failures are values (Zeebe's Either<Failure, T>); exceptions are bugs. */
import type { ErrorType } from '../state/protocol/values';

export interface Failure {
  message: string;
  errorType: ErrorType;
  /** The scope whose variables the failing expression saw (defaults to the element instance). */
  variableScopeKey?: string;
}

export type Either<T> = { ok: true; value: T } | { ok: false; failure: Failure };

export const right = <T>(value: T): Either<T> => ({ ok: true, value });

export const left = <T = never>(
  message: string,
  errorType: ErrorType,
  variableScopeKey?: string,
): Either<T> => ({
  ok: false,
  failure:
    variableScopeKey === undefined
      ? { message, errorType }
      : { message, errorType, variableScopeKey },
});

export const RIGHT_VOID: Either<void> = { ok: true, value: undefined };
