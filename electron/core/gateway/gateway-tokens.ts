import type { FreshAccessToken, TokenLifecycleApi } from '../tokens/lifecycle-api';

/** A forwarded request asks for a token valid at least this long (the lifecycle refreshes it first otherwise). */
export const GATEWAY_MIN_VALIDITY_SECONDS = 30;

/**
 * Tokens for forwarded requests, from the lifecycle (which already shares refreshes per account). On a 401 the
 * token is renewed once per rejected token, however many requests saw that 401: a request that comes late finds
 * the token already replaced and just uses the new one, instead of refreshing again.
 */
export class GatewayTokens {
  private readonly renewing = new Map<string, { rejected: string; renewal: Promise<FreshAccessToken> }>();
  /** The last token renewed away per account (a dead token, kept only to recognise late 401s). */
  private readonly renewedAway = new Map<string, string>();

  constructor(private readonly lifecycle: TokenLifecycleApi) {}

  current(accountId: string): Promise<FreshAccessToken> {
    return this.lifecycle.getFreshAccessToken(accountId, GATEWAY_MIN_VALIDITY_SECONDS);
  }

  /** A token other than `rejected`: the one another request already got, or a new one from a refresh. */
  async afterRejection(accountId: string, rejected: string): Promise<FreshAccessToken> {
    const under = this.renewing.get(accountId);
    if (under !== undefined && under.rejected === rejected) return under.renewal;
    if (this.renewedAway.get(accountId) === rejected) return this.current(accountId);
    const current = await this.current(accountId);
    if (current.accessToken !== rejected) return current;
    const again = this.renewing.get(accountId);
    if (again !== undefined && again.rejected === rejected) return again.renewal;
    const renewal = this.renew(accountId, rejected);
    this.renewing.set(accountId, { rejected, renewal });
    return renewal;
  }

  private async renew(accountId: string, rejected: string): Promise<FreshAccessToken> {
    try {
      await this.lifecycle.refresh(accountId);
      this.renewedAway.set(accountId, rejected);
      return await this.current(accountId);
    } finally {
      this.renewing.delete(accountId);
    }
  }
}
