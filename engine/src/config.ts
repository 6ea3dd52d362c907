/**
 * The engine's configuration: the only place in the engine that reads process.env. Validated
 * once at start-up; a wrong value is reported in one line naming the variable.
 *
 * | variable               | default                         | meaning                                                         |
 * |------------------------|---------------------------------|-----------------------------------------------------------------|
 * | ENGINE_HOST            | 127.0.0.1                       | interface the gateway (and the management port) listens on      |
 * | ENGINE_PORT            | 26500                           | Zeebe gateway gRPC port (0 = any free port)                     |
 * | DATABASE_URL           | unset: embedded PGlite in ./data/engine | PostgreSQL connection string (postgres://…)             |
 * | LOG_LEVEL              | info                            | fatal, error, warn, info, debug, trace or silent                |
 * | ENGINE_MULTI_TENANCY   | false                           | true: requests must name a tenant, as in Zeebe with multi-tenancy |
 * | ENGINE_MAX_IN_FLIGHT   | 200 (measured; engine/README.md) | commands in flight at which new work gets RESOURCE_EXHAUSTED (backpressure; processing/RequestLimiter.ts) |
 * | ENGINE_CLOCK_CONTROL   | false                           | true: Zeebe's clock actuator on the management port, so tests or an operator can move time |
 * | ENGINE_MANAGEMENT_PORT | 9600                            | HTTP port of /actuator/clock (only with ENGINE_CLOCK_CONTROL)   |
 */
import { z } from 'zod';

export const DEFAULT_PGLITE_DIR = './data/engine';

const port = z.coerce
  .number({ error: 'must be a port number (0-65535)' })
  .int('must be an integer')
  .min(0, 'must be a port number (0-65535)')
  .max(65535, 'must be a port number (0-65535)');

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const schema = z.object({
  ENGINE_HOST: z.string().trim().min(1, 'must not be empty').default('127.0.0.1'),
  ENGINE_PORT: port.default(26500),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string')
    .optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  ENGINE_MULTI_TENANCY: flag.default(false),
  ENGINE_MAX_IN_FLIGHT: z.coerce
    .number({ error: 'must be a positive integer' })
    .int('must be a positive integer')
    .min(1, 'must be a positive integer')
    .optional(),
  ENGINE_CLOCK_CONTROL: flag.default(false),
  ENGINE_MANAGEMENT_PORT: port.default(9600),
});

export interface EngineConfig {
  readonly host: string;
  readonly port: number;
  /** PostgreSQL when set; otherwise the embedded PGlite in `pgliteDir`. */
  readonly databaseUrl: string | undefined;
  readonly pgliteDir: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly multiTenancy: boolean;
  readonly maxInFlightCommands: number | undefined;
  readonly clockControl: boolean;
  readonly managementPort: number;
}

export type ConfigResult = { ok: true; config: EngineConfig } | { ok: false; error: string };

/** Reads and checks the environment; `error` is one line naming the first wrong variable. */
export function loadEngineConfig(env: NodeJS.ProcessEnv = process.env): ConfigResult {
  // an empty variable counts as unset, as in a .env file with `ENGINE_PORT=`
  const present = Object.fromEntries(
    Object.keys(schema.shape)
      .map((name) => [name, env[name]] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    // a connection string may carry a password: never echo it
    const shown = name === 'DATABASE_URL' ? '' : `=${JSON.stringify(env[name])}`;
    return {
      ok: false,
      error: `Invalid configuration: ${name}${shown} ${issue?.message ?? 'is invalid'}`,
    };
  }
  const values = parsed.data;
  return {
    ok: true,
    config: Object.freeze({
      host: values.ENGINE_HOST,
      port: values.ENGINE_PORT,
      databaseUrl: values.DATABASE_URL,
      pgliteDir: DEFAULT_PGLITE_DIR,
      logLevel: values.LOG_LEVEL,
      multiTenancy: values.ENGINE_MULTI_TENANCY,
      maxInFlightCommands: values.ENGINE_MAX_IN_FLIGHT,
      clockControl: values.ENGINE_CLOCK_CONTROL,
      managementPort: values.ENGINE_MANAGEMENT_PORT,
    }),
  };
}
