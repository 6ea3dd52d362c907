/**
 * FEEL built-ins we add to feelin so expressions written for Zeebe (Camunda 8.6, feel-scala
 * 1.18) evaluate here too. feelin 8.2 already has the DMN standard functions and `string join`,
 * `get value`, `get entries`, `context put`, `context merge`, `now`, `today`; what it lacks:
 *
 * Camunda 8.6 functions missing in feelin:
 * - `is defined(value)`, `get or else(value, default)`, `assert(value, condition)`,
 *   `assert(value, condition, cause)`            — boolean.ts; a failed assert fails the evaluation
 * - `extract(string, pattern)`, `trim(string)`, `uuid()`, `to base64(value)` — string.ts
 * - `is empty(list)`, `duplicate values(list)`   — list.ts
 * - `last day of month(date)`                    — temporal.ts
 * - `random number()`                            — numeric.ts
 * - `put(context, key, value)`, `put all(contexts)` (deprecated names of context put/merge) — context.ts
 *
 * Replaced because feelin's version differs from Camunda's:
 * - `now()`, `today()`  — read the injectable clock (`setFeelClock`), in UTC; feelin's read the
 *                         system clock
 * - `string join(list, delimiter, prefix, suffix)` — feelin has no prefix/suffix form
 * - `get value(context, keys)` — feelin takes a single key, not a path list
 *
 * Zeebe's own function: `cycle(repetitions, interval)`, `cycle(interval)` — zeebe.ts.
 *
 * Newer than Camunda 8.6, added on request; a process using them will not run on an 8.6 cluster:
 * - `partition(list, size)`, `is blank(string)` — Camunda 8.7 (feel-scala 1.19), list.ts, string.ts
 * - `from json(value)`, `to json(value)`        — feel-scala 1.20 (Camunda 8.9 per its changelog),
 *                                                  conversion.ts
 *
 * Not supported: `date and time(date, timezone)` — feelin resolves `date and time` as a fixed
 * constructor that a context entry cannot replace; `and(list)` / `or(list)` — keywords in
 * feelin's grammar (use `all(list)` / `any(list)`).
 *
 * Built-ins are passed to feelin as context entries, under the process variables: a variable
 * with a built-in's name (e.g. `count`) hides that function in the same expression, unlike in
 * Zeebe where functions and variables live apart.
 */
import type { FeelFunction } from 'feelin';
import { booleanBuiltins } from './builtins/boolean';
import { contextBuiltins } from './builtins/context';
import { conversionBuiltins } from './builtins/conversion';
import { listBuiltins } from './builtins/list';
import { numericBuiltins } from './builtins/numeric';
import { stringBuiltins } from './builtins/string';
import { temporalBuiltins } from './builtins/temporal';
import { zeebeBuiltins } from './builtins/zeebe';

export const BUILTINS: Readonly<Record<string, FeelFunction>> = Object.freeze(
  Object.fromEntries([
    ...booleanBuiltins,
    ...stringBuiltins,
    ...listBuiltins,
    ...numericBuiltins,
    ...contextBuiltins,
    ...temporalBuiltins,
    ...conversionBuiltins,
    ...zeebeBuiltins,
  ]),
);
