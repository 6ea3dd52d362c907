/**
 * All engine state in memory — the complete live content of schema `engine`, loaded at start —
 * with an undo journal (to drop one failed command) and change tracking (to flush a batch in
 * one transaction). Processors read it; only appliers change it.
 */
import type { Knex } from 'knex';
import { CompensationSubscriptionState } from './CompensationSubscriptionState';
import { DecisionState } from './DecisionState';
import { ElementInstanceState } from './ElementInstanceState';
import { EventTriggerState } from './EventTriggerState';
import { IncidentState } from './IncidentState';
import { JobState } from './JobState';
import { KeyGenerator } from './KeyGenerator';
import { MessageStartEventSubscriptionState } from './MessageStartEventSubscriptionState';
import { MessageState } from './MessageState';
import { MessageSubscriptionState } from './MessageSubscriptionState';
import { ProcessState } from './ProcessState';
import { RecordLog } from './RecordLog';
import { SignalSubscriptionState } from './SignalSubscriptionState';
import { Journal } from './store/Journal';
import type { SqlStatement, StoredTable } from './store/Table';
import { TimerState } from './TimerState';
import { VariableState } from './VariableState';

export class EngineState {
  readonly journal = new Journal();
  readonly keys = new KeyGenerator();
  readonly log = new RecordLog();
  readonly processes = new ProcessState(this.journal);
  readonly decisions = new DecisionState(this.journal);
  readonly elementInstances = new ElementInstanceState(this.journal);
  readonly variables = new VariableState(this.journal, this.elementInstances);
  readonly eventTriggers = new EventTriggerState(this.journal);
  readonly jobs = new JobState(this.journal);
  readonly messages = new MessageState(this.journal);
  readonly subscriptions = new MessageSubscriptionState(this.journal);
  readonly signals = new SignalSubscriptionState(this.journal);
  readonly messageStarts = new MessageStartEventSubscriptionState(this.journal);
  readonly compensations = new CompensationSubscriptionState(this.journal);
  readonly timers = new TimerState(this.journal);
  readonly incidents = new IncidentState(this.journal);

  private tables(): StoredTable[] {
    return [
      ...this.processes.tables(),
      ...this.decisions.tables(),
      ...this.elementInstances.tables(),
      ...this.variables.tables(),
      ...this.eventTriggers.tables(),
      ...this.jobs.tables(),
      ...this.messages.tables(),
      ...this.subscriptions.tables(),
      ...this.signals.tables(),
      ...this.messageStarts.tables(),
      ...this.compensations.tables(),
      ...this.timers.tables(),
      ...this.incidents.tables(),
    ];
  }

  /** Loads everything live from the database (process models are parsed separately). */
  async load(knex: Knex): Promise<void> {
    this.journal.clear();
    this.processes.clearModels();
    this.decisions.clearModels();
    await this.keys.load(knex);
    await this.log.load(knex);
    for (const table of this.tables()) await table.load(knex);
  }

  /**
   * Writes the batch — records, changed rows and the key high-water mark — as ONE statement
   * (data-modifying CTEs): one round trip and one implicit transaction, all or nothing.
   */
  async flush(knex: Knex): Promise<void> {
    const statements: SqlStatement[] = [
      ...this.keys.statements(),
      ...this.log.statements(),
      ...this.tables().flatMap((table) => table.statements()),
    ];
    if (statements.length === 0) return;
    const [first] = statements;
    if (statements.length === 1 && first) {
      await knex.raw(first.sql, first.bindings as Knex.RawBinding[]);
      return;
    }
    const sql = `with ${statements.map((s, i) => `w${i} as (${s.sql})`).join(', ')} select 1`;
    await knex.raw(sql, statements.flatMap((s) => s.bindings) as Knex.RawBinding[]);
  }

  committed(): void {
    this.keys.committed();
    this.log.committed();
    for (const table of this.tables()) table.committed();
    this.journal.clear();
  }
}
