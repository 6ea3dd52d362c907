/**
 * Starts everything `npm start` runs: the HTTP port first (liveness answers at once, readiness
 * says down while starting), then database and migrations, the embedded engine (unless
 * ZEEBE_ADDRESS points at a Zeebe cluster), the Zeebe client, the job workers
 * (`workers/startWorkers.ts`), the full app, and the admin-ui build when it is missing.
 * `close()` shuts down gracefully: stop accepting, let in-flight requests finish, stop the
 * workers (jobs in hand are finished), stop the engine, close the pool.
 */
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import { EngineMonitor, startEngine } from '@serviceportal/engine';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Config } from './config';
import { migrateServer, openServerDatabase } from './db/database';
import { createZeebeClient } from './engine/zeebeClient';
import { startAdminUiBuild } from './http/adminUiBuild';
import { createApp } from './http/app';
import { createBootApp } from './http/bootApp';
import { EmbeddedMonitoring } from './monitoring/EmbeddedMonitoring';
import { createServices } from './services';
import { seedTenantsAndStaff } from './staff/seed';
import { startWorkers } from './workers/startWorkers';

export interface RunningServer {
  url: string;
  port: number;
  engineAddress: string;
  /** The server's database (tests arrange data through it). */
  knex: Knex;
  close(): Promise<void>;
}

const SHUTDOWN_GRACE_MS = 10_000;

export interface StartHooks {
  /** Called as soon as the port listens, before the database and engine are up. */
  onListening?(url: string): void;
}

export async function startServer(
  config: Config,
  logger: Logger,
  hooks: StartHooks = {},
): Promise<RunningServer> {
  let handler: http.RequestListener = createBootApp(logger);
  const server = http.createServer((req, res) => handler(req, res));
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = config.publicUrl ?? `http://localhost:${port}`;
  hooks.onListening?.(url);
  try {
    const running = await startServices(config, logger, url);
    handler = running.app;
    return { url, port, ...running.exposed, close: shutdown(server, running.stop) };
  } catch (err) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw err;
  }
}

async function startServices(config: Config, logger: Logger, url: string) {
  const db = await openServerDatabase(config);
  const applied = await migrateServer(db);
  if (applied.length) logger.info({ migrations: applied }, 'database migrated');
  await seedTenantsAndStaff(db.knex, config.env);

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
  const commands = createZeebeClient(engineAddress, { retry: false });

  const services = createServices(db.knex, config, {
    engine: () => zeebe,
    commands: () => commands,
    publicUrl: () => url,
    logger: logger.child({ component: 'cases' }),
    // With a Zeebe cluster, Operate would answer (OperateMonitoring); it is not configured yet.
    ...(embedded ? { monitoring: new EmbeddedMonitoring(new EngineMonitor(db.knex)) } : {}),
  });
  await services.portal.start(config.env);
  const workers = await startWorkers({
    zeebe,
    knex: db.knex,
    audit: services.audit,
    mail: services.mail,
    documents: services.documents,
    tasks: services.tasks,
    caseJobs: services.portal.jobs,
    config,
    logger: logger.child({ component: 'workers' }),
  });

  const adminUi = startAdminUiBuild(config, logger);
  const app = createApp({
    logger,
    version: process.env.npm_package_version ?? '0.0.0',
    readiness: {
      database: async () => {
        await db.knex.raw('select 1');
      },
      engine: async () => {
        await commands.topology();
      },
    },
    adminUi: { dist: config.adminUiDist, build: adminUi },
    knex: db.knex,
    config,
    services,
  });

  return {
    app,
    exposed: { engineAddress, knex: db.knex },
    stop: async () => {
      services.portal.stop();
      await workers.stop();
      await zeebe.close().catch(() => {});
      await commands.close().catch(() => {});
      await embedded?.stop();
      await db.close();
    },
  };
}

/** Stop accepting, let in-flight requests finish (forced after a grace period), then stop the rest. */
function shutdown(server: http.Server, stopServices: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () =>
    (closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      await stopped;
      clearTimeout(force);
      await stopServices();
    })());
}
