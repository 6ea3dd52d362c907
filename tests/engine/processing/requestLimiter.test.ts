/** RequestLimiter: what backpressure refuses at the in-flight limit, and what it always accepts. */
import { describe, expect, test } from 'vitest';
import { RequestLimiter, type LimitedCommand } from '../../../engine/src/processing/RequestLimiter';

const commands: [LimitedCommand, 'accepted' | 'refused'][] = [
  [{ valueType: 'JOB', intent: 'COMPLETE' }, 'accepted'],
  [{ valueType: 'JOB', intent: 'FAIL' }, 'accepted'],
  [{ valueType: 'JOB', intent: 'THROW_ERROR' }, 'accepted'],
  [{ valueType: 'JOB', intent: 'UPDATE_RETRIES' }, 'accepted'],
  [{ valueType: 'JOB', intent: 'UPDATE_TIMEOUT' }, 'accepted'],
  [{ valueType: 'JOB_BATCH', intent: 'ACTIVATE' }, 'accepted'],
  [{ valueType: 'INCIDENT', intent: 'RESOLVE' }, 'accepted'],
  [{ valueType: 'PROCESS_INSTANCE', intent: 'CANCEL' }, 'accepted'],
  [{ valueType: 'DEPLOYMENT', intent: 'CREATE' }, 'accepted'],
  [{ valueType: 'PROCESS_INSTANCE_CREATION', intent: 'CREATE' }, 'refused'],
  [{ valueType: 'PROCESS_INSTANCE_CREATION', intent: 'CREATE_WITH_AWAITING_RESULT' }, 'refused'],
  [{ valueType: 'MESSAGE', intent: 'PUBLISH' }, 'refused'],
  [{ valueType: 'SIGNAL', intent: 'BROADCAST' }, 'refused'],
  [{ valueType: 'VARIABLE_DOCUMENT', intent: 'UPDATE' }, 'refused'],
  [{ valueType: 'RESOURCE_DELETION', intent: 'DELETE' }, 'refused'],
];

describe('RequestLimiter', () => {
  test.each(commands)('below the limit: %o is accepted', (command) => {
    expect(new RequestLimiter(10, () => 9).accepts(command)).toBe(true);
  });

  test.each(commands)('at the limit: %o is %s', (command, expected) => {
    expect(new RequestLimiter(10, () => 10).accepts(command)).toBe(expected === 'accepted');
  });

  test('without a limit (Infinity) nothing is refused', () => {
    const limiter = new RequestLimiter(Number.POSITIVE_INFINITY, () => 1_000_000);
    for (const [command] of commands) expect(limiter.accepts(command)).toBe(true);
  });
});
