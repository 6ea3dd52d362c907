/** `npm run migrate`: brings the server's schema up to date (the engine migrates its own on start). */
import { loadConfig } from '../config';
import { migrateServer, openServerDatabase } from './database';

const loaded = loadConfig();
if (!loaded.ok) {
  process.stderr.write(`${loaded.message}\n`);
  process.exit(1);
}
const db = await openServerDatabase(loaded.config);
try {
  const applied = await migrateServer(db);
  process.stdout.write(
    applied.length ? `applied: ${applied.join(', ')}\n` : 'already up to date\n',
  );
} finally {
  await db.close();
}
