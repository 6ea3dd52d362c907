/**
 * Starts the whole server (database, migrations, embedded engine over gRPC, HTTP) on random
 * ports against a throw-away database: a fresh PostgreSQL database when DATABASE_URL is set,
 * an embedded PGlite in a temporary DATA_DIR otherwise.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../server/src/config';
import { createLogger } from '../../../server/src/logger';
import { startServer, type RunningServer } from '../../../server/src/server';
import { createTestDatabase } from '../../support/database';

export interface TestServer extends RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceportal-test-'));
  const loaded = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    ENGINE_PORT: '0',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  if (!loaded.ok) throw new Error(loaded.message);
  const server = await startServer(loaded.config, createLogger(loaded.config.logLevel));
  return {
    ...server,
    baseUrl: `http://127.0.0.1:${server.port}`,
    async stop() {
      await server.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
