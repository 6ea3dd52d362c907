/**
 * Tenants: the canton and its municipalities. `syncTenants` brings the table in step with
 * `municipalities.json` at every start (idempotent, one transaction): new or renamed entries
 * are written, a municipality that left the file (a merger) is deactivated but kept, because
 * cases and staff still refer to it.
 */
import fs from 'node:fs';
import type { Knex } from 'knex';
import { z } from 'zod';

export type TenantKind = 'canton' | 'municipality';

export interface Tenant {
  id: string;
  kind: TenantKind;
  name: string;
  /** BFS number (Gemeindenummer) of a municipality; null for the canton. */
  bfsNumber: number | null;
  /** Wahlkreis of a municipality; null for the canton. */
  district: string | null;
  active: boolean;
}

/** Zeebe tenant ids: lower-case letters, digits and hyphens, at most 31 characters. */
export const tenantIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,30}$/, 'must be a tenant id (a-z, 0-9, -; at most 31 characters)');

const fileSchema = z.object({
  canton: z.object({ id: tenantIdSchema, name: z.string().min(1) }),
  municipalities: z
    .array(
      z.object({
        id: tenantIdSchema,
        name: z.string().min(1),
        bfsNumber: z.number().int().min(1).max(9999),
        district: z.string().min(1),
      }),
    )
    .min(1),
});

/** The tenants the file lists, canton first. Throws on a malformed file (a bug, caught by tests). */
export function tenantsFromFile(
  file: URL = new URL('./municipalities.json', import.meta.url),
): Tenant[] {
  const data = fileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  return [
    { ...data.canton, kind: 'canton', bfsNumber: null, district: null, active: true },
    ...data.municipalities.map((m) => ({ ...m, kind: 'municipality' as const, active: true })),
  ];
}

interface TenantRow {
  id: string;
  kind: TenantKind;
  name: string;
  bfs_number: number | string | null;
  district: string | null;
  active: boolean;
}

function toTenant(row: TenantRow): Tenant {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    bfsNumber: row.bfs_number === null ? null : Number(row.bfs_number),
    district: row.district,
    active: row.active,
  };
}

const collator = new Intl.Collator('de-CH');

export class TenantService {
  constructor(private readonly knex: Knex) {}

  /** Writes the file's tenants; deactivates municipalities no longer in it. */
  async sync(tenants: Tenant[] = tenantsFromFile()): Promise<void> {
    const values = tenants.map(() => '(?, ?, ?, ?, ?, true)').join(', ');
    const bindings = tenants.flatMap((t) => [t.id, t.kind, t.name, t.bfsNumber, t.district]);
    await this.knex.transaction(async (trx) => {
      await trx.raw(
        `insert into public.tenants as t (id, kind, name, bfs_number, district, active)
         values ${values}
         on conflict (id) do update set
           kind = excluded.kind, name = excluded.name, bfs_number = excluded.bfs_number,
           district = excluded.district, active = true, updated_at = now()
         where (t.kind, t.name, t.bfs_number, t.district, t.active)
           is distinct from (excluded.kind, excluded.name, excluded.bfs_number, excluded.district, true)`,
        bindings,
      );
      await trx('public.tenants')
        .where({ kind: 'municipality', active: true })
        .whereNotIn(
          'id',
          tenants.map((t) => t.id),
        )
        .update({ active: false, updated_at: trx.fn.now() });
    });
  }

  /** Active tenants, the canton first, then by name (de-CH collation). */
  async list(filter: { kind?: TenantKind | undefined } = {}): Promise<Tenant[]> {
    const query = this.knex<TenantRow>('public.tenants').where('active', true);
    if (filter.kind) query.where('kind', filter.kind);
    const rows = (await query.select('*')) as TenantRow[];
    return rows
      .map(toTenant)
      .sort((a, b) =>
        a.kind === b.kind ? collator.compare(a.name, b.name) : a.kind === 'canton' ? -1 : 1,
      );
  }

  /** An active tenant, or undefined. */
  async get(id: string): Promise<Tenant | undefined> {
    const row = (await this.knex<TenantRow>('public.tenants')
      .where({ id, active: true })
      .first()) as TenantRow | undefined;
    return row ? toTenant(row) : undefined;
  }

  /** Which of the ids are active tenants. */
  async existing(ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = (await this.knex('public.tenants')
      .whereIn('id', [...new Set(ids)])
      .andWhere('active', true)
      .select('id')) as { id: string }[];
    return new Set(rows.map((row) => row.id));
  }
}
