/**
 * The Winbooks URL a gateway request maps to: `/<key>/app/...?q` -> `{account host}/app/...?q`. The token goes
 * only to the account's own host (the rule of issue 10), so the path may not climb out of `/app`: a dot segment,
 * in any spelling a server might decode (`..`, `%2e%2e`, `..%2f`), is refused rather than normalised.
 */

export type TargetResult = { ok: true; url: URL; path: string } | { ok: false; reason: string };

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

export function upstreamTarget(accountHost: string, rest: string): TargetResult {
  const queryAt = rest.indexOf('?');
  const rawPath = queryAt === -1 ? rest : rest.slice(0, queryAt);
  const query = queryAt === -1 ? '' : rest.slice(queryAt);
  if (rawPath !== '/app' && !rawPath.startsWith('/app/')) {
    return { ok: false, reason: 'Only Winbooks resources under /app/ are served: use http://127.0.0.1:<port>/<key>/app/...' };
  }
  if (rawPath.includes('\\') || hasDotSegment(rawPath)) return { ok: false, reason: 'The path may not contain "." or ".." segments.' };
  let base: URL;
  let url: URL;
  try {
    base = new URL(accountHost);
    url = new URL(`${base.origin}${base.pathname.replace(/\/+$/u, '')}${rawPath}${query}`);
  } catch {
    return { ok: false, reason: 'The path is not a valid URL path.' };
  }
  const basePath = base.pathname.replace(/\/+$/u, '');
  if (url.origin !== base.origin || !url.pathname.startsWith(`${basePath}/app`)) {
    return { ok: false, reason: 'The path does not stay under the account’s Winbooks host.' };
  }
  return { ok: true, url, path: rawPath };
}
