/**
 * The single writer with group commit. Every API call and scheduler tick enqueues a command;
 * one loop takes what is queued (up to a cap), processes the commands one after another
 * against the in-memory state, writes the whole batch in ONE transaction, and only then
 * answers the callers and runs the post-commit side effects. While a batch is being written,
 * the next one queues up.
 */
import type { Knex } from 'knex';
import type pino from 'pino';
import type { Result } from '../api';
import type { Clock } from '../clock';
import type { EngineState } from '../state/EngineState';
import type { CommandResponder, ProcessingContext } from './ProcessingContext';
import type { QueuedCommand, StreamProcessor } from './StreamProcessor';

const MAX_BATCH = 500;

interface Pending extends CommandResponder {
  command: QueuedCommand;
  resolve(result: Result<unknown>): void;
}

export interface CommandLoopHooks {
  /** After a failed flush: reload the state from the database. */
  reload(): Promise<void>;
  /** After every batch (schedulers re-check what is due). */
  afterBatch(): void;
  /** A deferred response whose command was dropped (flush failure). */
  dropped(command: QueuedCommand): void;
}

const WRITE_FAILED =
  'Expected to write the processing results to the database, but the transaction failed; the command was not applied';

export class CommandLoop {
  private queue: Pending[] = [];
  private processing = 0;
  private running: Promise<void> | undefined;

  constructor(
    private readonly knex: Knex,
    private readonly clock: Clock,
    private readonly state: EngineState,
    private readonly ctx: ProcessingContext,
    private readonly stream: StreamProcessor,
    private readonly hooks: CommandLoopHooks,
    private readonly logger: pino.Logger,
  ) {}

  /** Commands queued or being processed. */
  get inFlight(): number {
    return this.queue.length + this.processing;
  }

  submit(command: QueuedCommand): Promise<Result<unknown>> {
    return new Promise((resolve) => {
      this.queue.push({ command, resolve });
      this.running ??= this.run();
    });
  }

  /** Resolves when everything queued so far is processed. */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  private async run(): Promise<void> {
    // let the callers of this tick queue up first
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        this.processing = batch.length;
        try {
          await this.processBatch(batch);
        } catch (error) {
          // a bug outside command processing: answer everyone, start over from the database
          this.logger.error({ err: error }, 'processing a batch failed');
          this.ctx.takeSideEffects();
          this.state.keys.discard();
          this.fail(batch);
          await this.reloadUntilItWorks();
        }
        this.processing = 0;
      }
    } finally {
      this.running = undefined;
    }
  }

  private async processBatch(batch: Pending[]): Promise<void> {
    this.ctx.writers.timestamp = this.clock.now();
    const started = performance.now();
    for (const pending of batch) this.stream.process(pending.command, pending);
    const sideEffects = this.ctx.takeSideEffects();
    try {
      const processed = performance.now();
      const records = this.state.log.batch.length;
      await this.state.flush(this.knex);
      this.logger.debug(
        {
          commands: batch.length,
          records,
          processMs: Math.round(processed - started),
          writeMs: Math.round(performance.now() - processed),
        },
        'batch written',
      );
      this.state.committed();
    } catch (error) {
      this.logger.error(
        { err: error, commands: batch.length },
        'writing the batch failed; reloading the state',
      );
      this.state.keys.discard();
      this.fail(batch);
      await this.reloadUntilItWorks();
      return;
    }
    for (const pending of batch) {
      if (pending.deferred) continue;
      pending.resolve(
        pending.response ?? {
          ok: false,
          rejection: {
            intent: pending.command.intent,
            type: 'PROCESSING_ERROR',
            reason: `Expected to respond to command '${pending.command.valueType} ${pending.command.intent}', but no response was written`,
          },
        },
      );
    }
    for (const effect of sideEffects) {
      try {
        effect();
      } catch (error) {
        this.logger.error({ err: error }, 'post-commit side effect failed');
      }
    }
    this.hooks.afterBatch();
  }

  /** Answers every command of the batch with an error: nothing of it was written. */
  private fail(batch: Pending[]): void {
    for (const pending of batch) {
      if (pending.deferred) this.hooks.dropped(pending.command);
      pending.resolve({
        ok: false,
        rejection: {
          intent: pending.command.intent,
          type: 'PROCESSING_ERROR',
          reason: WRITE_FAILED,
        },
      });
    }
  }

  private async reloadUntilItWorks(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.hooks.reload();
        return;
      } catch (error) {
        this.logger.error({ err: error, attempt }, 'reloading the engine state failed');
        await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 100 * attempt)));
      }
    }
  }
}
