import { builtin, type Builtin } from './define';

/** `random number()` (Camunda 8.6), missing in feelin: a number in [0, 1). */
export const numericBuiltins: Builtin[] = [builtin('random number', [], () => Math.random())];
