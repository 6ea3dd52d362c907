import { builtin, illegalArguments, isContext, isList, isString, type Builtin } from './define';

/**
 * Context functions: `get value` with a list of keys (feelin takes one key only), and the
 * deprecated names `put` / `put all` that Camunda still accepts for `context put` /
 * `context merge`.
 */
export const contextBuiltins: Builtin[] = [
  builtin('get value', ['context', 'key'], (context, key) => {
    if (!isContext(context)) return illegalArguments('get value', [context, key]);
    if (isString(key)) return context[key] ?? null;
    if (!isList(key)) return illegalArguments('get value', [context, key]);
    if (!key.every(isString)) return null;
    let value: unknown = context;
    for (const name of key) {
      if (!isContext(value)) return null;
      value = value[name] ?? null;
    }
    return value;
  }),

  builtin('put', ['context', 'key', 'value'], (context, key, value) =>
    isContext(context) && isString(key)
      ? { ...context, [key]: value }
      : illegalArguments('put', [context, key, value]),
  ),

  // A single list argument is the list of contexts, as with feel-scala's var-args.
  builtin(
    'put all',
    ['...contexts'],
    (...args) => {
      const only = args[0];
      const contexts = args.length === 1 && isList(only) ? only : args;
      return contexts.every(isContext)
        ? Object.assign({}, ...contexts)
        : illegalArguments('put all', contexts);
    },
    1,
  ),
];
