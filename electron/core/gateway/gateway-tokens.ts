import type { FreshAccessToken, TokenLifecycleApi } from '../tokens/lifecycle-api';

/** A forwarded request asks for a token valid at least this long (the lifecycle refreshes it first otherwise). */
export const GATEWAY_MIN_VALIDITY_SECONDS = 30;
/**
 * A token the lifecycle handed out is reused for this long. Each lifecycle read marks the account used and sends
 * a change to the window and the tray; a spreadsheet refresh makes hundreds of requests a second.
 */
export const TOKEN_REUSE_MS = 5_000;

interface Cached {
  fresh: FreshAccessToken;
  at: number;
}

/**
 * Tokens for forwarded requests, from the lifecycle (which already shares refreshes per account). On a 401 the
 * token is renewed once per rejected token, however many requests saw that 401: a request that comes late finds
 * the token already replaced and just uses the new one, instead of refreshing again.
 */
export class GatewayTokens {
  private readonly cache = new Map<string, Cached>();
  private readonly renewing = new Map<string, { rejected: string; renewal: Promise<FreshAccessToken> }>();
  /** The last token renewed away per account (a dead token, kept only to recognise late 401s). */
  private readonly renewedAway = new Map<string, string>();

  constructor(
    private readonly lifecycle: TokenLifecycleApi,
    private readonly now: () => number = Date.now,
  ) {}

  current(accountId: string): Promise<FreshAccessToken> {
    const now = this.now();
    const cached = this.cache.get(accountId);
    if (cached !== undefined && now - cached.at < TOKEN_REUSE_MS && cached.fresh.expiresAt - now >= GATEWAY_MIN_VALIDITY_SECONDS * 1000) return Promise.resolve(cached.fresh);
    return this.fromLifecycle(accountId);
  }

  /** A token other than `rejected`: the one another request already got, or a new one from a refresh. */
  async afterRejection(accountId: string, rejected: string): Promise<FreshAccessToken> {
    if (this.cache.get(accountId)?.fresh.accessToken === rejected) this.cache.delete(accountId);
    const under = this.renewing.get(accountId);
    if (under !== undefined && under.rejected === rejected) return under.renewal;
    if (this.renewedAway.get(accountId) === rejected) return this.current(accountId);
    const current = await this.fromLifecycle(accountId);
    if (current.accessToken !== rejected) return current;
    const again = this.renewing.get(accountId);
    if (again !== undefined && again.rejected === rejected) return again.renewal;
    const renewal = this.renew(accountId, rejected);
    this.renewing.set(accountId, { rejected, renewal });
    return renewal;
  }

  private async fromLifecycle(accountId: string): Promise<FreshAccessToken> {
    const fresh = await this.lifecycle.getFreshAccessToken(accountId, GATEWAY_MIN_VALIDITY_SECONDS);
    this.cache.set(accountId, { fresh, at: this.now() });
    return fresh;
  }

  private async renew(accountId: string, rejected: string): Promise<FreshAccessToken> {
    try {
      await this.lifecycle.refresh(accountId);
      this.renewedAway.set(accountId, rejected);
      return await this.fromLifecycle(accountId);
    } finally {
      this.renewing.delete(accountId);
    }
  }
}
