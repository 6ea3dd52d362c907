/**
 * What processors write (Zeebe's Writers): events, which are applied to the state at once,
 * follow-up commands, which the stream processor processes after the current command, and
 * rejections. Everything goes to the record log of the batch.
 */
import { applyEvent } from '../state/appliers/EventAppliers';
import type { EngineState } from '../state/EngineState';
import type { EngineRecord, ValueType } from '../state/protocol/records';
import type { RejectionType } from '../api';

export interface TypedCommand<V extends object = object> extends EngineRecord {
  value: V;
  /** In-memory payload a record cannot carry (parsed resources of a deployment). */
  attachment?: unknown;
}

export class Writers {
  private readonly followUps: TypedCommand[] = [];
  private next = 0;
  /** Position of the command being processed (sourceRecordPosition of what it writes). */
  sourcePosition = -1;
  timestamp = 0;

  constructor(private readonly state: EngineState) {}

  appendEvent<V extends object>(
    key: string,
    valueType: ValueType,
    intent: string,
    value: V,
    attachment?: unknown,
  ): EngineRecord {
    const record = this.state.log.append({
      sourceRecordPosition: this.sourcePosition,
      key,
      recordType: 'EVENT',
      valueType,
      intent,
      value,
      timestamp: this.timestamp,
    });
    applyEvent(this.state, record, attachment);
    return record;
  }

  appendFollowUpCommand<V extends object>(
    key: string,
    valueType: ValueType,
    intent: string,
    value: V,
  ): void {
    const record = this.state.log.append({
      sourceRecordPosition: this.sourcePosition,
      key,
      recordType: 'COMMAND',
      valueType,
      intent,
      value,
      timestamp: this.timestamp,
    });
    this.followUps.push(record as TypedCommand);
  }

  appendRejection(command: TypedCommand, type: RejectionType, reason: string): void {
    this.state.log.append({
      sourceRecordPosition: command.position,
      key: command.key,
      recordType: 'COMMAND_REJECTION',
      valueType: command.valueType,
      intent: command.intent,
      value: command.value,
      rejectionType: type,
      rejectionReason: reason,
      timestamp: this.timestamp,
    });
  }

  /** Appends an external command to the log; it is processed right away. */
  appendCommand(command: {
    key: string;
    valueType: ValueType;
    intent: string;
    value: object;
    attachment?: unknown;
  }): TypedCommand {
    const record = this.state.log.append({
      sourceRecordPosition: -1,
      key: command.key,
      recordType: 'COMMAND',
      valueType: command.valueType,
      intent: command.intent,
      value: command.value,
      timestamp: this.timestamp,
    });
    return { ...record, attachment: command.attachment };
  }

  /** Follow-up commands written but not processed yet (tokens in flight, for joining gateways). */
  pendingFollowUps(): readonly TypedCommand[] {
    return this.followUps.slice(this.next);
  }

  takeFollowUp(): TypedCommand | undefined {
    if (this.next >= this.followUps.length) {
      this.followUps.length = 0;
      this.next = 0;
      return undefined;
    }
    return this.followUps[this.next++];
  }

  dropFollowUps(): void {
    this.followUps.length = 0;
    this.next = 0;
  }
}
