/**
 * Case reference numbers `LU-YYYY-NNNNNN`: a counter per year (Swiss time).
 *
 * The number is taken in a transaction of its own, committed without waiting for the WAL flush
 * (`synchronous_commit = off`), so the year's counter row is locked for one statement only.
 * Taking it inside the transaction that inserts the case (as before) held that lock through
 * the case and audit inserts and the commit's flush: every submission waited for the one
 * before it (bench:api saw nearly all submissions waiting on that lock). It is still safe:
 * the case is inserted by a later, synchronous commit, whose flush writes the counter's
 * earlier WAL too — a case that was confirmed never loses its number, and a number is never
 * given twice. A number is skipped only when the case insert after it fails: concurrent
 * requests with one Idempotency-Key (all but the winner), a crash in between; submissions one
 * after the other are numbered without gaps.
 */
import type { Knex } from 'knex';

/** Made once: building a DateTimeFormat costs more than formatting (it showed in profiles). */
const SWISS_YEAR = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Zurich', year: 'numeric' });

export function referenceYear(at: Date): number {
  return Number(SWISS_YEAR.format(at));
}

export async function nextCaseReference(knex: Knex, at: Date): Promise<string> {
  const year = referenceYear(at);
  if (knex.client.config.client === 'pg') {
    // One round trip: without bindings node-postgres sends the simple query protocol, whose
    // statements run as one implicit transaction (SET LOCAL applies to it; an error rolls it
    // all back). The year is an integer computed here, not input.
    const results = (await knex.raw(
      `set local synchronous_commit = off; ${takeNumberSql(String(Math.trunc(year)))}`,
    )) as { rows: CounterRow[] }[];
    return format(year, results[1]?.rows[0]);
  }
  // PGlite (one connection, no extended-protocol statement lists): a transaction of its own.
  return knex.transaction(async (trx) => {
    await trx.raw('set local synchronous_commit = off');
    const result = (await trx.raw(takeNumberSql('?'), [year])) as { rows: CounterRow[] };
    return format(year, result.rows[0]);
  });
}

interface CounterRow {
  last_value: number | string;
}

function takeNumberSql(year: string): string {
  return `insert into public.case_reference_counters (year, last_value) values (${year}, 1)
     on conflict (year) do update set last_value = public.case_reference_counters.last_value + 1
     returning last_value`;
}

function format(year: number, row: CounterRow | undefined): string {
  const value = Number(row?.last_value);
  if (!Number.isInteger(value)) throw new Error('case reference: no number taken');
  return `LU-${year}-${String(value).padStart(6, '0')}`;
}
