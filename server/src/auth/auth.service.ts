/**
 * Password login and "log out everywhere". A login fails with one and the same answer —
 * and about the same time — for an unknown account, a wrong password, an inactive account
 * and an account without a password: the password is always checked against a hash (a
 * dummy one if need be). Failures are counted per account and per address (see
 * `loginThrottle.ts`); nothing that identifies the person is logged.
 */
import type { Logger } from 'pino';
import type { AuditService } from '../audit/audit.service';
import { needsRehash, hashPassword, verifyAgainstDummy, verifyPassword } from '../staff/password';
import type { LoginCandidate, StaffDirectory } from '../staff/staffDirectory';
import { LoginFailedError } from './auth.errors';
import type { LoginThrottle } from './loginThrottle';

export interface LoginAttempt {
  login: string;
  password: string;
  /** Client address, already reduced for IPv6 (see `ipKeyGenerator`). */
  ip: string;
  requestId?: string | undefined;
}

export class AuthService {
  constructor(
    private readonly directory: StaffDirectory,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly logger: Logger,
  ) {}

  /** The account of a correct login; throws LoginFailedError or LoginThrottledError. */
  async login(attempt: LoginAttempt): Promise<LoginCandidate> {
    const candidate = await this.directory.findByLogin(attempt.login);
    const keys = { account: candidate?.id ?? attempt.login.trim().toLowerCase(), ip: attempt.ip };
    await this.throttle.check(keys);

    const ok =
      candidate?.passwordHash != null
        ? await verifyPassword(attempt.password, candidate.passwordHash)
        : await verifyAgainstDummy(attempt.password);
    if (!ok || !candidate?.active || !candidate.passwordHash) {
      await this.throttle.recordFailure(keys);
      this.logger.info(
        { event: 'staff_login_failed', requestId: attempt.requestId },
        'staff login failed',
      );
      throw new LoginFailedError('login failed');
    }

    await this.throttle.reset(keys.account);
    const rehash = needsRehash(candidate.passwordHash)
      ? await hashPassword(attempt.password)
      : undefined;
    await this.directory.recordLogin(candidate.id, rehash);
    await this.recordLogin(candidate.id, 'password', attempt.requestId);
    return candidate;
  }

  /** The active account for an e-mail address proven by the identity provider. */
  async loginByEmail(email: string, requestId?: string): Promise<LoginCandidate | undefined> {
    const candidate = await this.directory.findActiveByEmail(email);
    if (!candidate) {
      this.logger.info(
        { event: 'staff_oidc_login_unmatched', requestId },
        'no staff user for OIDC login',
      );
      return undefined;
    }
    await this.directory.recordLogin(candidate.id);
    await this.recordLogin(candidate.id, 'oidc', requestId);
    return candidate;
  }

  async logOutEverywhere(userId: string, requestId?: string): Promise<void> {
    await this.directory.logOutEverywhere(userId);
    await this.audit.record({
      actor: { type: 'staff', id: userId },
      tenantId: null,
      action: 'staff_session.logout_everywhere',
      objectType: 'staff_user',
      objectId: userId,
      requestId: requestId ?? null,
    });
  }

  private async recordLogin(userId: string, method: 'password' | 'oidc', requestId?: string) {
    await this.audit.record({
      actor: { type: 'staff', id: userId },
      tenantId: null,
      action: 'staff_session.login',
      objectType: 'staff_user',
      objectId: userId,
      requestId: requestId ?? null,
      details: { method },
    });
  }
}
