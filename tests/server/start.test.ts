import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceportal-start-'));
const dist = path.join(dataDir, 'dist');
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start on embedded defaults (no DATABASE_URL)', () => {
  it('answers /health within 10 s, prints the URLs, serves both entries and stops cleanly on SIGTERM', async () => {
    // given a built admin-ui (a stand-in dist, so the test does not run Vite) and no DATABASE_URL
    fs.mkdirSync(path.join(dist, 'admin'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>portal</title>');
    fs.writeFileSync(path.join(dist, 'admin', 'index.html'), '<!doctype html><title>admin</title>');
    const env = {
      PATH: process.env.PATH,
      PORT: '0',
      ENGINE_PORT: '0',
      DATA_DIR: dataDir,
      ADMIN_UI_DIST: dist,
      LOG_LEVEL: 'warn',
    };

    // when the server starts
    const started = Date.now();
    child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const healthUrl = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = /Health:\s+(\S+)/.exec(stdout);
        if (match) {
          clearInterval(timer);
          resolve(match[1]!);
        }
      }, 50);
      child!.once('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`exited with ${code}: ${stderr}`));
      });
    });
    const health = await fetch(healthUrl);
    const elapsed = Date.now() - started;

    // then it is healthy within 10 s and says where everything is
    expect(health.status).toBe(200);
    expect(elapsed).toBeLessThan(10_000);
    expect(stdout).toMatch(/Citizen portal:\s+http:\/\/localhost:\d+\//);
    expect(stdout).toMatch(/Back office:\s+http:\/\/localhost:\d+\/admin\//);
    expect(stdout).toContain('embedded PGlite');
    expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(true);

    // and becomes ready once the database is migrated and the engine runs
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (stdout.includes('Serviceportal is ready.')) {
          clearInterval(timer);
          resolve();
        }
      }, 50);
      child!.once('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`exited with ${code}: ${stderr}`));
      });
    });
    expect(stdout).toMatch(/Zeebe gateway:\s+127\.0\.0\.1:\d+ \(embedded engine\)/);
    const base = healthUrl.replace(/\/health$/, '');
    const ready = await fetch(`${base}/ready`);
    expect(await ready.json()).toMatchObject({ status: 'up' });
    const portal = await fetch(`${base}/services/hund`, { headers: { Accept: 'text/html' } });
    expect(await portal.text()).toContain('<title>portal</title>');
    const admin = await fetch(`${base}/admin/inbox`, { headers: { Accept: 'text/html' } });
    expect(await admin.text()).toContain('<title>admin</title>');

    // and SIGTERM shuts it down gracefully
    const exitCode = await new Promise<number | null>((resolve) => {
      child!.once('exit', (code) => resolve(code));
      child!.kill('SIGTERM');
    });
    expect(exitCode).toBe(0);
  }, 60_000);
});
