/**
 * Zeebe keys for partition 1: (1 << 51) + n, as decimal strings. Keys are handed out from
 * memory; the database holds a high-water mark that is raised a block at a time in the same
 * transaction as the batch that first uses a key past it, so a restart never reuses a key.
 */
import type { Knex } from 'knex';

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

  async flush(trx: Knex.Transaction): Promise<void> {
    if (this.next <= this.reserved) return;
    this.reserved = this.next + BLOCK;
    await trx
      .withSchema('engine')
      .into('key_generator')
      .insert({ partition_id: PARTITION_ID, next_key: this.reserved.toString() })
      .onConflict('partition_id')
      .merge();
  }

  committed(): void {
    this.flushedReserved = this.reserved;
  }

  /** After a failed flush: the reservation did not reach the database. */
  discard(): void {
    this.reserved = this.flushedReserved;
  }
}
