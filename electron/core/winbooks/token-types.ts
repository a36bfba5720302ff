/** What a token request to Winbooks can end in. */

export interface TokenGrant {
  accessToken: string;
  /** The refresh token to keep: the new one when the server rotated it, otherwise the one sent. */
  refreshToken: string;
  /** True when the answer carried a refresh token different from the one sent. */
  refreshTokenRotated: boolean;
  /** Wall-clock ms when the answer was received. */
  issuedAt: number;
  /** Wall-clock ms when the access token expires (issuedAt + expires_in). */
  expiresAt: number;
}

export type TransientReason = 'timeout' | 'network' | 'server-error' | 'bad-response';

export type TokenOutcome =
  | { kind: 'success'; grant: TokenGrant }
  /** 400/401: the server refused the exchange token or refresh token. */
  | { kind: 'rejected'; status: number; message: string }
  /**
   * Worth retrying later: 5xx, timeout, connection refused/reset, unusable 2xx. mayHaveArrived is false only when
   * the request certainly never left (no connection was made): otherwise the server may have acted on it, and a
   * refresh token sent with it must be taken as spent (a rotating server may already have replaced it).
   */
  | { kind: 'transient'; reason: TransientReason; status?: number; message: string; mayHaveArrived: boolean };

export interface ExchangeRequest {
  host: string;
  email: string;
  exchangeToken: string;
}

export interface RefreshRequest {
  host: string;
  email: string;
  refreshToken: string;
}

export interface WinbooksTokenClient {
  exchange(request: ExchangeRequest): Promise<TokenOutcome>;
  refresh(request: RefreshRequest): Promise<TokenOutcome>;
}
