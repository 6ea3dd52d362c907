/** The stored resources behind deployed definitions, for the loaders that parse them at start. */
import type { Knex } from 'knex';

export interface DeployedResource {
  key: string;
  resource_name: string;
  content: string;
}

/**
 * Groups the definition keys by the resource they were deployed from, and reads those resources
 * in one query. `keysOf(resource.key)` answers the definitions parsed from a resource.
 */
export async function readDeployedResources(
  knex: Knex,
  definitions: Iterable<{ key: string; resourceKey: string }>,
): Promise<{ resources: DeployedResource[]; keysOf: (resourceKey: string) => string[] }> {
  const byResource = new Map<string, string[]>();
  for (const definition of definitions) {
    const keys = byResource.get(definition.resourceKey) ?? [];
    keys.push(definition.key);
    byResource.set(definition.resourceKey, keys);
  }
  const keysOf = (resourceKey: string) => byResource.get(String(resourceKey)) ?? [];
  if (byResource.size === 0) return { resources: [], keysOf };
  const resources = (await knex
    .withSchema('engine')
    .from('resources')
    .whereIn('key', [...byResource.keys()])
    .select('key', 'resource_name', 'content')) as DeployedResource[];
  return { resources, keysOf };
}
