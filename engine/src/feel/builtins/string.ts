import { randomUUID } from 'node:crypto';
import { builtin, illegalArguments, invocationFailure, isString, type Builtin } from './define';

/** Camunda 8.6 string functions feelin lacks, plus `is blank` (Camunda 8.7). */
export const stringBuiltins: Builtin[] = [
  // All matches of a regular expression (JavaScript regex syntax; Zeebe uses Java's).
  builtin('extract', ['input', 'pattern'], (input, pattern) => {
    if (!isString(input) || !isString(pattern))
      return illegalArguments('extract', [input, pattern]);
    let regex: RegExp;
    try {
      regex = new RegExp(pattern, 'g');
    } catch {
      return invocationFailure('extract', `Invalid pattern '${pattern}'`);
    }
    return Array.from(input.matchAll(regex), (match) => match[0]);
  }),

  builtin('trim', ['string'], (string) =>
    isString(string) ? string.trim() : illegalArguments('trim', [string]),
  ),

  builtin('uuid', [], () => randomUUID()),

  builtin('to base64', ['value'], (value) =>
    isString(value)
      ? Buffer.from(value, 'utf8').toString('base64')
      : illegalArguments('to base64', [value]),
  ),

  builtin('is blank', ['string'], (string) =>
    isString(string) ? string.trim() === '' : illegalArguments('is blank', [string]),
  ),
];
