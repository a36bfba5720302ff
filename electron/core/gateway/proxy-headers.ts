import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/**
 * Which headers cross the gateway. Hop-by-hop headers (RFC 9110 7.6.1) belong to one connection and are
 * dropped both ways, along with any header the Connection header names. Requests also lose what would carry a
 * credential or a browser's context (Authorization, Cookie, Origin, Sec-Fetch-*); answers lose CORS and cookie
 * headers, and get headers that keep a browser from running or sharing anything they contain.
 */

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'proxy-connection']);
const REQUEST_DROPPED = new Set(['host', 'expect', 'authorization', 'cookie', 'origin', 'referer', 'forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto']);
const RESPONSE_DROPPED = new Set(['set-cookie', 'set-cookie2', 'www-authenticate', 'alt-svc', 'strict-transport-security']);

/** Headers every answer of the gateway carries. */
export const GATEWAY_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function connectionNamed(headers: IncomingHttpHeaders): Set<string> {
  const named = new Set<string>();
  const value = headers.connection;
  for (const token of (Array.isArray(value) ? value.join(',') : (value ?? '')).split(',')) {
    const name = token.trim().toLowerCase();
    if (name !== '') named.add(name);
  }
  return named;
}

function copyWithout(headers: IncomingHttpHeaders, dropped: (name: string) => boolean): OutgoingHttpHeaders {
  const named = connectionNamed(headers);
  const copy: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || named.has(name) || name.startsWith('proxy-') || dropped(name)) continue;
    copy[name] = value;
  }
  return copy;
}

/** The client's headers as sent on to Winbooks (the caller adds Host and the bearer token). */
export function upstreamRequestHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  return copyWithout(headers, (name) => REQUEST_DROPPED.has(name) || name.startsWith('sec-fetch-'));
}

/** Winbooks' answer headers as passed back to the client. */
export function downstreamResponseHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const copy = copyWithout(headers, (name) => RESPONSE_DROPPED.has(name) || name.startsWith('access-control-'));
  return { ...copy, ...GATEWAY_RESPONSE_HEADERS };
}
