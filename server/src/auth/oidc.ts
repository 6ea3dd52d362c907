/**
 * Optional staff login through an OpenID Connect provider (openid-client v6): authorization
 * code flow with PKCE (S256), state and nonce, all kept in the session between start and
 * callback. The provider proves the e-mail address; the address is matched (ignoring case) to
 * an existing, active staff user, whose roles and groups stay managed in Serviceportal —
 * nobody becomes staff by having an account at the provider.
 *
 * Discovery runs on first use and is retried after a failure.
 */
import * as client from 'openid-client';
import type { OidcConfig } from '../config';
import type { PendingOidcLogin } from './session';

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';
/** How long a started login may take at the provider. */
export const OIDC_PENDING_MAX_AGE_MS = 10 * 60_000;

/** Why an OIDC login did not produce an e-mail address we can use. */
export class OidcLoginError extends Error {
  constructor(readonly reason: 'expired' | 'rejected' | 'no_email' | 'unverified_email') {
    super(`oidc login failed: ${reason}`);
  }
}

export class OidcLogin {
  private discovered: Promise<client.Configuration> | undefined;

  constructor(private readonly config: Readonly<OidcConfig>) {}

  /** Where to send the browser, and what to remember in the session until it returns. */
  async start(
    redirectUri: string,
    returnTo: string,
  ): Promise<{ url: URL; pending: PendingOidcLogin }> {
    const configuration = await this.configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: this.config.scopes,
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return {
      url,
      pending: { state, nonce, codeVerifier, redirectUri, returnTo, startedAt: Date.now() },
    };
  }

  /** Redeems the code of the callback and answers the verified e-mail address. */
  async finish(pending: PendingOidcLogin, callbackQuery: string): Promise<string> {
    if (Date.now() - pending.startedAt > OIDC_PENDING_MAX_AGE_MS) {
      throw new OidcLoginError('expired');
    }
    const configuration = await this.configuration();
    const currentUrl = new URL(pending.redirectUri);
    currentUrl.search = callbackQuery;
    let claims: Record<string, unknown>;
    let accessToken: string;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = { ...(tokens.claims() ?? {}) };
      accessToken = tokens.access_token;
    } catch {
      throw new OidcLoginError('rejected');
    }
    const claim = this.config.emailClaim;
    if (typeof claims[claim] !== 'string' && typeof claims.sub === 'string') {
      // Many providers put profile claims only into the UserInfo response.
      try {
        const info = await client.fetchUserInfo(configuration, accessToken, claims.sub);
        claims = { ...info, ...claims, [claim]: info[claim] };
      } catch {
        throw new OidcLoginError('rejected');
      }
    }
    const email = claims[claim];
    if (typeof email !== 'string' || !email.includes('@')) throw new OidcLoginError('no_email');
    if (claims.email_verified === false) throw new OidcLoginError('unverified_email');
    return email.trim().toLowerCase();
  }

  private configuration(): Promise<client.Configuration> {
    this.discovered ??= this.discover().catch((err: unknown) => {
      this.discovered = undefined;
      throw err;
    });
    return this.discovered;
  }

  private discover(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.config;
    const insecure = new URL(issuer).protocol === 'http:';
    return client.discovery(
      new URL(issuer),
      clientId,
      clientSecret ? { client_secret: clientSecret } : undefined,
      clientSecret ? client.ClientSecretBasic(clientSecret) : client.None(),
      insecure ? { execute: [client.allowInsecureRequests] } : undefined,
    );
  }
}
