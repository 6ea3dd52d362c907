/**
 * A command to the engine over the Zeebe client, with the engine's refusals as our errors:
 * NOT_FOUND and FAILED_PRECONDITION become the conflict the caller names (the object is gone
 * or not in a state for the command), UNAVAILABLE / DEADLINE_EXCEEDED a 503, INVALID_ARGUMENT
 * a 400 with the engine's own wording. Anything else is a bug and stays an exception.
 */
import type { HttpError } from '../http/errors';
import { EngineUnavailableError, NotReadyError, ValidationError } from '../http/errors';
import type { ZeebeClient } from '../engine/zeebeClient';

/** gRPC status codes (grpc/status.proto). */
const GRPC = {
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  FAILED_PRECONDITION: 9,
  UNAVAILABLE: 14,
} as const;

export async function engineCommand(
  engine: () => ZeebeClient | undefined,
  command: (zeebe: ZeebeClient) => Promise<void>,
  gone: () => HttpError,
): Promise<void> {
  const zeebe = engine();
  if (!zeebe) throw new NotReadyError('no engine client');
  try {
    await command(zeebe);
  } catch (error) {
    const { code, details, message } = error as {
      code?: unknown;
      details?: unknown;
      message?: unknown;
    };
    const text = typeof details === 'string' && details ? details : String(message);
    if (code === GRPC.NOT_FOUND || code === GRPC.FAILED_PRECONDITION) throw gone();
    if (code === GRPC.UNAVAILABLE || code === GRPC.DEADLINE_EXCEEDED) {
      throw new EngineUnavailableError(text);
    }
    if (code === GRPC.INVALID_ARGUMENT)
      throw new ValidationError([{ field: 'engine', message: text }]);
    throw error;
  }
}
