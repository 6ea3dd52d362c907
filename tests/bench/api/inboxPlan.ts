/**
 * The plan of the inbox page query as the server runs it: the query is captured from the
 * server's knex while one inbox request is answered, then run again under
 * EXPLAIN (ANALYZE, BUFFERS).
 */
import type { Knex } from 'knex';

interface QueryEvent {
  sql: string;
  bindings?: readonly unknown[];
}

export async function inboxPlan(
  knex: Knex,
  request: () => Promise<unknown>,
): Promise<{ plan: string; indexScans: number; seqScans: string[] }> {
  const seen: QueryEvent[] = [];
  const listener = (event: QueryEvent) => seen.push(event);
  knex.on('query', listener);
  try {
    await request();
  } finally {
    knex.off('query', listener);
  }
  // Requests of a finished load run may still be answered: take the last page query seen.
  const query = seen.filter((event) => event.sql.includes('with page as')).pop();
  if (!query) throw new Error('the inbox query was not seen');
  const result = (await knex.raw(`explain (analyze, buffers) ${toKnexPlaceholders(query.sql)}`, [
    ...(query.bindings ?? []),
  ] as Knex.RawBinding[])) as { rows: { 'QUERY PLAN': string }[] };
  const plan = result.rows.map((row) => row['QUERY PLAN']).join('\n');
  return {
    plan,
    indexScans: (plan.match(/Index (Only )?Scan/g) ?? []).length,
    seqScans: plan.match(/Seq Scan on \S+/g) ?? [],
  };
}

/** The event shows pg's `$1` placeholders; knex.raw wants `?` (and `??` stays an identifier). */
function toKnexPlaceholders(sql: string): string {
  return sql.replace(/\$\d+/g, '?');
}
