/**
 * The gRPC protocol has no queries: a client learns incident keys from Operate or an exporter.
 * Tests read them from the engine's record log (`engine.records`), as the monitoring views do.
 */
import type { TestEngine } from '../harness';

/** The key of the latest incident created in the instance, if any. */
export async function incidentKeyOf(
  t: TestEngine,
  processInstanceKey: string,
): Promise<string | undefined> {
  const row = (await t.knex
    .withSchema('engine')
    .from('records')
    .where({
      process_instance_key: processInstanceKey,
      value_type: 'INCIDENT',
      record_type: 'EVENT',
      intent: 'CREATED',
    })
    .orderBy('position', 'desc')
    .first('key')) as { key: string } | undefined;
  return row?.key;
}
