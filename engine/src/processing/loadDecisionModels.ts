/** At start (and after a failed flush): parse the DMN of every deployed DRG into its model. */
import type { Knex } from 'knex';
import type pino from 'pino';
import { transformDmn } from '../dmn';
import type { EngineState } from '../state/EngineState';

export async function loadDecisionModels(
  knex: Knex,
  state: EngineState,
  logger: pino.Logger,
): Promise<void> {
  const byResource = new Map<string, string[]>();
  for (const drg of state.decisions.decisionRequirements.values()) {
    const keys = byResource.get(drg.resourceKey) ?? [];
    keys.push(drg.key);
    byResource.set(drg.resourceKey, keys);
  }
  if (byResource.size === 0) return;
  const rows = (await knex
    .withSchema('engine')
    .from('resources')
    .whereIn('key', [...byResource.keys()])
    .select('key', 'resource_name', 'content')) as {
    key: string;
    resource_name: string;
    content: string;
  }[];
  for (const row of rows) {
    const result = await transformDmn(row.content);
    if (!result.ok) {
      logger.error(
        { resource: row.resource_name, failure: result.failure },
        'a deployed resource no longer parses',
      );
      continue;
    }
    for (const key of byResource.get(String(row.key)) ?? []) {
      state.decisions.setModel(key, result.drg.executable);
    }
  }
  state.journal.clear();
}
