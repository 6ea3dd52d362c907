import { FeelDuration } from 'feelin';
import { builtin, illegalArguments, isNumber, type Builtin } from './define';

/**
 * Zeebe's own FEEL function (`io.camunda.zeebe.feel.impl.FeelFunctionProvider`):
 * `cycle(repetitions, interval)` → "R3/PT1H", `cycle(interval)` → "R/PT1H", for timer cycles.
 */
export const zeebeBuiltins: Builtin[] = [
  builtin(
    'cycle',
    ['repetitions', 'interval'],
    (first, second) => {
      const [repetitions, interval] = second === null ? [null, first] : [first, second];
      if (!(interval instanceof FeelDuration)) return illegalArguments('cycle', [first, second]);
      if (repetitions === null) return `R/${interval.toString()}`;
      if (!isNumber(repetitions)) return illegalArguments('cycle', [first, second]);
      return `R${Math.trunc(repetitions)}/${interval.toString().toUpperCase()}`;
    },
    1,
  ),
];
