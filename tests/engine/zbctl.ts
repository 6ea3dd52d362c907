/**
 * Runs Camunda's zbctl CLI (the `zbctl` npm package's Linux binary) against a test engine:
 *
 *   const out = await zbctl(t.address, ['create', 'instance', 'order-process']);
 *   out.json  // the parsed JSON zbctl printed, when it printed JSON
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const binary = path.join(
  path.dirname(require.resolve('zbctl/package.json')),
  'bin',
  process.platform === 'darwin' ? 'zbctl-cli.darwin' : 'zbctl-cli.linux',
);

export interface ZbctlResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON, or undefined when it is not JSON (e.g. `status`). */
  json: unknown;
}

export function zbctl(address: string, args: string[], timeoutMs = 20_000): Promise<ZbctlResult> {
  return new Promise((resolve, reject) => {
    execFile(
      binary,
      ['--insecure', '--address', address, ...args],
      {
        timeout: timeoutMs,
        // no credentials or addresses from the developer's environment
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' },
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error);
        let json: unknown;
        try {
          json = JSON.parse(stdout);
        } catch {
          json = undefined;
        }
        resolve({ exitCode: error ? Number(error.code) : 0, stdout, stderr, json });
      },
    );
  });
}
