/**
 * The append-only record log (`engine.records`), like the log Zeebe's exporters read: every
 * command, event and rejection of a batch, written in the batch's transaction.
 */
import type { Knex } from 'knex';
import type { EngineRecord } from './protocol/records';
import type { SqlStatement } from './store/Table';

const COLUMNS =
  'position bigint, source_record_position bigint, key bigint, record_type text, value_type text, intent text, ' +
  'rejection_type text, rejection_reason text, value jsonb, timestamp bigint, process_instance_key bigint, tenant_id text';
const NAMES =
  'position, source_record_position, key, record_type, value_type, intent, rejection_type, rejection_reason, value, timestamp, process_instance_key, tenant_id';

export class RecordLog {
  private lastPosition = 0;
  private pending: EngineRecord[] = [];

  append(record: Omit<EngineRecord, 'position' | 'partitionId'>): EngineRecord {
    const full: EngineRecord = { ...record, position: ++this.lastPosition, partitionId: 1 };
    this.pending.push(full);
    return full;
  }

  mark(): number {
    return this.pending.length;
  }

  rollbackTo(mark: number): void {
    if (mark >= this.pending.length) return;
    this.lastPosition = this.pending[mark]!.position - 1;
    this.pending.length = mark;
  }

  /** Records of the current batch. */
  get batch(): readonly EngineRecord[] {
    return this.pending;
  }

  async load(knex: Knex): Promise<void> {
    const row = (await knex.withSchema('engine').from('records').max('position as max').first()) as
      { max: string | null } | undefined;
    this.lastPosition = row?.max ? Number(row.max) : 0;
    this.pending = [];
  }

  /** One statement, the rows as one JSON parameter (see Table.statements). */
  statements(): SqlStatement[] {
    if (this.pending.length === 0) return [];
    return [
      {
        sql: `insert into engine.records (${NAMES}) select ${NAMES} from jsonb_to_recordset(?::jsonb) as x(${COLUMNS})`,
        bindings: [JSON.stringify(this.pending.map(toRow))],
      },
    ];
  }

  committed(): void {
    this.pending = [];
  }
}

function toRow(record: EngineRecord): Record<string, unknown> {
  const value = record.value as { processInstanceKey?: unknown; tenantId?: unknown };
  const processInstanceKey =
    typeof value.processInstanceKey === 'string' && value.processInstanceKey !== '-1'
      ? value.processInstanceKey
      : null;
  return {
    position: record.position,
    source_record_position: record.sourceRecordPosition,
    key: record.key,
    record_type: record.recordType,
    value_type: record.valueType,
    intent: record.intent,
    rejection_type: record.rejectionType ?? null,
    rejection_reason: record.rejectionReason ?? null,
    value: record.value,
    timestamp: record.timestamp,
    process_instance_key: processInstanceKey,
    tenant_id: typeof value.tenantId === 'string' ? value.tenantId : null,
  };
}
