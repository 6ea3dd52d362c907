/**
 * The engine standalone (`npm run engine`): reads the configuration (config.ts), opens the
 * database, starts the engine with its Zeebe gateway, and shuts down gracefully on SIGTERM or
 * SIGINT (a second signal exits at once).
 */
import { pino } from 'pino';
import { Clock } from './clock';
import { loadEngineConfig } from './config';
import { startEngine } from './index';
import { startClockActuator, type ClockActuator } from './management/ClockActuator';
import { openDatabase } from './state/db';

const loaded = loadEngineConfig();
if (!loaded.ok) {
  console.error(loaded.error);
  process.exit(1);
}
const config = loaded.config;
const logger = pino({ name: 'engine', level: config.logLevel });

try {
  const database = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { pgliteDir: config.pgliteDir },
  );
  const clock = new Clock();
  const running = await startEngine({
    knex: database.knex,
    host: config.host,
    port: config.port,
    clock,
    logger,
    multiTenancy: config.multiTenancy,
    ...(config.maxInFlightCommands !== undefined
      ? { maxInFlightCommands: config.maxInFlightCommands }
      : {}),
  });
  let actuator: ClockActuator | undefined;
  if (config.clockControl) {
    actuator = await startClockActuator(clock, { host: config.host, port: config.managementPort });
    logger.info(
      { managementPort: actuator.port },
      `Clock actuator at http://${config.host}:${actuator.port}/actuator/clock`,
    );
  }
  logger.info(
    { address: running.address, database: database.kind },
    `Zeebe gateway listening on ${running.address}`,
  );

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'Shutting down');
    void (async () => {
      await actuator?.close();
      await running.stop();
      await database.close();
      logger.info('Stopped');
      process.exit(0);
    })().catch((error: unknown) => {
      logger.error({ err: error }, 'Shutdown failed');
      process.exit(1);
    });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
} catch (error) {
  logger.fatal({ err: error }, `Engine failed to start: ${(error as Error).message}`);
  process.exit(1);
}
