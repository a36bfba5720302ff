import type { IncomingHttpHeaders } from 'node:http';

/**
 * What a request must look like before the gateway even looks at its key. Other software on this machine, and
 * web pages in its browsers, are assumed hostile:
 * - DNS rebinding: a page served from evil.example whose name now resolves to 127.0.0.1 sends
 *   `Host: evil.example:<port>`. Only the loopback names with our port are accepted.
 * - Cross-site requests: browsers add `Origin` to every cross-origin fetch or form post and `Sec-Fetch-Site`
 *   to every request. Excel, Power BI, Postman and curl send neither (Sec-Fetch-Site "none" means the person
 *   typed the URL); "same-origin" too is refused, since no page of the gateway's own origin is trusted. The
 *   gateway never sends CORS headers, so a page cannot read an answer either.
 */

export type GuardVerdict = { ok: true } | { ok: false; status: 400 | 403; reason: string };

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `[::1]:${port}`, `localhost:${port}`]);
}

export function checkRequest(headers: IncomingHttpHeaders, hosts: ReadonlySet<string>): GuardVerdict {
  const host = headers.host?.toLowerCase();
  if (host === undefined || !hosts.has(host)) {
    return { ok: false, status: 403, reason: 'The Host header does not name this computer’s gateway address.' };
  }
  if (headers.origin !== undefined) {
    return { ok: false, status: 403, reason: 'Requests from web pages are refused.' };
  }
  const site = headerValue(headers['sec-fetch-site'])?.toLowerCase();
  if (site !== undefined && site !== 'none') {
    return { ok: false, status: 403, reason: 'Requests from web pages are refused.' };
  }
  return { ok: true };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
