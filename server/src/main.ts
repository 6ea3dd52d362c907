/**
 * `npm start`: load the configuration (a bad value stops here with one line naming it), start
 * everything, print the URLs, and shut down gracefully on SIGTERM/SIGINT.
 */
import { loadConfig } from './config';
import { createLogger } from './logger';
import { startServer } from './server';

const loaded = loadConfig();
if (!loaded.ok) {
  process.stderr.write(`${loaded.message}\n`);
  process.exit(1);
}
const config = loaded.config;
const logger = createLogger(config.logLevel);

try {
  const server = await startServer(config, logger);
  const lines = [
    '',
    `  Serviceportal is running (${config.env}, ${config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`})`,
    `  Citizen portal:  ${server.url}/`,
    `  Back office:     ${server.url}/admin/`,
    `  API (OpenAPI):   ${server.url}/api/openapi.json`,
    `  Health:          ${server.url}/health`,
    `  Zeebe gateway:   ${server.engineAddress}${config.zeebeAddress ? '' : ' (embedded engine)'}`,
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
