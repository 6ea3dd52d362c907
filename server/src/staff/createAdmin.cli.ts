/**
 * Creates the first administrator (or any administrator) from the command line, for a new
 * installation where nobody can log in yet:
 *
 *   printf '%s' "$PASSWORD" | npx tsx server/src/staff/createAdmin.cli.ts <username> <email> [tenant ...]
 *
 * The password is read from standard input (never from the command line, where `ps` shows
 * it); the tenants default to `kanton`, whose administrators administer every tenant. Uses
 * the server's configuration (DATABASE_URL or DATA_DIR); with the embedded PGlite the server
 * must be stopped first, as PGlite allows one process only.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { loadConfig } from '../config';
import { migrateServer, openServerDatabase } from '../db/database';
import { tenantIdSchema, TenantService } from '../tenants/tenant.service';
import { replaceMemberships } from './memberships';
import { hashPassword } from './password';
import { emailSchema, passwordSchema, usernameSchema } from './staff.schemas';

const argsSchema = z.object({
  username: usernameSchema,
  email: emailSchema,
  tenants: z.array(tenantIdSchema).min(1),
  password: passwordSchema,
});

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const [username, email, ...tenants] = process.argv.slice(2);
if (!username || !email) {
  fail('usage: createAdmin.cli.ts <username> <email> [tenant ...]  (password on standard input)');
}
const loaded = loadConfig();
if (!loaded.ok) fail(loaded.message);
const parsed = argsSchema.safeParse({
  username,
  email,
  tenants: tenants.length ? tenants : ['kanton'],
  password: await readStdin(),
});
if (!parsed.success) {
  const issue = parsed.error.issues[0];
  fail(`invalid ${String(issue?.path[0] ?? 'input')}: ${issue?.message ?? ''}`);
}
const input = parsed.data;

const db = await openServerDatabase(loaded.config);
try {
  await migrateServer(db);
  const tenantService = new TenantService(db.knex);
  await tenantService.sync();
  const known = await tenantService.existing(input.tenants);
  const unknown = input.tenants.filter((t) => !known.has(t));
  if (unknown.length) fail(`unknown tenant: ${unknown.join(', ')}`);
  const passwordHash = await hashPassword(input.password);
  const id = randomUUID();
  await db.knex.transaction(async (trx) => {
    const taken = await trx('public.staff_users')
      .where('username', input.username)
      .orWhere('email', input.email)
      .first('id');
    if (taken) fail('user name or e-mail address already in use');
    await trx('public.staff_users').insert({
      id,
      username: input.username,
      email: input.email,
      display_name: input.username,
      password_hash: passwordHash,
    });
    await replaceMemberships(
      trx,
      id,
      [],
      input.tenants.map((tenantId) => ({ tenantId, roles: ['admin'], groups: [] })),
    );
    for (const tenantId of input.tenants) {
      await new AuditService(trx).record(
        {
          actor: { type: 'system', id: 'cli:create-admin' },
          tenantId,
          action: 'staff_user.create',
          objectType: 'staff_user',
          objectId: id,
        },
        trx,
      );
    }
  });
  process.stdout.write(`created administrator ${input.username} (${input.tenants.join(', ')})\n`);
} finally {
  await db.close();
}
