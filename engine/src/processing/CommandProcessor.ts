import type { ProcessingContext } from './ProcessingContext';
import type { TypedCommand } from './Writers';

/** Decides one command (Zeebe's TypedRecordProcessor): reject it, or write events. */
export interface CommandProcessor<V extends object = object> {
  process(command: TypedCommand<V>, ctx: ProcessingContext): void;
}
