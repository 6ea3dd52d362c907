import { toJson } from '../values';
import { builtin, illegalArguments, invocationFailure, isString, type Builtin } from './define';

/** `from json` / `to json` (feel-scala 1.20, newer than Camunda 8.6). */
export const conversionBuiltins: Builtin[] = [
  builtin('from json', ['value'], (value) => {
    if (!isString(value)) return illegalArguments('from json', [value]);
    try {
      return JSON.parse(value) as unknown;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return invocationFailure('from json', `Failed to parse JSON from '${value}': ${reason}`);
    }
  }),

  // Temporal values become ISO strings, ranges and functions null (see values.ts).
  builtin('to json', ['value'], (value) => JSON.stringify(toJson(value))),
];
