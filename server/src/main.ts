/**
 * `npm start`: load the configuration (a bad value stops here with one line naming it), start
 * everything, print the URLs, and shut down gracefully on SIGTERM/SIGINT.
 */
import { loadConfig } from './config';
import { createLogger } from './logger';
import { startServer } from './server';
import { demoStaffLines } from './staff/demoStaff';

const loaded = loadConfig();
if (!loaded.ok) {
  process.stderr.write(`${loaded.message}\n`);
  process.exit(1);
}
const config = loaded.config;
const logger = createLogger(config.logLevel);

const database = config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`;
try {
  const server = await startServer(config, logger, {
    onListening(url) {
      const lines = [
        '',
        `  Serviceportal is starting (${config.env}, ${database})`,
        `  Citizen portal:  ${url}/`,
        `  Back office:     ${url}/admin/`,
        `  API (OpenAPI):   ${url}/api/openapi.json`,
        `  Health:          ${url}/health   Readiness: ${url}/ready`,
        '',
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    },
  });
  const lines = [
    `  Zeebe gateway:   ${server.engineAddress}${config.zeebeAddress ? '' : ' (embedded engine)'}`,
    ...demoStaffLines(config.env),
    '',
    '  Serviceportal is ready.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} catch (err) {
  logger.fatal({ err }, 'start-up failed');
  process.exit(1);
}
