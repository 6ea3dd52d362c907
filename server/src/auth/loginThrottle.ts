/**
 * Failed-login limits per account and per client address, counted in the database (table
 * `login_failures`) rather than in memory: the counters survive a restart and hold across
 * several server instances, and only failures count. Fixed windows of LOGIN_FAILURE_WINDOW;
 * a success clears the account's counter but not the address's. Keys are HMACs, so neither
 * account names nor addresses are stored.
 */
import { createHmac } from 'node:crypto';
import type { Knex } from 'knex';
import { LoginThrottledError } from './auth.errors';

export interface ThrottleLimits {
  perAccount: number;
  perIp: number;
  windowMs: number;
}

export interface ThrottleKeys {
  /** The account id when the login names one, else the normalised login name. */
  account: string;
  /** The client address (an IPv6 address reduced to its /56 network). */
  ip: string;
}

type Scope = 'account' | 'ip';

interface FailureRow {
  scope: Scope;
  key_hash: string;
  window_started_at: Date;
  failures: number;
}

export class LoginThrottle {
  private readonly keySecret: string;

  constructor(
    private readonly knex: Knex,
    private readonly limits: ThrottleLimits,
    secret: string,
    private readonly now: () => number = Date.now,
  ) {
    this.keySecret = createHmac('sha256', secret).update('login-throttle').digest('hex');
  }

  /** Throws LoginThrottledError (429 with Retry-After) while either counter is at its limit. */
  async check(keys: ThrottleKeys): Promise<void> {
    const now = this.now();
    const hashes = this.hashes(keys);
    const rows = (await this.knex('public.login_failures')
      .whereIn(
        ['scope', 'key_hash'],
        hashes.map((h) => [h.scope, h.hash]),
      )
      .select('*')) as FailureRow[];
    let retryAfterMs = 0;
    for (const row of rows) {
      const windowEnd = new Date(row.window_started_at).getTime() + this.limits.windowMs;
      const limit = row.scope === 'account' ? this.limits.perAccount : this.limits.perIp;
      if (windowEnd > now && row.failures >= limit) {
        retryAfterMs = Math.max(retryAfterMs, windowEnd - now);
      }
    }
    if (retryAfterMs > 0) throw new LoginThrottledError(retryAfterMs / 1000);
  }

  async recordFailure(keys: ThrottleKeys): Promise<void> {
    const now = new Date(this.now());
    const windowStart = new Date(now.getTime() - this.limits.windowMs);
    const hashes = this.hashes(keys);
    await this.knex.raw(
      `insert into public.login_failures as f (scope, key_hash, window_started_at, failures)
       values ${hashes.map(() => '(?, ?, ?, 1)').join(', ')}
       on conflict (scope, key_hash) do update set
         failures = case when f.window_started_at <= ? then 1 else f.failures + 1 end,
         window_started_at = case when f.window_started_at <= ?
           then excluded.window_started_at else f.window_started_at end`,
      [...hashes.flatMap((h) => [h.scope, h.hash, now]), windowStart, windowStart],
    );
    await this.knex('public.login_failures').where('window_started_at', '<', windowStart).delete();
  }

  async reset(account: string): Promise<void> {
    await this.knex('public.login_failures')
      .where({ scope: 'account', key_hash: this.hash('account', account) })
      .delete();
  }

  private hashes(keys: ThrottleKeys): { scope: Scope; hash: string }[] {
    return [
      { scope: 'account', hash: this.hash('account', keys.account) },
      { scope: 'ip', hash: this.hash('ip', keys.ip) },
    ];
  }

  private hash(scope: Scope, value: string): string {
    return createHmac('sha256', this.keySecret).update(`${scope}:${value}`).digest('hex');
  }
}
