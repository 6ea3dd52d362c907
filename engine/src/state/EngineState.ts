/**
 * All engine state in memory — the complete live content of schema `engine`, loaded at start —
 * with an undo journal (to drop one failed command) and change tracking (to flush a batch in
 * one transaction). Processors read it; only appliers change it.
 */
import type { Knex } from 'knex';
import { ElementInstanceState } from './ElementInstanceState';
import { EventTriggerState } from './EventTriggerState';
import { IncidentState } from './IncidentState';
import { JobState } from './JobState';
import { KeyGenerator } from './KeyGenerator';
import { MessageState } from './MessageState';
import { MessageSubscriptionState } from './MessageSubscriptionState';
import { ProcessState } from './ProcessState';
import { RecordLog } from './RecordLog';
import { Journal } from './store/Journal';
import type { StoredTable } from './store/Table';
import { TimerState } from './TimerState';
import { VariableState } from './VariableState';

export class EngineState {
  readonly journal = new Journal();
  readonly keys = new KeyGenerator();
  readonly log = new RecordLog();
  readonly processes = new ProcessState(this.journal);
  readonly elementInstances = new ElementInstanceState(this.journal);
  readonly variables = new VariableState(this.journal, this.elementInstances);
  readonly eventTriggers = new EventTriggerState(this.journal);
  readonly jobs = new JobState(this.journal);
  readonly messages = new MessageState(this.journal);
  readonly subscriptions = new MessageSubscriptionState(this.journal);
  readonly timers = new TimerState(this.journal);
  readonly incidents = new IncidentState(this.journal);

  private tables(): StoredTable[] {
    return [
      ...this.processes.tables(),
      ...this.elementInstances.tables(),
      ...this.variables.tables(),
      ...this.eventTriggers.tables(),
      ...this.jobs.tables(),
      ...this.messages.tables(),
      ...this.subscriptions.tables(),
      ...this.timers.tables(),
      ...this.incidents.tables(),
    ];
  }

  /** Loads everything live from the database (process models are parsed separately). */
  async load(knex: Knex): Promise<void> {
    this.journal.clear();
    this.processes.clearModels();
    await this.keys.load(knex);
    await this.log.load(knex);
    for (const table of this.tables()) await table.load(knex);
  }

  /** Writes the batch: records, changed rows and the key high-water mark. */
  async flush(trx: Knex.Transaction): Promise<void> {
    await this.keys.flush(trx);
    await this.log.flush(trx);
    for (const table of this.tables()) await table.flush(trx);
  }

  committed(): void {
    this.keys.committed();
    this.log.committed();
    for (const table of this.tables()) table.committed();
    this.journal.clear();
  }
}
