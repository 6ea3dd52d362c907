/**
 * Zeebe keys for partition 1: (1 << 51) + n, as decimal strings. Keys are handed out from
 * memory; the database holds a high-water mark that is raised a block at a time in the same
 * transaction as the batch that first uses a key past it, so a restart never reuses a key.
 */
import type { Knex } from 'knex';
import type { SqlStatement } from './store/Table';

const PARTITION_ID = 1;
const FIRST_KEY = (1n << 51n) + 1n;
const BLOCK = 10_000n;

export class KeyGenerator {
  private next = FIRST_KEY;
  /** Keys below this are covered by the stored high-water mark. */
  private reserved = FIRST_KEY;
  private flushedReserved = FIRST_KEY;

  nextKey(): string {
    const key = this.next;
    this.next += 1n;
    return key.toString();
  }

  async load(knex: Knex): Promise<void> {
    const row = (await knex
      .withSchema('engine')
      .from('key_generator')
      .where('partition_id', PARTITION_ID)
      .first('next_key')) as { next_key: string } | undefined;
    this.next = row ? BigInt(row.next_key) : FIRST_KEY;
    this.reserved = this.next;
    this.flushedReserved = this.next;
  }

  /** Raises the stored high-water mark when keys past it were handed out. */
  statements(): SqlStatement[] {
    if (this.next <= this.reserved) return [];
    this.reserved = this.next + BLOCK;
    return [
      {
        sql: 'insert into engine.key_generator (partition_id, next_key) values (?, ?::bigint) on conflict (partition_id) do update set next_key = excluded.next_key',
        bindings: [PARTITION_ID, this.reserved.toString()],
      },
    ];
  }

  committed(): void {
    this.flushedReserved = this.reserved;
  }

  /** After a failed flush: the reservation did not reach the database. */
  discard(): void {
    this.reserved = this.flushedReserved;
  }
}
