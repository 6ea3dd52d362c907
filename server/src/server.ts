/**
 * Starts everything `npm start` runs: database and migrations, the embedded engine (unless
 * ZEEBE_ADDRESS points at a Zeebe cluster), the Zeebe client, the HTTP server, and the
 * admin-ui build when it is missing. `close()` shuts down gracefully: stop accepting, let
 * in-flight requests finish, stop the engine, close the pool.
 */
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import { startEngine } from '@serviceportal/engine';
import type { Logger } from 'pino';
import type { Config } from './config';
import { migrateServer, openServerDatabase } from './db/database';
import { createZeebeClient } from './engine/zeebeClient';
import { startAdminUiBuild } from './http/adminUiBuild';
import { createApp } from './http/app';

export interface RunningServer {
  url: string;
  port: number;
  engineAddress: string;
  close(): Promise<void>;
}

const SHUTDOWN_GRACE_MS = 10_000;

export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const db = await openServerDatabase(config);
  const applied = await migrateServer(db);
  if (applied.length) logger.info({ migrations: applied }, 'database migrated');

  const embedded = config.zeebeAddress
    ? undefined
    : await startEngine({
        knex: db.knex,
        host: '127.0.0.1',
        port: config.enginePort,
        logger: logger.child({ component: 'engine' }),
      });
  const engineAddress = config.zeebeAddress ?? `127.0.0.1:${embedded!.port}`;
  const zeebe = createZeebeClient(engineAddress);

  const adminUi = startAdminUiBuild(config, logger);
  const app = createApp({
    logger,
    version: process.env.npm_package_version ?? '0.0.0',
    readiness: {
      database: async () => {
        await db.knex.raw('select 1');
      },
      engine: async () => {
        await zeebe.topology();
      },
    },
    adminUi: { dist: config.adminUiDist, build: adminUi },
  });

  const server = http.createServer(app);
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = config.publicUrl ?? `http://localhost:${port}`;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      await stopped;
      clearTimeout(force);
      await zeebe.close().catch(() => {});
      await embedded?.stop();
      await db.close();
    })());

  return { url, port, engineAddress, close };
}
