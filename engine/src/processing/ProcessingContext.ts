/**
 * What a processor sees while deciding one command: the state (read it; only appliers change
 * it), the writers, the time of the batch, and the response to the caller of the root command.
 */
import type { Rejection, RejectionType, Result } from '../api';
import type { EngineState } from '../state/EngineState';
import type { TypedCommand, Writers } from './Writers';

export interface EngineNotifications {
  /** After commit: jobs of this type may be activatable. */
  jobsAvailable(type: string): void;
}

/** The caller waiting for the root command's response. */
export interface CommandResponder {
  response?: Result<unknown>;
  /** The processor answers later (e.g. when the process instance completes). */
  deferred?: boolean;
}

export class ProcessingContext {
  root: TypedCommand | undefined;
  current: TypedCommand | undefined;
  responder: CommandResponder | undefined;
  private sideEffects: (() => void)[] = [];

  constructor(
    readonly state: EngineState,
    readonly writers: Writers,
    readonly notifications: EngineNotifications,
  ) {}

  /** Epoch ms of the batch being processed. */
  get now(): number {
    return this.writers.timestamp;
  }

  /** Answers the caller (only the root command has one). */
  respond(value: unknown): void {
    if (this.responder && this.current === this.root) {
      this.responder.response = { ok: true, value };
    }
  }

  /** Writes a rejection of the current command and answers the caller with it. */
  reject(type: RejectionType, reason: string): void {
    const command = this.current;
    if (!command) throw new Error('No command is being processed');
    this.writers.appendRejection(command, type, reason);
    if (this.responder && command === this.root) {
      const rejection: Rejection = { intent: command.intent, type, reason };
      this.responder.response = { ok: false, rejection };
    }
  }

  /** Runs `effect` after the batch is committed (never when the command is dropped). */
  afterCommit(effect: () => void): void {
    this.sideEffects.push(effect);
  }

  sideEffectMark(): number {
    return this.sideEffects.length;
  }

  dropSideEffects(mark: number): void {
    this.sideEffects.length = mark;
  }

  takeSideEffects(): (() => void)[] {
    const effects = this.sideEffects;
    this.sideEffects = [];
    return effects;
  }
}
