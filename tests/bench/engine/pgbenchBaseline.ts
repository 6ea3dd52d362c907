/**
 * What this machine's PostgreSQL does on its own, measured in the same run as the engine:
 * pgbench, 8 clients, a 3-statement transaction (update, select, insert), 10 s.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { databaseUrl, withAdmin } from './benchDatabase';

const SCRIPT = [
  '\\set aid random(1, 100000)',
  '\\set delta random(-5000, 5000)',
  'BEGIN;',
  'UPDATE pgbench_accounts SET abalance = abalance + :delta WHERE aid = :aid;',
  'SELECT abalance FROM pgbench_accounts WHERE aid = :aid;',
  'INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (1, 1, :aid, :delta, CURRENT_TIMESTAMP);',
  'END;',
].join('\n');

/** Transactions per second. */
export async function pgbenchBaseline(): Promise<number> {
  const name = `bench_pgbench_${process.pid}`;
  await withAdmin((c) => c.query(`create database ${name}`));
  try {
    const url = new URL(databaseUrl(name));
    const args = ['-h', url.hostname, '-p', url.port || '5432', '-U', url.username || 'postgres'];
    execFileSync('pgbench', [...args, '-i', '-q', '-s', '1', name], { stdio: 'ignore' });
    const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pgbench-')), 'three.sql');
    fs.writeFileSync(script, SCRIPT);
    const out = execFileSync(
      'pgbench',
      [...args, '-n', '-c', '8', '-j', '2', '-T', '10', '-f', script, name],
      { encoding: 'utf8' },
    );
    const tps = /tps = ([\d.]+)/.exec(out);
    return tps ? Number(tps[1]) : NaN;
  } finally {
    await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
  }
}
