/**
 * Only one engine may write schema `engine`: a PostgreSQL session advisory lock held on a
 * dedicated connection for the engine's lifetime. PGlite has one connection and no other
 * process can reach it, so there is nothing to lock.
 */
import type { Knex } from 'knex';

/** "SPENGINE" in ASCII, as a lock id. */
const LOCK_ID = '6003298637271795525';

export class EngineLock {
  private constructor(
    private readonly knex: Knex,
    private readonly connection: unknown,
  ) {}

  static async acquire(knex: Knex): Promise<EngineLock> {
    const client = knex.client as {
      config: { client?: unknown };
      acquireConnection(): Promise<unknown>;
      releaseConnection(c: unknown): Promise<void>;
    };
    if (client.config.client !== 'pg') return new EngineLock(knex, undefined);
    const connection = await client.acquireConnection();
    const result = (await knex
      .raw('select pg_try_advisory_lock(?::bigint) as locked', [LOCK_ID])
      .connection(connection as never)) as { rows: { locked: boolean }[] };
    if (!result.rows[0]?.locked) {
      await client.releaseConnection(connection);
      throw new Error(
        'Another engine is already running on this database (PostgreSQL advisory lock 6003298637271795525 is held); only one engine may run per database',
      );
    }
    return new EngineLock(knex, connection);
  }

  async release(): Promise<void> {
    if (this.connection === undefined) return;
    const client = this.knex.client as { releaseConnection(c: unknown): Promise<void> };
    try {
      await this.knex
        .raw('select pg_advisory_unlock(?::bigint)', [LOCK_ID])
        .connection(this.connection as never);
    } finally {
      await client.releaseConnection(this.connection);
    }
  }
}
