/**
 * Case reference numbers `LU-YYYY-NNNNNN`: a counter per year (Swiss time), taken inside the
 * transaction that inserts the case. The upsert locks the year's row until that transaction
 * ends, so numbers are unique; a rolled-back submission (e.g. an Idempotency-Key replay that
 * lost the race) gives its number back, so there are no gaps from retries.
 */
import type { Knex } from 'knex';

export function referenceYear(at: Date): number {
  return Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Europe/Zurich', year: 'numeric' }).format(at),
  );
}

export async function nextCaseReference(trx: Knex.Transaction, at: Date): Promise<string> {
  const year = referenceYear(at);
  const result = (await trx.raw(
    `insert into public.case_reference_counters (year, last_value) values (?, 1)
     on conflict (year) do update set last_value = public.case_reference_counters.last_value + 1
     returning last_value`,
    [year],
  )) as { rows: { last_value: number | string }[] };
  const value = Number(result.rows[0]?.last_value);
  return `LU-${year}-${String(value).padStart(6, '0')}`;
}
