/** At start (and after a failed flush): parse the DMN of every deployed DRG into its model. */
import type { Knex } from 'knex';
import type pino from 'pino';
import { transformDmn } from '../dmn';
import type { EngineState } from '../state/EngineState';
import { readDeployedResources } from './readDeployedResources';

export async function loadDecisionModels(
  knex: Knex,
  state: EngineState,
  logger: pino.Logger,
): Promise<void> {
  const { resources, keysOf } = await readDeployedResources(
    knex,
    state.decisions.decisionRequirements.values(),
  );
  for (const resource of resources) {
    const result = await transformDmn(resource.content);
    if (!result.ok) {
      logger.error(
        { resource: resource.resource_name, failure: result.failure },
        'a deployed resource no longer parses',
      );
      continue;
    }
    for (const key of keysOf(resource.key)) {
      state.decisions.setModel(key, result.drg.executable);
    }
  }
  state.journal.clear();
}
