/** The engine's configuration: defaults, accepted values, and one clear line for a wrong one. */
import { describe, expect, test } from 'vitest';
import { loadEngineConfig } from '../../engine/src/config';

describe('loadEngineConfig', () => {
  test('defaults', () => {
    expect(loadEngineConfig({})).toEqual({
      ok: true,
      config: {
        host: '127.0.0.1',
        port: 26500,
        databaseUrl: undefined,
        pgliteDir: './data/engine',
        logLevel: 'info',
        multiTenancy: false,
        maxInFlightCommands: undefined,
        clockControl: false,
        managementPort: 9600,
      },
    });
  });

  test('the configuration is frozen', () => {
    const result = loadEngineConfig({});
    expect(result.ok && Object.isFrozen(result.config)).toBe(true);
  });

  test.each([
    [{ ENGINE_HOST: '0.0.0.0' }, { host: '0.0.0.0' }],
    [{ ENGINE_PORT: '0' }, { port: 0 }],
    [{ ENGINE_PORT: '26600' }, { port: 26600 }],
    [
      { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' },
      { databaseUrl: 'postgres://postgres@127.0.0.1:5432/test' },
    ],
    [{ DATABASE_URL: 'postgresql://u:p@db/x' }, { databaseUrl: 'postgresql://u:p@db/x' }],
    [{ LOG_LEVEL: 'debug' }, { logLevel: 'debug' }],
    [{ ENGINE_MULTI_TENANCY: 'true' }, { multiTenancy: true }],
    [{ ENGINE_MULTI_TENANCY: '0' }, { multiTenancy: false }],
    [{ ENGINE_MAX_IN_FLIGHT: '50' }, { maxInFlightCommands: 50 }],
    [{ ENGINE_CLOCK_CONTROL: 'yes' }, { clockControl: true }],
    [{ ENGINE_MANAGEMENT_PORT: '9700' }, { managementPort: 9700 }],
    [{ ENGINE_PORT: '' }, { port: 26500 }],
  ])('accepts %j', (env, expected) => {
    const result = loadEngineConfig(env);
    expect(result.ok).toBe(true);
    expect(result.ok && result.config).toMatchObject(expected);
  });

  test.each([
    [
      { ENGINE_PORT: 'abc' },
      'Invalid configuration: ENGINE_PORT="abc" must be a port number (0-65535)',
    ],
    [
      { ENGINE_PORT: '70000' },
      'Invalid configuration: ENGINE_PORT="70000" must be a port number (0-65535)',
    ],
    [{ ENGINE_PORT: '1.5' }, 'Invalid configuration: ENGINE_PORT="1.5" must be an integer'],
    [
      { LOG_LEVEL: 'loud' },
      'Invalid configuration: LOG_LEVEL="loud" must be one of fatal, error, warn, info, debug, trace, silent',
    ],
    [
      { ENGINE_MULTI_TENANCY: 'maybe' },
      'Invalid configuration: ENGINE_MULTI_TENANCY="maybe" must be true or false',
    ],
    [
      { ENGINE_MAX_IN_FLIGHT: '0' },
      'Invalid configuration: ENGINE_MAX_IN_FLIGHT="0" must be a positive integer',
    ],
    [
      { ENGINE_CLOCK_CONTROL: 'on' },
      'Invalid configuration: ENGINE_CLOCK_CONTROL="on" must be true or false',
    ],
    [
      { DATABASE_URL: 'mysql://root:secret@db/x' },
      'Invalid configuration: DATABASE_URL must be a postgres:// connection string',
    ],
  ])('refuses %j in one line naming the variable', (env, error) => {
    expect(loadEngineConfig(env)).toEqual({ ok: false, error });
  });
});
