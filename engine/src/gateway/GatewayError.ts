import { status } from '@grpc/grpc-js';
import type { Rejection } from '../api';

/**
 * An expected failure of a gRPC request, carrying the status the client receives. Raised for
 * invalid requests the gateway refuses itself, and for the engine's rejections (see status.ts).
 */
export class GatewayError extends Error {
  constructor(
    readonly code: status,
    message: string,
  ) {
    super(message);
    this.name = 'GatewayError';
  }

  static invalidArgument(message: string): GatewayError {
    return new GatewayError(status.INVALID_ARGUMENT, message);
  }
}

/** A rejection the gateway decides on the engine's behalf, worded as the broker would. */
export class RejectionError extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.reason);
    this.name = 'RejectionError';
  }
}
