/**
 * CreateProcessInstanceWithResult: submits CREATE_WITH_AWAITING_RESULT with a waiter that the
 * process answers on completion (ProcessProcessor), or the request timeout answers first.
 */
import type { ProcessInstanceResult, Rejection, Result } from '../../api';
import type { ProcessInstanceCreationValue } from '../../state/protocol/values';
import type { QueuedCommand } from '../StreamProcessor';
import type { ProcessResults, ResultWaiter } from './ProcessResults';

/** CreateProcessInstanceWithResult without a request timeout waits at most this long. */
const DEFAULT_AWAIT_RESULT_MS = 60 * 60 * 1000;

/** The intent of the rejection a request timeout produces (type PROCESSING_ERROR). */
export const AWAIT_RESULT_TIMEOUT_INTENT = 'CREATE_WITH_AWAITING_RESULT';
const TIMEOUT_PREFIX = 'Time out between gateway and broker';

export function isAwaitResultTimeout(rejection: Rejection): boolean {
  return (
    rejection.intent === AWAIT_RESULT_TIMEOUT_INTENT &&
    rejection.type === 'PROCESSING_ERROR' &&
    rejection.reason.startsWith(TIMEOUT_PREFIX)
  );
}

export function awaitResult(
  value: ProcessInstanceCreationValue,
  opts: { requestTimeout: number; fetchVariables: string[] },
  results: ProcessResults,
  submit: (command: QueuedCommand) => Promise<Result<unknown>>,
): Promise<Result<ProcessInstanceResult>> {
  return new Promise((resolve) => {
    const timeout = opts.requestTimeout > 0 ? opts.requestTimeout : DEFAULT_AWAIT_RESULT_MS;
    let settled = false;
    const finish = (result: Result<ProcessInstanceResult>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    // `created` is filled in by the create processor
    const waiter = { fetchVariables: opts.fetchVariables, resolve: finish } as ResultWaiter;
    const timer = setTimeout(() => {
      results.removeWaiter(waiter);
      finish({
        ok: false,
        rejection: {
          intent: AWAIT_RESULT_TIMEOUT_INTENT,
          type: 'PROCESSING_ERROR',
          reason: `${TIMEOUT_PREFIX}: Request ProcessInstanceCreationCreateProcessInstanceWithResult timed out after ${timeout} ms`,
        },
      });
    }, timeout);
    const command: QueuedCommand = {
      key: '-1',
      valueType: 'PROCESS_INSTANCE_CREATION',
      intent: 'CREATE_WITH_AWAITING_RESULT',
      value,
      attachment: waiter,
    };
    void submit(command).then((result) => {
      // only a rejection arrives here; success is answered when the instance completes
      results.removeWaiter(waiter);
      finish(result as Result<ProcessInstanceResult>);
    });
  });
}

export function stoppedWhileAwaiting(): Result<never> {
  return {
    ok: false,
    rejection: {
      intent: AWAIT_RESULT_TIMEOUT_INTENT,
      type: 'PROCESSING_ERROR',
      reason: 'Expected to await the process instance result, but the engine was stopped',
    },
  };
}
