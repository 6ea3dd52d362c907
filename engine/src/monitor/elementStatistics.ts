/**
 * Per-element counts of one process definition over all its instances, for a heatmap: active
 * and incident counts from the live element instances, completed and canceled counts from the
 * ELEMENT_COMPLETED / ELEMENT_TERMINATED events (partial index by process definition key).
 * Not counted: the process element itself, sequence flows, and multi-instance bodies (their
 * inner instances carry the same element id and are counted).
 */
import type { Knex } from 'knex';
import { numberColumn, textColumn } from '../state/store/columns';
import { checkKey } from './page';
import type { ElementStatistics } from './types';

const NOT_COUNTED = "('PROCESS', 'MULTI_INSTANCE_BODY')";

export async function readElementStatistics(
  knex: Knex | Knex.Transaction,
  processDefinitionKey: string,
): Promise<ElementStatistics[]> {
  checkKey('processDefinitionKey', processDefinitionKey);
  const live = (await knex.raw(
    `select e.element_id,
            count(*) filter (where i.element_instance_key is null) as active,
            count(*) filter (where i.element_instance_key is not null) as incidents
       from engine.element_instances e
       left join (select distinct element_instance_key from engine.incidents
                   where process_definition_key = ?) i on i.element_instance_key = e.key
      where e.process_definition_key = ? and e.element_type not in ${NOT_COUNTED}
      group by e.element_id`,
    [processDefinitionKey, processDefinitionKey],
  )) as { rows: Record<string, unknown>[] };
  // the predicate of the partial index records_element_finished_by_definition, as literals
  const finished = (await knex.raw(
    `select value ->> 'elementId' as element_id,
            count(*) filter (where intent = 'ELEMENT_COMPLETED') as completed,
            count(*) filter (where intent = 'ELEMENT_TERMINATED') as canceled
       from engine.records
      where record_type = 'EVENT' and value_type = 'PROCESS_INSTANCE'
        and intent in ('ELEMENT_COMPLETED', 'ELEMENT_TERMINATED')
        and (value ->> 'processDefinitionKey') = ?
        and value ->> 'bpmnElementType' not in ${NOT_COUNTED}
      group by 1`,
    [processDefinitionKey],
  )) as { rows: Record<string, unknown>[] };

  const byElement = new Map<string, ElementStatistics>();
  const entry = (elementId: string): ElementStatistics => {
    let found = byElement.get(elementId);
    if (!found) {
      found = { elementId, active: 0, incidents: 0, completed: 0, canceled: 0 };
      byElement.set(elementId, found);
    }
    return found;
  };
  for (const row of live.rows) {
    const stats = entry(textColumn(row.element_id));
    stats.active = numberColumn(row.active);
    stats.incidents = numberColumn(row.incidents);
  }
  for (const row of finished.rows) {
    const stats = entry(textColumn(row.element_id));
    stats.completed = numberColumn(row.completed);
    stats.canceled = numberColumn(row.canceled);
  }
  return [...byElement.values()].sort((a, b) =>
    a.elementId < b.elementId ? -1 : a.elementId > b.elementId ? 1 : 0,
  );
}
