/**
 * The Winbooks URL a gateway request maps to: `/<key>/app/...?q` -> `{account host}/app/...?q`. The token goes
 * only to the account's own host (the rule of issue 10), so the path may not climb out of `/app`: a dot segment,
 * in any spelling a server might decode (`..`, `%2e%2e`, `..%2f`), is refused rather than normalised.
 */

/** Where one forwarded request goes: the account host's origin, fixed, and the path under it, sent as received. */
export interface UpstreamTarget {
  secure: boolean;
  hostname: string;
  port: number;
  /** Base path of the host (usually empty) + `/app/...` + the query string. */
  requestPath: string;
}

export type TargetResult = { ok: true; target: UpstreamTarget; path: string } | { ok: false; reason: string };

interface AccountBase {
  secure: boolean;
  hostname: string;
  port: number;
  basePath: string;
}

/** Splits `/<key>/rest` into the key candidate and `/rest` (path and query). */
export function splitKey(requestTarget: string): { key: string; rest: string } | null {
  if (!requestTarget.startsWith('/')) return null;
  const slash = requestTarget.indexOf('/', 1);
  const end = slash === -1 ? requestTarget.length : slash;
  const key = requestTarget.slice(1, end).split('?')[0] ?? '';
  const rest = slash === -1 ? '' : requestTarget.slice(slash);
  return key === '' ? null : { key, rest };
}

function hasDotSegment(rawPath: string): boolean {
  for (const raw of rawPath.split('/')) {
    if (!raw.includes('.') && !raw.includes('%')) continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return true;
    }
    if (decoded.split(/[/\\]/u).some((part) => part === '.' || part === '..')) return true;
  }
  return false;
}

/** Every request of an account parses the same host: parsed once per host string (a handful per app). */
const bases = new Map<string, AccountBase | null>();
const MAX_CACHED_BASES = 1_000;

function baseOf(accountHost: string): AccountBase | null {
  const cached = bases.get(accountHost);
  if (cached !== undefined) return cached;
  let base: AccountBase | null = null;
  try {
    const url = new URL(accountHost);
    const secure = url.protocol === 'https:';
    if (secure || url.protocol === 'http:') {
      const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
      base = { secure, hostname, port: url.port === '' ? (secure ? 443 : 80) : Number(url.port), basePath: url.pathname.replace(/\/+$/u, '') };
    }
  } catch {
    base = null;
  }
  if (bases.size >= MAX_CACHED_BASES) bases.clear();
  bases.set(accountHost, base);
  return base;
}

/** A fragment, white space or a control character has no place in a request target sent on to Winbooks. */
function hasUnsafeCharacter(target: string): boolean {
  for (let index = 0; index < target.length; index += 1) {
    const code = target.charCodeAt(index);
    if (code <= 0x20 || code === 0x7f || code === 0x23) return true;
  }
  return false;
}

export function upstreamTarget(accountHost: string, rest: string): TargetResult {
  const queryAt = rest.indexOf('?');
  const rawPath = queryAt === -1 ? rest : rest.slice(0, queryAt);
  if (rawPath !== '/app' && !rawPath.startsWith('/app/')) {
    return { ok: false, reason: 'Only Winbooks resources under /app/ are served: use http://127.0.0.1:<port>/<key>/app/...' };
  }
  if (rawPath.includes('\\') || hasDotSegment(rawPath)) return { ok: false, reason: 'The path may not contain "." or ".." segments.' };
  if (hasUnsafeCharacter(rest)) return { ok: false, reason: 'The path is not a valid URL path.' };
  const base = baseOf(accountHost);
  if (base === null) return { ok: false, reason: 'The account’s Winbooks host is not a valid http(s) address.' };
  // Host and port come from the account, never from the request: the path cannot move the token elsewhere.
  return { ok: true, target: { secure: base.secure, hostname: base.hostname, port: base.port, requestPath: `${base.basePath}${rest}` }, path: rawPath };
}
