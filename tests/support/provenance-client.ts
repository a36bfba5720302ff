import type { ExchangeRequest, RefreshRequest, TokenOutcome, WinbooksTokenClient } from '../../electron/core/winbooks/token-types';

/** One grant: an e-mail (any case) at one host. */
export function pairOf(email: string, host: string): string {
  return `${email.toLowerCase()} at ${host}`;
}

/**
 * Wraps a client and checks the destination rule on every request: a secret may go only to the e-mail and host
 * it was obtained for. Exchange tokens are declared by the test as typed for a pair; access and refresh tokens
 * belong to the pair whose answer carried them. Anything else sent is recorded as a violation.
 */
export class ProvenanceClient implements WinbooksTokenClient {
  private readonly origins = new Map<string, Set<string>>();
  readonly violations: string[] = [];
  sent = 0;

  constructor(private readonly inner: WinbooksTokenClient) {}

  /** The user typed this exchange token for this e-mail and host. */
  typed(exchangeToken: string, email: string, host: string): string {
    this.belongsTo(exchangeToken, pairOf(email, host));
    return exchangeToken;
  }

  exchange(request: ExchangeRequest): Promise<TokenOutcome> {
    return this.checked('exchange', request.exchangeToken, request, () => this.inner.exchange(request));
  }

  refresh(request: RefreshRequest): Promise<TokenOutcome> {
    return this.checked('refresh', request.refreshToken, request, () => this.inner.refresh(request));
  }

  private async checked(grant: string, secret: string, to: { email: string; host: string }, send: () => Promise<TokenOutcome>): Promise<TokenOutcome> {
    const pair = pairOf(to.email, to.host);
    this.sent += 1;
    const owners = this.origins.get(secret);
    if (owners === undefined || !owners.has(pair)) {
      this.violations.push(`${grant} sent a secret obtained for ${owners === undefined ? 'nobody known' : [...owners].join(', ')} to ${pair}`);
    }
    const outcome = await send();
    if (outcome.kind === 'success') {
      this.belongsTo(outcome.grant.accessToken, pair);
      this.belongsTo(outcome.grant.refreshToken, pair);
    }
    return outcome;
  }

  private belongsTo(secret: string, pair: string): void {
    const owners = this.origins.get(secret) ?? new Set<string>();
    owners.add(pair);
    this.origins.set(secret, owners);
  }
}
