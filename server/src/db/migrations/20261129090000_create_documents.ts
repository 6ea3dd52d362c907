import type { Knex } from 'knex';

/**
 * Documents of a case: uploads of citizens and staff, and the decisions, certificates and
 * invoices the workers generate. Metadata in `documents`, the bytes in `document_contents`
 * (bytea, keyed by our own storage name), so a document and its content are written in one
 * transaction and listing a case never reads the blobs. `case_id` gets its foreign key when
 * the cases table exists.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').createTable('documents', (table) => {
    table.uuid('id').primary();
    table.string('tenant_id', 64).notNullable();
    table.text('case_id').notNullable();
    table
      .enu('kind', ['upload', 'decision', 'certificate', 'invoice'], {
        useNative: false,
        enumName: 'document_kind',
      })
      .notNullable();
    table.string('storage_name', 64).notNullable().unique();
    table.string('original_name', 255).nullable();
    table.string('media_type', 100).notNullable();
    table.integer('size_bytes').notNullable();
    table.string('sha256', 64).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.string('created_by', 160).notNullable();
    table.string('idempotency_key', 200).nullable().unique();
    table.index(['tenant_id', 'case_id']);
  });
  await knex.schema.withSchema('public').createTable('document_contents', (table) => {
    table
      .string('storage_name', 64)
      .primary()
      .references('storage_name')
      .inTable('public.documents')
      .onDelete('CASCADE');
    table.binary('content').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').dropTable('document_contents');
  await knex.schema.withSchema('public').dropTable('documents');
}
