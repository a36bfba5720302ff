import { newAccessToken, newExchangeToken, newRefreshToken } from './sandbox-tokens';

/**
 * The sandbox's grants and tokens, without any HTTP: what the live token endpoint would decide.
 * Reuse detection follows the strictest reading of RFC 9700: presenting a refresh token a second time (whatever
 * the first answer was) revokes every refresh and access token issued under that grant (its token family) and is
 * counted (reuseEvents); the exchange token survives, so exchanging again still works unless the grant was revoked.
 */

export const DEFAULT_ACCESS_LIFETIME_SECONDS = 900;

export interface TokenSuccessBody {
  access_token: string;
  scope: null;
  token_type: 'bearer';
  /** A string, as in the documented sample. */
  expires_in: string;
  refresh_token: string;
}

export interface TokenErrorBody {
  error: string;
  error_description: string;
}

export type TokenAnswer = { status: 200; body: TokenSuccessBody } | { status: 400 | 401; body: TokenErrorBody };

interface Grant {
  email: string;
  exchangeToken: string;
  accessLifetimeSeconds: number | undefined;
  revoked: boolean;
  refreshTokens: Set<string>;
  accessTokens: Set<string>;
}

interface RefreshRecord {
  emailKey: string;
  state: 'current' | 'superseded' | 'revoked';
  /** Presented once already (whatever the answer): presenting it again is reuse. */
  presented: boolean;
}

interface AccessRecord {
  emailKey: string;
  expiresAt: number;
  revoked: boolean;
}

export function emailKeyOf(email: string): string {
  return email.trim().toLowerCase();
}

function assertLifetime(seconds: number): void {
  if (!(Number.isFinite(seconds) && seconds > 0)) {
    throw new Error(`Sandbox: an access-token lifetime must be a positive number of seconds, got ${String(seconds)}.`);
  }
}

const invalidGrant = (description: string): TokenAnswer => ({ status: 400, body: { error: 'invalid_grant', error_description: description } });

export class TokenLedger {
  private readonly grants = new Map<string, Grant>();
  private readonly refreshTokens = new Map<string, RefreshRecord>();
  private readonly accessTokens = new Map<string, AccessRecord>();
  private readonly secrets: string[] = [];
  /** E-mail key -> times a superseded refresh token was presented. */
  private readonly reuses = new Map<string, number>();
  private totalReuses = 0;
  private defaultLifetimeSeconds: number;

  constructor(
    private readonly now: () => number,
    defaultLifetimeSeconds = DEFAULT_ACCESS_LIFETIME_SECONDS,
  ) {
    assertLifetime(defaultLifetimeSeconds);
    this.defaultLifetimeSeconds = defaultLifetimeSeconds;
  }

  /** Adds a grant, or replaces the grant of that e-mail (the admin granted again): its old tokens stop working. */
  addGrant(email: string, exchangeToken = newExchangeToken(), accessLifetimeSeconds?: number): { email: string; exchangeToken: string } {
    if (accessLifetimeSeconds !== undefined) assertLifetime(accessLifetimeSeconds);
    if (exchangeToken === '') throw new Error('Sandbox: an exchange token cannot be empty.');
    const key = emailKeyOf(email);
    const previous = this.grants.get(key);
    if (previous !== undefined) this.revokeTokens(previous);
    this.grants.set(key, {
      email,
      exchangeToken,
      accessLifetimeSeconds,
      revoked: false,
      refreshTokens: new Set(),
      accessTokens: new Set(),
    });
    this.secrets.push(exchangeToken);
    return { email, exchangeToken };
  }

  revokeGrant(email: string): void {
    const grant = this.grantOrThrow(email);
    grant.revoked = true;
    this.revokeTokens(grant);
  }

  setAccessLifetime(email: string | null, seconds: number): void {
    assertLifetime(seconds);
    if (email === null) this.defaultLifetimeSeconds = seconds;
    else this.grantOrThrow(email).accessLifetimeSeconds = seconds;
  }

  knows(email: string): boolean {
    return this.grants.has(emailKeyOf(email));
  }

  exchange(email: string, exchangeToken: string): TokenAnswer {
    const grant = this.grants.get(emailKeyOf(email));
    if (grant === undefined) return { status: 401, body: { error: 'invalid_client', error_description: 'Unknown e-mail address.' } };
    if (grant.revoked) return invalidGrant('This grant was revoked by the licence administrator.');
    if (exchangeToken !== grant.exchangeToken) return invalidGrant('The exchange token is not valid for this e-mail address.');
    return this.issue(grant);
  }

  refresh(email: string, refreshToken: string): TokenAnswer {
    const key = emailKeyOf(email);
    const grant = this.grants.get(key);
    if (grant === undefined) return { status: 401, body: { error: 'invalid_client', error_description: 'Unknown e-mail address.' } };
    const record = this.refreshTokens.get(refreshToken);
    if (record === undefined || record.emailKey !== key) return invalidGrant('The refresh token is not valid.');
    // Strictest reading: a refresh token may be presented once, ever. A second presentation (after a rotation whose
    // answer was lost, or after a refusal) is reuse: the whole family is revoked and the event counted.
    if (record.presented) {
      this.totalReuses += 1;
      this.reuses.set(key, (this.reuses.get(key) ?? 0) + 1);
      this.revokeTokens(grant);
      return invalidGrant('Refresh token reuse detected: every token of this grant was revoked. Exchange again.');
    }
    record.presented = true;
    if (grant.revoked) return invalidGrant('This grant was revoked by the licence administrator.');
    if (record.state === 'revoked') return invalidGrant('The refresh token was revoked.');
    record.state = 'superseded';
    return this.issue(grant);
  }

  /** The e-mail an access token belongs to while it is valid and unexpired, else null. */
  bearerOwner(accessToken: string): string | null {
    const record = this.accessTokens.get(accessToken);
    if (record === undefined || record.revoked || this.now() >= record.expiresAt) return null;
    return this.grants.get(record.emailKey)?.email ?? null;
  }

  reuseEvents(email?: string): number {
    return email === undefined ? this.totalReuses : (this.reuses.get(emailKeyOf(email)) ?? 0);
  }

  isRefreshTokenValid(email: string, refreshToken: string): boolean {
    const record = this.refreshTokens.get(refreshToken);
    return record !== undefined && record.state === 'current' && record.emailKey === emailKeyOf(email);
  }

  issuedSecrets(): string[] {
    return [...this.secrets];
  }

  private issue(grant: Grant): TokenAnswer {
    const lifetime = grant.accessLifetimeSeconds ?? this.defaultLifetimeSeconds;
    const emailKey = emailKeyOf(grant.email);
    const accessToken = newAccessToken();
    const refreshToken = newRefreshToken();
    this.accessTokens.set(accessToken, { emailKey, expiresAt: this.now() + lifetime * 1000, revoked: false });
    this.refreshTokens.set(refreshToken, { emailKey, state: 'current', presented: false });
    grant.accessTokens.add(accessToken);
    grant.refreshTokens.add(refreshToken);
    this.secrets.push(accessToken, refreshToken);
    return {
      status: 200,
      body: { access_token: accessToken, scope: null, token_type: 'bearer', expires_in: String(lifetime), refresh_token: refreshToken },
    };
  }

  private revokeTokens(grant: Grant): void {
    for (const token of grant.refreshTokens) {
      const record = this.refreshTokens.get(token);
      if (record !== undefined) record.state = 'revoked';
    }
    for (const token of grant.accessTokens) {
      const record = this.accessTokens.get(token);
      if (record !== undefined) record.revoked = true;
    }
  }

  private grantOrThrow(email: string): Grant {
    const grant = this.grants.get(emailKeyOf(email));
    if (grant === undefined) throw new Error(`Sandbox: no grant for ${email}; call addGrant first.`);
    return grant;
  }
}
