import { normaliseHost } from '../../shared/host-policy';
import { AnswerTooLargeError, NotSentError, RequestTimeoutError, createNodeHttpPost } from './http-post';
import type { HttpPost } from './http-post';
import { readTokenAnswer, redactDetail, refusalDetail } from './token-response';
import type { TokenGrant, TokenOutcome, TransientReason, WinbooksTokenClient } from './token-types';

/**
 * The Winbooks token endpoint client: POST {base}/OAuth20/Token with the e-mail as Basic credentials.
 * Every answer and failure becomes a TokenOutcome; it never throws and never logs.
 */

export const DEFAULT_TOKEN_TIMEOUT_MS = 15_000;

export interface WinbooksTokenClientOptions {
  /** Whole request, answer body included. */
  timeoutMs?: number;
  /** Wall clock in ms, for issuedAt/expiresAt. */
  now?: () => number;
  /** Defaults to node:http(s) with keep-alive; tests pass a recording one. */
  post?: HttpPost;
}

type GrantType = 'exchange_token' | 'refresh_token';

interface TokenCall {
  grantType: GrantType;
  host: string;
  email: string;
  code: string;
}

/** `{base}/OAuth20/Token` for a host allowed by the account rules (https, or http on loopback only). */
export function tokenEndpointUrl(host: string): { ok: true; url: string } | { ok: false; reason: string } {
  const normalised = normaliseHost(host);
  return normalised.ok ? { ok: true, url: `${normalised.host}/OAuth20/Token` } : normalised;
}

/** Winbooks identifies the grantee by the e-mail alone: no colon, no password. */
export function basicEmailAuthorization(email: string): string {
  return `Basic ${Buffer.from(email, 'utf8').toString('base64')}`;
}

/** What encodeURIComponent leaves as it is but application/x-www-form-urlencoded encodes (space aside). */
const NOT_FORM_SAFE = /[!'()~]/gu;

/** The form body, encoded exactly as URLSearchParams would (without building one on every refresh). */
export function tokenRequestBody(grantType: GrantType, code: string): string {
  const encoded = encodeURIComponent(code)
    .replace(NOT_FORM_SAFE, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/gu, '+');
  return `grant_type=${grantType}&code=${encoded}`;
}

/** A failure after the request may have reached the server (the default: only a failed connection proves otherwise). */
const transient = (reason: TransientReason, message: string, status?: number, mayHaveArrived = true): TokenOutcome =>
  status === undefined ? { kind: 'transient', reason, message, mayHaveArrived } : { kind: 'transient', reason, status, message, mayHaveArrived };

function errorCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const NETWORK_PROBLEMS: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  UND_ERR_SOCKET: 'the connection was closed before an answer came',
  EPIPE: 'the connection was closed while sending',
  ENOTFOUND: 'the host name was not found',
  EAI_AGAIN: 'the host name could not be looked up',
  ENETUNREACH: 'the network is unreachable',
  EHOSTUNREACH: 'the host is unreachable',
};

function networkFailure(error: unknown, origin: string, mayHaveArrived: boolean): TokenOutcome {
  const code = errorCodeOf(error);
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return transient('timeout', `Could not connect to ${origin} in time. Check the internet connection.`, undefined, mayHaveArrived);
  }
  const problem =
    (code === undefined ? undefined : NETWORK_PROBLEMS[code]) ??
    (code !== undefined && /CERT|TLS|SSL/u.test(code) ? `its TLS certificate was not accepted (${code})` : `a network error occurred (${code ?? (error instanceof Error ? error.name : 'unknown')})`);
  return transient('network', `Could not reach ${origin}: ${problem}. Check the internet connection and the host address.`, undefined, mayHaveArrived);
}

function statusFailure(status: number, url: string): TokenOutcome {
  if (status >= 500) return transient('server-error', `Winbooks has a problem on its side (HTTP ${status}); try again later.`, status);
  if (status >= 300 && status < 400) return transient('server-error', `Winbooks answered with a redirect (HTTP ${status}); check the host address.`, status);
  if (status === 404) return transient('server-error', `No token endpoint at ${url} (HTTP 404); check the host address.`, status);
  return transient('server-error', `Winbooks answered HTTP ${status} unexpectedly; try again later.`, status);
}

/** The token endpoint of one host, parsed once: every refresh of an account posts to the same URL. */
interface Endpoint {
  url: URL;
  href: string;
  origin: string;
}

export function createWinbooksTokenClient(options: WinbooksTokenClientOptions = {}): WinbooksTokenClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const post: HttpPost = options.post ?? createNodeHttpPost();
  const endpoints = new Map<string, Endpoint | { reason: string }>();
  const authorizations = new Map<string, string>();

  function authorizationOf(email: string): string {
    let header = authorizations.get(email);
    if (header === undefined) {
      header = basicEmailAuthorization(email);
      if (authorizations.size > 10_000) authorizations.clear();
      authorizations.set(email, header);
    }
    return header;
  }

  function endpointOf(host: string): Endpoint | { reason: string } {
    let endpoint = endpoints.get(host);
    if (endpoint === undefined) {
      const checked = tokenEndpointUrl(host);
      endpoint = checked.ok ? { url: new URL(checked.url), href: checked.url, origin: new URL(checked.url).origin } : { reason: checked.reason };
      if (endpoints.size > 1000) endpoints.clear();
      endpoints.set(host, endpoint);
    }
    return endpoint;
  }

  async function send(call: TokenCall, endpoint: Endpoint): Promise<TokenOutcome> {
    try {
      const answer = await post(endpoint.url, {
        headers: {
          Authorization: authorizationOf(call.email),
          Accept: 'application/json',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: tokenRequestBody(call.grantType, call.code),
        timeoutMs,
      });
      return interpret(call, endpoint.href, answer.status, answer.contentType, answer.body, now());
    } catch (caught) {
      const mayHaveArrived = !(caught instanceof NotSentError);
      const error = caught instanceof NotSentError ? caught.cause : caught;
      if (error instanceof RequestTimeoutError) {
        return transient('timeout', `Winbooks did not answer within ${Math.round(timeoutMs / 100) / 10} s (${endpoint.origin}); try again later.`, undefined, mayHaveArrived);
      }
      if (error instanceof AnswerTooLargeError) return transient('bad-response', `Winbooks answered with ${error.message}; try again later.`);
      return networkFailure(error, endpoint.origin, mayHaveArrived);
    }
  }

  async function request(call: TokenCall): Promise<TokenOutcome> {
    const endpoint = endpointOf(call.host);
    // Not sent at all. Only a corrupted record gets here (input rules check hosts), so "network" with the
    // reason is the honest outcome: the grant itself was not refused, and the user must fix the host.
    if ('reason' in endpoint) return transient('network', `Not sent: ${endpoint.reason}`, undefined, false);
    try {
      return await send(call, endpoint);
    } catch (error) {
      const detail = redactDetail(error instanceof Error ? error.message : String(error), [call.code]);
      return transient('network', `The token request failed unexpectedly (${detail}); try again later.`);
    }
  }

  return {
    exchange: (req) => request({ grantType: 'exchange_token', host: req.host, email: req.email, code: req.exchangeToken }),
    refresh: (req) => request({ grantType: 'refresh_token', host: req.host, email: req.email, code: req.refreshToken }),
  };
}

function interpret(call: TokenCall, endpoint: string, status: number, contentType: string | null, body: string, receivedAt: number): TokenOutcome {
  const what = call.grantType === 'exchange_token' ? 'exchange token' : 'refresh token';
  if (status === 400 || status === 401) {
    const detail = refusalDetail(body, contentType, [call.code]);
    return { kind: 'rejected', status, message: `Winbooks refused the ${what} (HTTP ${status})${detail === null ? '.' : `: ${detail}`}` };
  }
  if (status < 200 || status >= 300) return statusFailure(status, endpoint);

  const reading = readTokenAnswer(body, contentType);
  if (!reading.ok) return transient('bad-response', `Winbooks answered HTTP ${status} but ${reading.problem}; try again later.`, status);
  const sentRefreshToken = call.grantType === 'refresh_token' ? call.code : undefined;
  const refreshToken = reading.answer.refreshToken ?? sentRefreshToken;
  if (refreshToken === undefined) {
    return transient('bad-response', `Winbooks answered HTTP ${status} but the exchange gave no refresh_token; try again later.`, status);
  }
  const grant: TokenGrant = {
    accessToken: reading.answer.accessToken,
    refreshToken,
    refreshTokenRotated: refreshToken !== sentRefreshToken,
    issuedAt: receivedAt,
    expiresAt: receivedAt + Math.round(reading.answer.expiresInSeconds * 1000),
  };
  return { kind: 'success', grant };
}
