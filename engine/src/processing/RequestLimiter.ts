/**
 * Backpressure, as Zeebe's broker has it (logstreams `flowcontrol/RequestLimiter`): when the
 * commands in flight (queued or in the batch being written) reach the limit, a client command
 * that adds new work is refused (RESOURCE_EXHAUSTED at the gateway) and changes nothing.
 *
 * Commands that finish or unblock work already in the engine are always accepted, so workers
 * can drain the load: Zeebe's list (job COMPLETE and FAIL, process instance CANCEL, DEPLOYMENT
 * CREATE), and here also the other job commands (THROW_ERROR, UPDATE_RETRIES, UPDATE_TIMEOUT,
 * job activation) and INCIDENT RESOLVE. Everything else a client sends is refused at the limit:
 * process instance creation (with or without result), PUBLISH, BROADCAST, SetVariables,
 * DeleteResource, and any command added later. Commands of the engine's own schedulers (timers,
 * job time-outs, message TTLs) never pass through here.
 *
 * The limit is fixed, not adaptive like Zeebe's Vegas/AIMD limiters: the default was measured
 * with `npm run bench:engine` (see engine/README.md, "Backpressure").
 */
import type { ValueType } from '../state/protocol/records';

/** The measured default of ENGINE_MAX_IN_FLIGHT (engine/README.md, "Backpressure"). */
export const DEFAULT_MAX_IN_FLIGHT_COMMANDS = 200;

export interface LimitedCommand {
  valueType: ValueType;
  intent: string;
}

const ALWAYS_ACCEPTED: ReadonlySet<string> = new Set([
  'JOB COMPLETE',
  'JOB FAIL',
  'JOB THROW_ERROR',
  'JOB UPDATE_RETRIES',
  'JOB UPDATE_TIMEOUT',
  'JOB_BATCH ACTIVATE',
  'INCIDENT RESOLVE',
  'PROCESS_INSTANCE CANCEL',
  'DEPLOYMENT CREATE',
]);

export class RequestLimiter {
  /**
   * @param limit commands in flight at which new work is refused (Infinity: never)
   * @param inFlight the commands queued or being processed right now
   */
  constructor(
    readonly limit: number,
    private readonly inFlight: () => number,
  ) {}

  /** Whether the command may be queued now. */
  accepts(command: LimitedCommand): boolean {
    return (
      this.inFlight() < this.limit || ALWAYS_ACCEPTED.has(`${command.valueType} ${command.intent}`)
    );
  }
}
