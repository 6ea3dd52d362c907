/**
 * Processes one command and, right after it, every follow-up command it caused, until the
 * instances reach wait states (Zeebe's stream processor with batch processing). A command
 * whose processing throws is a bug: its changes are rolled back alone and it is rejected with
 * PROCESSING_ERROR; the batch goes on.
 */
import type pino from 'pino';
import type { EngineState } from '../state/EngineState';
import type { ValueType } from '../state/protocol/records';
import { commandId, type CommandProcessorTable } from './CommandProcessors';
import type { CommandResponder, ProcessingContext } from './ProcessingContext';
import type { TypedCommand } from './Writers';

/** A command from outside the log: an API call or a scheduler. */
export interface QueuedCommand {
  key: string;
  valueType: ValueType;
  intent: string;
  value: object;
  attachment?: unknown;
}

/** More follow-ups than this for one command is a loop without wait state. */
const MAX_FOLLOW_UPS = 100_000;

export class StreamProcessor {
  constructor(
    private readonly state: EngineState,
    private readonly ctx: ProcessingContext,
    private readonly processors: CommandProcessorTable,
    private readonly logger: pino.Logger,
  ) {}

  /** Returns false when the command failed with an exception (and was rolled back). */
  process(queued: QueuedCommand, responder: CommandResponder | undefined): boolean {
    const { ctx, state } = this;
    const journalMark = state.journal.mark();
    const logMark = state.log.mark();
    const effectsMark = ctx.sideEffectMark();
    const root = ctx.writers.appendCommand(queued);
    ctx.root = root;
    ctx.responder = responder;
    try {
      this.dispatch(root);
      let followUps = 0;
      for (let next = ctx.writers.takeFollowUp(); next; next = ctx.writers.takeFollowUp()) {
        if (++followUps > MAX_FOLLOW_UPS) {
          throw new Error(
            `more than ${MAX_FOLLOW_UPS} follow-up commands: a loop without wait state`,
          );
        }
        this.dispatch(next);
      }
      return true;
    } catch (error) {
      state.journal.rollbackTo(journalMark);
      state.log.rollbackTo(logMark);
      ctx.writers.dropFollowUps();
      ctx.dropSideEffects(effectsMark);
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error(
        { err: error, valueType: queued.valueType, intent: queued.intent, key: queued.key },
        'command processing failed',
      );
      const command = ctx.writers.appendCommand(queued);
      const reason = `Expected to process record '${queued.valueType} ${queued.intent}' without errors, but exception occurred with message '${message}'.`;
      ctx.writers.appendRejection(command, 'PROCESSING_ERROR', reason);
      if (responder) {
        responder.deferred = false;
        responder.response = {
          ok: false,
          rejection: { intent: queued.intent, type: 'PROCESSING_ERROR', reason },
        };
      }
      return false;
    } finally {
      ctx.root = undefined;
      ctx.current = undefined;
      ctx.responder = undefined;
    }
  }

  private dispatch(command: TypedCommand): void {
    this.ctx.current = command;
    this.ctx.writers.sourcePosition = command.position;
    const processor = this.processors.get(commandId(command.valueType, command.intent));
    if (!processor)
      throw new Error(`No processor for command ${command.valueType} ${command.intent}`);
    processor.process(command as never, this.ctx);
  }
}
