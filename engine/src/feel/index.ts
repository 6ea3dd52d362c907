/**
 * FEEL for the engine, behind one module: feelin evaluates, this module makes it behave like
 * Zeebe 8.6 (null for missing variables, Camunda built-ins, Zeebe's failure texts) and turns
 * results into plain JSON. Nothing here throws for bad input; failures are values.
 *
 *   evaluate.ts  — isExpression, evaluateExpression, evaluateValue, evaluateUnaryTests
 *   typed.ts     — evaluateString/Number/Boolean/Array/StringList/DateTime/Duration
 *   syntax.ts    — checkExpression (deploy time), cached per expression text
 *   builtins.ts  — the Camunda built-ins feelin lacks (list at the top of the file)
 *   values.ts    — feelin values ↔ plain JSON; warnings.ts — Zeebe's warning texts
 *   (DMN evaluation uses runExpression, which keeps feelin's values, and withoutWarnings)
 *   clock.ts     — the clock `now()` and `today()` read
 */
export type { FeelCheck, FeelResult, FeelResultType, FeelWarning, JsonValue } from './types';
export { isExpression, evaluateExpression, evaluateValue, evaluateUnaryTests } from './evaluate';
export { runExpression, type Evaluation } from './evaluate';
export { feelTypeOf, toJson, valueEquals } from './values';
export { withoutWarnings } from './warnings';
export {
  evaluateString,
  evaluateNumber,
  evaluateBoolean,
  evaluateArray,
  evaluateStringList,
  evaluateDateTime,
  evaluateDuration,
} from './typed';
export { checkExpression, checkUnaryTests } from './syntax';
export { setFeelClock, resetFeelClock } from './clock';
