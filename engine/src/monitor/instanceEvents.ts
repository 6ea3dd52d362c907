/**
 * The events one process instance's detail is folded from, read in log order through the
 * (process_instance_key, position) index.
 */
import type { Knex } from 'knex';
import { jsonColumn, keyColumn, numberColumn, textColumn } from '../state/store/columns';

export interface LoggedEvent {
  position: number;
  key: string;
  valueType: string;
  intent: string;
  timestamp: number;
  value: Record<string, unknown>;
}

const DETAIL_VALUE_TYPES = ['PROCESS_INSTANCE', 'VARIABLE', 'INCIDENT'];

export async function readInstanceEvents(
  knex: Knex | Knex.Transaction,
  processInstanceKey: string,
): Promise<LoggedEvent[]> {
  const rows = (await knex
    .withSchema('engine')
    .from('records')
    .select('position', 'key', 'value_type', 'intent', 'timestamp', 'value')
    .where('process_instance_key', processInstanceKey)
    .where('record_type', 'EVENT')
    .whereIn('value_type', DETAIL_VALUE_TYPES)
    .orderBy('position')) as Record<string, unknown>[];
  return rows.map((row) => ({
    position: numberColumn(row.position),
    key: keyColumn(row.key),
    valueType: textColumn(row.value_type),
    intent: textColumn(row.intent),
    timestamp: numberColumn(row.timestamp),
    value: jsonColumn<Record<string, unknown>>(row.value),
  }));
}
