/**
 * Which API addresses may receive a token. One pure function, used by input validation (main and renderer) and by
 * the token lifecycle before anything is sent: the two Winbooks bases; loopback for the sandbox and the demo; any
 * other https address only when the user turned "other API addresses" on (a main-owned confirmation).
 */

export const PRODUCTION_HOST = 'https://prd.winbooksapis.be/wow/v2';
export const LEGACY_HOST = 'https://rapi.winbooksonweb.be';
export const WINBOOKS_HOSTS: readonly string[] = [PRODUCTION_HOST, LEGACY_HOST];

const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface HostPolicy {
  /** Any https address besides the Winbooks bases and loopback. Off unless the user turned it on. */
  allowOtherHosts: boolean;
}

export const DEFAULT_HOST_POLICY: HostPolicy = { allowOtherHosts: false };

/** Why an address is refused: 'not-allowed' is a well-formed https address the policy does not accept. */
export type HostProblem = 'invalid' | 'scheme' | 'credentials' | 'query' | 'oauthPath' | 'not-allowed';

export type HostVerdict = { ok: true; host: string } | { ok: false; problem: HostProblem; reason: string };

const REASONS: Record<HostProblem, string> = {
  invalid: 'Host: not a valid address; expected e.g. https://rapi.winbooksonweb.be.',
  scheme: 'Host: must start with https:// (plain http is allowed only for a local sandbox on 127.0.0.1, localhost or [::1]).',
  credentials: 'Host: must not contain a user name or password.',
  query: 'Host: must not contain a query (?) or fragment (#); enter only the API base.',
  oauthPath: 'Host: enter the API base without /OAuth20/Token (e.g. https://rapi.winbooksonweb.be).',
  'not-allowed':
    'Host: only the Winbooks addresses (https://prd.winbooksapis.be/wow/v2, https://rapi.winbooksonweb.be) are accepted; turn on "other API addresses" in Settings to use another one.',
};

const refuse = (problem: HostProblem): HostVerdict => ({ ok: false, problem, reason: REASONS[problem] });

/**
 * The address in its one stored form (lower-case origin, no trailing slash) when it is well formed: https, or http
 * on loopback only; no credentials, query, fragment or token path. Says nothing about whether it is allowed.
 */
export function normaliseHost(raw: string): HostVerdict {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('invalid');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHostname(url.hostname))) return refuse('scheme');
  if (url.username !== '' || url.password !== '') return refuse('credentials');
  if (url.search !== '' || url.hash !== '' || text.includes('?') || text.includes('#')) return refuse('query');
  const path = url.pathname.replace(/\/+$/u, '');
  if (/\/OAuth20(\/|$)/iu.test(path)) return refuse('oauthPath');
  return { ok: true, host: `${url.protocol}//${url.host}${path}` };
}

export function isLoopbackHostname(hostname: string): boolean {
  return LOOPBACK_HOSTNAMES.has(hostname);
}

/** Whether a normalised host may receive tokens under this policy. */
export function isHostAllowed(host: string, policy: HostPolicy): boolean {
  if (WINBOOKS_HOSTS.includes(host)) return true;
  const hostname = hostnameOf(host);
  if (hostname === null) return false;
  if (isLoopbackHostname(hostname)) return true;
  return policy.allowOtherHosts && host.startsWith('https://');
}

/** Normalises, then applies the policy: the one check every address passes before a token may go to it. */
export function checkHost(raw: string, policy: HostPolicy): HostVerdict {
  const normalised = normaliseHost(raw);
  if (!normalised.ok) return normalised;
  return isHostAllowed(normalised.host, policy) ? normalised : refuse('not-allowed');
}

function hostnameOf(host: string): string | null {
  try {
    return new URL(host).hostname;
  } catch {
    return null;
  }
}
