/**
 * The session store: connect-session-knex, with the rolling expiry written only when it moves
 * by a noticeable step.
 *
 * With `rolling: true`, express-session calls `touch` after every request of an unchanged
 * session, and the store's UPDATE is a commit that the response waits for (one WAL flush per
 * inbox page). Here a touch writes only when the new expiry is at least `touchAfterMs` later
 * than the one this process last wrote for the session, or earlier (the absolute timeout
 * shortens it); connect-session-knex has no such option (connect-pg-simple's `disableTouch`
 * would drop the rolling expiry altogether), hence this subclass. The stored expiry therefore
 * lags the cookie's by less than `touchAfterMs`: a session may end that much before its idle
 * timeout, never after. Another server process writes its own touches; nothing is shared.
 */
import type { SessionData } from 'express-session';
import { ConnectSessionKnexStore } from 'connect-session-knex';

type StoreOptions = ConstructorParameters<typeof ConnectSessionKnexStore>[0];

/** Written expiries kept before expired ones are pruned. */
const PRUNE_AT = 10_000;

export class RollingSessionStore extends ConnectSessionKnexStore {
  /** sid → the expiry (ms since epoch) this process last wrote. */
  private readonly written = new Map<string, number>();

  constructor(
    options: StoreOptions,
    private readonly touchAfterMs: number,
  ) {
    super(options);
  }

  override async set(sid: string, session: SessionData, callback?: (err?: unknown) => void) {
    this.written.delete(sid);
    try {
      await super.set(sid, session);
    } catch (err) {
      callback?.(err);
      return;
    }
    // As the base store computes it.
    const maxAge = session.cookie.maxAge;
    this.remember(sid, Date.now() + (maxAge ?? 86_400_000));
    callback?.();
  }

  override async touch(sid: string, session: SessionData, callback?: () => void) {
    const expires = session.cookie?.expires?.getTime();
    const last = this.written.get(sid);
    if (expires !== undefined && last !== undefined) {
      const step = expires - last;
      if (step >= 0 && step < this.touchAfterMs) {
        callback?.();
        return;
      }
    }
    try {
      await super.touch(sid, session);
      if (expires !== undefined) this.remember(sid, expires);
    } catch {
      // The base store does not report touch errors either; the next request tries again.
      this.written.delete(sid);
    }
    callback?.();
  }

  override async destroy(sid: string, callback?: (err?: unknown) => void) {
    this.written.delete(sid);
    return super.destroy(sid, callback);
  }

  private remember(sid: string, expires: number): void {
    this.written.delete(sid);
    this.written.set(sid, expires);
    if (this.written.size <= PRUNE_AT) return;
    const now = Date.now();
    for (const [key, at] of this.written) if (at < now) this.written.delete(key);
  }
}
