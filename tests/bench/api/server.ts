/**
 * The server under test, in its own process (forked by api.bench.ts, so that autocannon does
 * not share its event loop): the portal world of the acceptance tests on a fresh PostgreSQL
 * database, a clerk signed in. It tells its parent where it listens, then answers:
 *
 *   { cmd: 'explain', path }  → { plan } the inbox query of one GET `path`, EXPLAIN (ANALYZE, BUFFERS)
 *   { cmd: 'stop' }           → stops the server (and drops the database), exits
 */
import { startPortalWorld } from '../../api/acceptance/support';
import { inboxPlan } from './inboxPlan';

export interface Started {
  kind: 'started';
  baseUrl: string;
  /** knex's connection settings of the server's database. */
  connection: Record<string, unknown>;
  cookie: string;
}

export type Command = { cmd: 'explain'; path: string } | { cmd: 'stop' };

const world = await startPortalWorld({ LOG_LEVEL: 'silent' });
const anna = await world.as('anna');
const { connectionSettings } = world.server.knex.client as {
  connectionSettings: Record<string, unknown>;
};
process.send?.({
  kind: 'started',
  baseUrl: world.server.baseUrl,
  connection: connectionSettings,
  cookie: anna.cookieHeader(),
} satisfies Started);

// The bench is gone (it failed): stop too.
process.on('disconnect', () => {
  void world.stop().finally(() => process.exit(1));
});

process.on('message', (message: Command) => {
  void (async () => {
    if (message.cmd === 'explain') {
      const explained = await inboxPlan(world.server.knex, () => anna.get(message.path));
      process.send?.({ kind: 'plan', ...explained });
    } else {
      await world.stop();
      process.exit(0);
    }
  })();
});
