import { valueEquals } from '../values';
import {
  builtin,
  illegalArguments,
  invocationFailure,
  isList,
  isNumber,
  isString,
  type Builtin,
} from './define';

/** Camunda 8.6 list functions feelin lacks or has only in part, plus `partition` (8.7). */
export const listBuiltins: Builtin[] = [
  builtin('is empty', ['list'], (list) =>
    isList(list) ? list.length === 0 : illegalArguments('is empty', [list]),
  ),

  // Each value that occurs more than once, once, in order of first occurrence.
  builtin('duplicate values', ['list'], (list) => {
    if (!isList(list)) return illegalArguments('duplicate values', [list]);
    const distinct: unknown[] = [];
    for (const item of list) {
      if (!distinct.some((seen) => valueEquals(seen, item))) distinct.push(item);
    }
    return distinct.filter((item) => list.filter((other) => valueEquals(other, item)).length > 1);
  }),

  builtin('partition', ['list', 'size'], (list, size) => {
    if (!isList(list) || !isNumber(size)) return illegalArguments('partition', [list, size]);
    const chunk = Math.trunc(size);
    if (chunk <= 0) {
      return invocationFailure('partition', `'size' should be greater than zero but was '${size}'`);
    }
    const parts: unknown[][] = [];
    for (let index = 0; index < list.length; index += chunk) {
      parts.push(list.slice(index, index + chunk));
    }
    return parts;
  }),

  // feelin's `string join` lacks Camunda's (list, delimiter, prefix, suffix) form.
  builtin(
    'string join',
    ['list', 'delimiter', 'prefix', 'suffix'],
    (list, ...rest) => {
      const [delimiter, prefix, suffix] = rest;
      const optionalStrings = rest.every((arg) => arg === null || isString(arg));
      if (
        !isList(list) ||
        !optionalStrings ||
        !list.every((item) => item === null || isString(item))
      ) {
        return illegalArguments('string join', [list, ...rest]);
      }
      const text = list.filter(isString).join(isString(delimiter) ? delimiter : '');
      return `${isString(prefix) ? prefix : ''}${text}${isString(suffix) ? suffix : ''}`;
    },
    1,
  ),
];
