import type { ExchangeRequest, RefreshRequest, TokenOutcome, WinbooksTokenClient } from '../../electron/core/winbooks/token-types';
import type { Clock } from '../../electron/core/common/clock';

export type Call = { grant: 'exchange'; request: ExchangeRequest; at: number } | { grant: 'refresh'; request: RefreshRequest; at: number };

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

  count(grant?: 'exchange' | 'refresh'): number {
    return grant ? this.calls.filter((c) => c.grant === grant).length : this.calls.length;
  }

  private async answer(call: Call, previousRefreshToken: string | undefined): Promise<TokenOutcome> {
    this.calls.push(call);
    this.active += 1;
    this.maxActive = Math.max(this.maxActive, this.active);
    try {
      const scripted = this.respond?.(call);
      return scripted === undefined ? this.success(previousRefreshToken) : await scripted;
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
export const unreachable = (message = 'connection refused'): TokenOutcome => ({ kind: 'transient', reason: 'network', message });
