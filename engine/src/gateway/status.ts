/**
 * The one place where failures become gRPC statuses, the way Zeebe's gateway maps them
 * (zeebe/gateway: GrpcErrorMapper#mapRejectionToStatus):
 *
 *   rejection type      gRPC status          message
 *   INVALID_ARGUMENT    INVALID_ARGUMENT     Command '<INTENT>' rejected with code '<TYPE>': <reason>
 *   NOT_FOUND           NOT_FOUND            (same format)
 *   ALREADY_EXISTS      ALREADY_EXISTS
 *   INVALID_STATE       FAILED_PRECONDITION
 *   PROCESSING_ERROR    INTERNAL
 *   anything else       UNKNOWN
 *
 * Backpressure becomes RESOURCE_EXHAUSTED with the broker's text ("Reached maximum capacity of
 * requests handled"); a process instance creation, which Zeebe's gateway tries on every partition
 * (RequestRetryHandler), with the gateway's text once all partitions refused it. A business error
 * is never UNAVAILABLE: clients retry UNAVAILABLE. Unexpected errors are logged with an id and
 * answered INTERNAL without their text, so no database message reaches a client.
 */
import { randomUUID } from 'node:crypto';
import { status, type StatusObject } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { BackpressureError, type Rejection, type RejectionType } from '../api';
import { GatewayError, RejectionError } from './GatewayError';

/** Zeebe's RequestRetriesExhaustedException: every partition refused the creation. */
const ALL_PARTITIONS_REFUSED =
  'Expected to execute the command on one of the partitions, but all failed; there are no more partitions available to retry. Please try again. If the error persists contact your zeebe operator';

export type GrpcFailure = Pick<StatusObject, 'code' | 'details'>;

const REJECTION_STATUS: Partial<Record<RejectionType, status>> = {
  INVALID_ARGUMENT: status.INVALID_ARGUMENT,
  NOT_FOUND: status.NOT_FOUND,
  ALREADY_EXISTS: status.ALREADY_EXISTS,
  INVALID_STATE: status.FAILED_PRECONDITION,
  PROCESSING_ERROR: status.INTERNAL,
};

export function rejectionMessage(rejection: Rejection): string {
  return `Command '${rejection.intent}' rejected with code '${rejection.type}': ${rejection.reason}`;
}

export function rejectionToStatus(rejection: Rejection): GrpcFailure {
  return {
    code: REJECTION_STATUS[rejection.type] ?? status.UNKNOWN,
    details: rejectionMessage(rejection),
  };
}

export function errorToStatus(error: unknown, logger: Logger): GrpcFailure {
  if (error instanceof GatewayError) return { code: error.code, details: error.message };
  if (error instanceof RejectionError) return rejectionToStatus(error.rejection);
  if (error instanceof BackpressureError) {
    const retriedOnPartitions = error.command.valueType === 'PROCESS_INSTANCE_CREATION';
    return {
      code: status.RESOURCE_EXHAUSTED,
      details: retriedOnPartitions ? ALL_PARTITIONS_REFUSED : error.message,
    };
  }
  const errorId = randomUUID();
  logger.error(
    { err: error, errorId },
    'Expected to handle gRPC request, but an unexpected error occurred',
  );
  return {
    code: status.INTERNAL,
    details: `Unexpected error occurred during the request processing (error id ${errorId}; see the engine log)`,
  };
}
