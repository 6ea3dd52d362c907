/**
 * One engine table held in memory: the complete live content of its database table (the engine
 * is the only writer of schema `engine`), with the changes since the last flush tracked so the
 * batch can be written with multi-row statements. Values are immutable: change a row by putting
 * a new object.
 */
import type { Knex } from 'knex';
import type { Journal } from './Journal';

export type Row = Record<string, unknown>;

export interface TableSpec<V> {
  /** Table name in schema `engine`. */
  name: string;
  /** Primary key columns (used for upserts and deletes). */
  keyColumns: string[];
  keyOf(value: V): string;
  toRow(value: V): Row;
  fromRow(row: Row): V;
  /** Restricts what is loaded at start (e.g. only running process instances). */
  loadFilter?: (query: Knex.QueryBuilder) => Knex.QueryBuilder;
  /** After a flush, values for which this is false leave memory (they stay in the database). */
  keepInMemory?: (value: V) => boolean;
}

export interface TableIndex<V> {
  onPut(key: string, value: V, previous: V | undefined): void;
  onDelete(key: string, previous: V): void;
  clear(): void;
}

/** What the state needs of every table, whatever its value type. */
/** One SQL statement with `?` bindings. */
export interface SqlStatement {
  sql: string;
  bindings: unknown[];
}

export interface StoredTable {
  readonly spec: { name: string };
  load(knex: Knex): Promise<void>;
  statements(): SqlStatement[];
  committed(): void;
  clear(): void;
}

export class Table<V> implements StoredTable {
  private rows = new Map<string, V>();
  /** Changes since the last flush: the new value, or null for a delete. */
  private dirty = new Map<string, V | null>();
  /** Keys that exist in the database. */
  private persisted = new Set<string>();
  private readonly indexes: TableIndex<V>[] = [];

  constructor(
    readonly spec: TableSpec<V>,
    private readonly journal: Journal,
  ) {}

  addIndex<I extends TableIndex<V>>(index: I): I {
    this.indexes.push(index);
    return index;
  }

  get(key: string): V | undefined {
    return this.rows.get(key);
  }

  has(key: string): boolean {
    return this.rows.has(key);
  }

  values(): IterableIterator<V> {
    return this.rows.values();
  }

  get size(): number {
    return this.rows.size;
  }

  put(value: V): void {
    const key = this.spec.keyOf(value);
    const previous = this.rows.get(key);
    this.journal.record(() => this.restore(key, previous));
    this.set(key, value, previous);
  }

  delete(key: string): void {
    const previous = this.rows.get(key);
    if (previous === undefined) return;
    this.journal.record(() => this.restore(key, previous));
    this.remove(key, previous);
  }

  private restore(key: string, value: V | undefined): void {
    const current = this.rows.get(key);
    if (value === undefined) {
      if (current !== undefined) this.remove(key, current);
    } else {
      this.set(key, value, current);
    }
  }

  private set(key: string, value: V, previous: V | undefined): void {
    this.rows.set(key, value);
    this.dirty.set(key, value);
    for (const index of this.indexes) index.onPut(key, value, previous);
  }

  private remove(key: string, previous: V): void {
    this.rows.delete(key);
    if (this.persisted.has(key)) this.dirty.set(key, null);
    else this.dirty.delete(key);
    for (const index of this.indexes) index.onDelete(key, previous);
  }

  /** Replaces the content with what the database holds. */
  async load(knex: Knex): Promise<void> {
    this.clear();
    this.columnTypes = await readColumnTypes(knex, this.spec.name);
    let query = knex.withSchema('engine').from(this.spec.name).select('*');
    if (this.spec.loadFilter) query = this.spec.loadFilter(query);
    const rows = (await query) as Row[];
    for (const row of rows) {
      const value = this.spec.fromRow(row);
      const key = this.spec.keyOf(value);
      this.rows.set(key, value);
      this.persisted.add(key);
      for (const index of this.indexes) index.onPut(key, value, undefined);
    }
  }

  clear(): void {
    this.rows = new Map();
    this.dirty = new Map();
    this.persisted = new Set();
    for (const index of this.indexes) index.clear();
  }

  get hasChanges(): boolean {
    return this.dirty.size > 0;
  }

  /**
   * The statements that write the changes since the last flush: at most one delete and one
   * upsert, each with the rows as a single JSON parameter (jsonb_to_recordset) — much cheaper
   * to send and parse than thousands of bound values. EngineState runs them all as one
   * statement.
   */
  statements(): SqlStatement[] {
    if (this.dirty.size === 0) return [];
    const deletes: string[][] = [];
    const upserts: Row[] = [];
    for (const [key, value] of this.dirty) {
      if (value === null) deletes.push(key.split('|'));
      else upserts.push(this.spec.toRow(value));
    }
    const table = `engine.${this.spec.name}`;
    const keys = this.spec.keyColumns;
    const statements: SqlStatement[] = [];
    if (deletes.length > 0) {
      const keyRows = deletes.map((parts) =>
        Object.fromEntries(keys.map((column, i) => [column, parts[i]])),
      );
      statements.push({
        sql: `delete from ${table} where (${keys.join(', ')}) in (select ${keys.join(', ')} from jsonb_to_recordset(?::jsonb) as x(${this.typed(keys)}))`,
        bindings: [JSON.stringify(keyRows)],
      });
    }
    if (upserts.length > 0) {
      const columns = Object.keys(upserts[0]!);
      const updates = columns.filter((c) => !keys.includes(c)).map((c) => `${c} = excluded.${c}`);
      statements.push({
        sql:
          `insert into ${table} (${columns.join(', ')}) select ${columns.join(', ')} from jsonb_to_recordset(?::jsonb) as x(${this.typed(columns)}) ` +
          `on conflict (${keys.join(', ')}) do ${updates.length > 0 ? `update set ${updates.join(', ')}` : 'nothing'}`,
        bindings: [JSON.stringify(upserts)],
      });
    }
    return statements;
  }

  private columnTypes = new Map<string, string>();

  private typed(columns: string[]): string {
    return columns
      .map((column) => {
        const type = this.columnTypes.get(column);
        if (!type) throw new Error(`Unknown column ${this.spec.name}.${column}`);
        return `${column} ${type}`;
      })
      .join(', ');
  }

  /** After a successful flush: the database now holds what memory holds. */
  committed(): void {
    const keep = this.spec.keepInMemory;
    for (const [key, value] of this.dirty) {
      if (value === null) {
        this.persisted.delete(key);
      } else if (keep && !keep(value)) {
        this.rows.delete(key);
        for (const index of this.indexes) index.onDelete(key, value);
      } else {
        this.persisted.add(key);
      }
    }
    this.dirty = new Map();
  }
}

/** Column name → SQL type of an engine table, as jsonb_to_recordset needs them. */
export async function readColumnTypes(knex: Knex, table: string): Promise<Map<string, string>> {
  const rows = (await knex
    .from('information_schema.columns')
    .where({ table_schema: 'engine', table_name: table })
    .select('column_name', 'data_type')) as { column_name: string; data_type: string }[];
  return new Map(rows.map((row) => [row.column_name, row.data_type]));
}
