import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceportal-config-'));

describe('configuration', () => {
  it('uses the documented defaults', () => {
    const result = loadConfig({ DATA_DIR: dataDir });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      env: 'development',
      port: 3000,
      enginePort: 26500,
      logLevel: 'info',
      databaseUrl: undefined,
      zeebeAddress: undefined,
    });
    expect(Object.isFrozen(result.config)).toBe(true);
  });

  it('generates a development session secret once and keeps it', () => {
    const first = loadConfig({ DATA_DIR: dataDir });
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(first.config.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.config.sessionSecret).toBe(first.config.sessionSecret);
  });

  it.each([
    [
      { PORT: '8080', ENGINE_PORT: '0' },
      { port: 8080, enginePort: 0 },
    ],
    [
      { DATABASE_URL: 'postgres://u@db:5432/portal' },
      { databaseUrl: 'postgres://u@db:5432/portal' },
    ],
    [{ DATABASE_URL: '' }, { databaseUrl: undefined }],
    [{ ZEEBE_ADDRESS: 'zeebe.example.ch:26500' }, { zeebeAddress: 'zeebe.example.ch:26500' }],
    [{ LOG_LEVEL: 'debug' }, { logLevel: 'debug' }],
    [
      {
        NODE_ENV: 'production',
        SESSION_SECRET: 's'.repeat(40),
        PUBLIC_URL: 'https://portal.lu.ch',
      },
      { env: 'production', publicUrl: 'https://portal.lu.ch' },
    ],
  ])('accepts %j', (env, expected) => {
    const result = loadConfig({ DATA_DIR: dataDir, ...env });
    expect(result).toMatchObject({ ok: true, config: expected });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '80.5' }, 'PORT'],
    [{ ENGINE_PORT: '-1' }, 'ENGINE_PORT'],
    [{ DATABASE_URL: 'mysql://root@localhost/db' }, 'DATABASE_URL'],
    [{ ZEEBE_ADDRESS: 'no-port' }, 'ZEEBE_ADDRESS'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ PUBLIC_URL: 'portal' }, 'PUBLIC_URL'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ NODE_ENV: 'production' }, 'SESSION_SECRET'],
  ])('rejects %j naming %s', (env, variable) => {
    const result = loadConfig({ DATA_DIR: dataDir, ...env });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(variable);
    expect(result.message.split('\n')).toHaveLength(1);
  });

  it('never echoes a secret or a connection string in the message', () => {
    const result = loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: 'hunter2' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).not.toContain('hunter2');
  });

  it('stops start-up with a non-zero exit and one line naming PORT when PORT=abc', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { PATH: process.env.PATH, PORT: 'abc', DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.status).not.toBeNull();
    expect(run.stderr.trim()).toBe('Invalid configuration: PORT must be a port number (got "abc")');
  });
});
