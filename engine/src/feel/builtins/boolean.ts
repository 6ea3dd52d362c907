import { reportAssertionFailure } from '../scope';
import { builtin, type Builtin } from './define';

const DEFAULT_ASSERTION_CAUSE = 'The condition is not fulfilled';

/** `is defined`, `get or else`, `assert` (Camunda 8.6 boolean functions feelin lacks). */
export const booleanBuiltins: Builtin[] = [
  // A missing variable reads as null (with a warning), so `is defined(x)` is false for it.
  builtin('is defined', ['value'], (value) => value !== null),

  builtin('get or else', ['value', 'default'], (value, fallback) => value ?? fallback),

  // A failed assertion fails the whole evaluation with the cause (see evaluate.ts).
  builtin(
    'assert',
    ['value', 'condition', 'cause'],
    (value, condition, cause) => {
      if (condition === true) return value;
      reportAssertionFailure(typeof cause === 'string' ? cause : DEFAULT_ASSERTION_CAUSE);
      return null;
    },
    2,
  ),
];
