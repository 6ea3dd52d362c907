import { FeelFunction } from 'feelin';
import { reportWarning } from '../scope';
import { describeValue, isPlainObject } from '../values';

export type Builtin = [name: string, fn: FeelFunction];

/**
 * A built-in as feelin calls it: named parameters (a name starting with `...` takes the rest),
 * the first `required` of them needed when called positionally, omitted ones null. It never
 * throws — a failure is reported as a warning and the call evaluates to null, as in feel-scala.
 */
export function builtin(
  name: string,
  parameters: string[],
  body: (...args: unknown[]) => unknown,
  required = parameters.length,
): Builtin {
  const invoke = (...args: unknown[]): unknown => {
    if (args.length < required) {
      reportWarning({
        type: 'NO_FUNCTION_FOUND',
        message: `No function found with name '${name}' and ${args.length} parameters`,
      });
      return null;
    }
    const values = args.map((arg) => (arg === undefined ? null : arg));
    while (values.length < parameters.length) values.push(null);
    try {
      return body(...values);
    } catch (error) {
      return invocationFailure(name, error instanceof Error ? error.message : String(error));
    }
  };
  return [name, new FeelFunction(invoke, parameters)];
}

/** feel-scala's wording for a call whose arguments match none of the function's cases. */
export function illegalArguments(name: string, args: unknown[]): null {
  const list = args.map((arg) => `'${describeValue(arg)}'`).join(', ');
  return invocationFailure(name, `Illegal arguments: ${list}`);
}

export function invocationFailure(name: string, failure: string): null {
  reportWarning({
    type: 'FUNCTION_INVOCATION_FAILURE',
    message: `Failed to invoke function '${name}': ${failure}`,
  });
  return null;
}

export const isList = (value: unknown): value is unknown[] => Array.isArray(value);
export const isString = (value: unknown): value is string => typeof value === 'string';
export const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);
export const isContext = isPlainObject;
