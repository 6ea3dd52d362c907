import type { FeelWarning } from './types';

/**
 * What our built-ins report while one evaluation runs: suppressed failures (warnings) and a
 * failed `assert`. feelin evaluates synchronously, so the active scope is simply the one set
 * around the `evaluate()` call; built-ins are created once and report into it.
 */
export class EvaluationScope {
  readonly warnings: FeelWarning[] = [];
  assertionFailure: string | undefined;
}

let active: EvaluationScope | undefined;

export function runInScope<T>(scope: EvaluationScope, run: () => T): T {
  const previous = active;
  active = scope;
  try {
    return run();
  } finally {
    active = previous;
  }
}

export function reportWarning(warning: FeelWarning): void {
  active?.warnings.push(warning);
}

/** Like feel-scala: the first failed assertion decides the failure message. */
export function reportAssertionFailure(cause: string): void {
  if (active && active.assertionFailure === undefined) active.assertionFailure = cause;
  reportWarning({ type: 'ASSERT_FAILURE', message: cause });
}
