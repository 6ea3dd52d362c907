import type { Knex } from 'knex';

/**
 * Every e-mail the server sends, written before it is sent: queued (not sent yet, e.g. no
 * SMTP_URL), sent, or failed (last_error says why, without credentials). An idempotency key
 * (e.g. the Zeebe job key) makes a retried send reuse its row instead of mailing twice.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').createTable('mail_outbox', (table) => {
    table.uuid('id').primary();
    table.string('tenant_id', 64).notNullable();
    table.text('case_id').nullable();
    table.string('idempotency_key', 200).nullable().unique();
    table.string('to_address', 320).notNullable();
    table.string('subject', 255).notNullable();
    table.text('text_body').notNullable();
    table.text('html_body').nullable();
    table
      .enu('status', ['queued', 'sent', 'failed'], { useNative: false, enumName: 'mail_status' })
      .notNullable()
      .defaultTo('queued');
    table.integer('attempts').notNullable().defaultTo(0);
    table.string('last_error', 1000).nullable();
    table.string('message_id', 255).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('sent_at', { useTz: true }).nullable();
    table.index(['tenant_id', 'created_at']);
    table.index(['status', 'created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('public').dropTable('mail_outbox');
}
