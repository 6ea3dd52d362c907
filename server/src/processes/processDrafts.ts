/**
 * Drafts: one per designer, service and engine tenant, with a revision for optimistic
 * concurrency. A save names the revision it replaces (0: none yet); if the stored draft has
 * another revision (saved meanwhile in another window), nothing is written and the caller
 * gets DraftConflictError.
 */
import type { Knex } from 'knex';
import { DraftConflictError } from './process.errors';
import { readResources, type ProcessResource } from './processResources';

export interface DraftKey {
  serviceId: string;
  engineTenantId: string;
  staffUserId: string;
}

export interface Draft {
  revision: number;
  resources: ProcessResource[];
  baseDeploymentKey: string | null;
  updatedAt: string;
}

interface DraftRow {
  revision: number;
  resources: unknown;
  base_deployment_key: string | null;
  updated_at: Date | string;
}

const where = (key: DraftKey) => ({
  service_id: key.serviceId,
  engine_tenant_id: key.engineTenantId,
  staff_user_id: key.staffUserId,
});

function toDraft(row: DraftRow): Draft {
  return {
    revision: row.revision,
    resources: readResources(row.resources),
    baseDeploymentKey: row.base_deployment_key,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export async function findDraft(db: Knex, key: DraftKey): Promise<Draft | undefined> {
  const row = (await db('public.process_drafts').where(where(key)).first()) as DraftRow | undefined;
  return row ? toDraft(row) : undefined;
}

/** Writes the draft if its revision is still `expected`; answers the stored draft. */
export async function saveDraft(
  db: Knex,
  key: DraftKey,
  expected: number,
  resources: readonly ProcessResource[],
  baseDeploymentKey: string | null,
): Promise<Draft> {
  const values = {
    revision: expected + 1,
    resources: JSON.stringify(resources),
    updated_at: new Date(),
  };
  const rows = (
    expected === 0
      ? await db('public.process_drafts')
          .insert({ ...where(key), ...values, base_deployment_key: baseDeploymentKey })
          .onConflict(['service_id', 'engine_tenant_id', 'staff_user_id'])
          .ignore()
          .returning('*')
      : await db('public.process_drafts')
          .where({ ...where(key), revision: expected })
          .update(values)
          .returning('*')
  ) as DraftRow[];
  const row = rows[0];
  if (!row) throw new DraftConflictError(`draft revision ${expected} is not the stored one`);
  return toDraft(row);
}

/** Deletes the draft (at `revision` when given); answers whether one was deleted. */
export async function deleteDraft(db: Knex, key: DraftKey, revision?: number): Promise<boolean> {
  const q = db('public.process_drafts').where(where(key));
  if (revision !== undefined) q.andWhere({ revision });
  // `returning` rather than the row count: the PGlite driver does not answer counts.
  return ((await q.delete().returning('revision')) as unknown[]).length > 0;
}
