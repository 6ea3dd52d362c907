/**
 * The history of one process instance: its records in log order (commands, events and
 * rejections), paged by position through the (process_instance_key, position) index.
 */
import type { Knex } from 'knex';
import { jsonColumn, keyColumn, numberColumn, textColumn } from '../state/store/columns';
import { afterOf, checkKey, limitOf, toPage } from './page';
import type { MonitoredRecord, MonitorPage, PageQuery } from './types';

export async function readHistory(
  knex: Knex,
  processInstanceKey: string,
  query: PageQuery,
): Promise<MonitorPage<MonitoredRecord>> {
  const limit = limitOf(query);
  const after = afterOf(query);
  const q = knex
    .withSchema('engine')
    .from('records')
    .where('process_instance_key', checkKey('processInstanceKey', processInstanceKey));
  if (after !== undefined) q.where('position', '>', after);
  const rows = (await q.orderBy('position').limit(limit + 1)) as Record<string, unknown>[];
  return toPage(rows.map(toRecord), limit, (record) => String(record.position));
}

function toRecord(row: Record<string, unknown>): MonitoredRecord {
  return {
    position: numberColumn(row.position),
    sourceRecordPosition: numberColumn(row.source_record_position),
    key: keyColumn(row.key),
    recordType: textColumn(row.record_type),
    valueType: textColumn(row.value_type),
    intent: textColumn(row.intent),
    rejectionType: (row.rejection_type as string | null) ?? null,
    rejectionReason: (row.rejection_reason as string | null) ?? null,
    timestamp: numberColumn(row.timestamp),
    value: jsonColumn<Record<string, unknown>>(row.value),
  };
}
