import type { ExchangeRequest, RefreshRequest, TokenOutcome, WinbooksTokenClient } from '../../electron/core/winbooks/token-types';
import type { Clock } from '../../electron/core/common/clock';

export type Call = ({ grant: 'exchange'; request: ExchangeRequest } | { grant: 'refresh'; request: RefreshRequest }) & {
  at: number;
  /** What the call was answered, once it was. */
  outcome?: TokenOutcome;
};

type Answer = TokenOutcome | Promise<TokenOutcome>;
type Responder = (call: Call) => Answer | undefined;

/**
 * A Winbooks client whose answers the test decides: by default every request succeeds with fresh tokens
 * of `lifetimeSeconds`; `respond` overrides that per call. Records every call with its wall time.
 */
export class ScriptedClient implements WinbooksTokenClient {
  readonly calls: Call[] = [];
  active = 0;
  maxActive = 0;
  private serial = 0;
  respond: Responder | null = null;

  constructor(
    private readonly clock: Clock,
    public lifetimeSeconds = 900,
  ) {}

  exchange(request: ExchangeRequest): Promise<TokenOutcome> {
    return this.answer({ grant: 'exchange', request, at: this.clock.now() }, undefined);
  }

  refresh(request: RefreshRequest): Promise<TokenOutcome> {
    return this.answer({ grant: 'refresh', request, at: this.clock.now() }, request.refreshToken);
  }

  success(previousRefreshToken?: string): TokenOutcome {
    this.serial += 1;
    const issuedAt = this.clock.now();
    const refreshToken = `refresh-${this.serial}`;
    return {
      kind: 'success',
      grant: {
        accessToken: `access-${this.serial}`,
        refreshToken,
        refreshTokenRotated: previousRefreshToken !== undefined && previousRefreshToken !== refreshToken,
        issuedAt,
        expiresAt: issuedAt + this.lifetimeSeconds * 1000,
      },
    };
  }

  /** Refresh tokens sent more than once: a rotating server would call each a reuse and revoke the grant. */
  replayedRefreshTokens(): string[] {
    const seen = new Set<string>();
    const replayed: string[] = [];
    for (const call of this.calls) {
      // A request that certainly never left (no connection) spent nothing.
      if (call.grant !== 'refresh' || (call.outcome?.kind === 'transient' && !call.outcome.mayHaveArrived)) continue;
      if (seen.has(call.request.refreshToken)) replayed.push(call.request.refreshToken);
      seen.add(call.request.refreshToken);
    }
    return replayed;
  }

  count(grant?: 'exchange' | 'refresh'): number {
    return grant ? this.calls.filter((c) => c.grant === grant).length : this.calls.length;
  }

  private async answer(call: Call, previousRefreshToken: string | undefined): Promise<TokenOutcome> {
    this.calls.push(call);
    this.active += 1;
    this.maxActive = Math.max(this.maxActive, this.active);
    try {
      const scripted = this.respond?.(call);
      call.outcome = scripted === undefined ? this.success(previousRefreshToken) : await scripted;
      return call.outcome;
    } finally {
      this.active -= 1;
    }
  }
}

/** A promise the test resolves when it chooses. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export const rejected = (status = 400, message = 'invalid_grant'): TokenOutcome => ({ kind: 'rejected', status, message });
/** A failure after the request may have arrived (a reset, a 5xx...): a refresh token sent with it is spent. */
export const unreachable = (message = 'connection reset'): TokenOutcome => ({ kind: 'transient', reason: 'network', message, mayHaveArrived: true });
/** A failure before any connection was made: the request certainly never left. */
export const neverSent = (message = 'connection refused'): TokenOutcome => ({ kind: 'transient', reason: 'network', message, mayHaveArrived: false });
