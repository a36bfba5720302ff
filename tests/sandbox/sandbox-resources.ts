import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Winbooks-like resources under `{base}/app/...` for the gateway's tests, the bench and the demo. Each needs a
 * valid, unexpired bearer token (else 401 invalid_token, as the live API). Paths follow the live API's shape,
 * `app/<object model>/Folder/<folder>`:
 *   GET  app/Customers/Folder/<f>[?limit=n]   a JSON list of customers
 *   GET  app/Suppliers/Folder/<f>             a JSON list of suppliers
 *   GET  app/Export/Folder/<f>?size=<bytes>   a CSV export of exactly that many bytes, streamed with backpressure
 *   any  app/Echo/...                         what arrived: method, path, query, body size and digest, header names
 *                                             (?status=<code> answers with that status, ?delayMs=<ms> answers late)
 * Any other path is left to the sandbox (it returns false).
 */

const MAX_EXPORT_BYTES = 1024 * 1024 * 1024;
const DEFAULT_EXPORT_BYTES = 1024 * 1024;
const MAX_ECHO_BODY_BYTES = 64 * 1024 * 1024;

const EXPORT_CHUNK = ((): Buffer => {
  const lines: string[] = [];
  let size = 0;
  for (let row = 0; size < 64 * 1024; row += 1) {
    const line = `${String(row).padStart(6, '0')};700000;Invoice ${row};${(row * 17.35).toFixed(2)};EUR\n`;
    lines.push(line);
    size += line.length;
  }
  return Buffer.from(lines.join('')).subarray(0, 64 * 1024);
})();

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function bearerOf(req: IncomingMessage): string | null {
  return /^Bearer (\S+)$/u.exec(req.headers.authorization?.trim() ?? '')?.[1] ?? null;
}

function records(kind: 'customer' | 'supplier', count: number): unknown[] {
  return Array.from({ length: count }, (_, index) => ({
    $type: kind === 'customer' ? 'Winbooks.TORM.OM.Customer, Winbooks.TORM.OM' : 'Winbooks.TORM.OM.Supplier, Winbooks.TORM.OM',
    Code: `${kind === 'customer' ? 'C' : 'S'}${String(index + 1).padStart(4, '0')}`,
    Name: `${kind === 'customer' ? 'Customer' : 'Supplier'} ${index + 1}`,
    VatNumber: `BE0${String(400000000 + index * 7919).slice(0, 9)}`,
  }));
}

function streamExport(res: ServerResponse, size: number): void {
  res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Length': String(size), 'Cache-Control': 'no-store' });
  let left = size;
  const pump = (): void => {
    while (left > 0) {
      const length = Math.min(left, EXPORT_CHUNK.length);
      left -= length;
      if (!res.write(length === EXPORT_CHUNK.length ? EXPORT_CHUNK : EXPORT_CHUNK.subarray(0, length))) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  pump();
}

async function echo(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
  const digest = createHash('sha256');
  let bodyBytes = 0;
  for await (const chunk of req) {
    bodyBytes += (chunk as Buffer).length;
    if (bodyBytes > MAX_ECHO_BODY_BYTES) {
      sendJson(res, 413, { error: 'too_large' });
      return;
    }
    digest.update(chunk as Buffer);
  }
  const extra: Record<string, string> =
    query.get('hopHeaders') === '1'
      ? { Connection: 'X-Private-Hop', 'X-Private-Hop': 'secret-hop', 'Proxy-Authenticate': 'Basic', 'Access-Control-Allow-Origin': '*', 'X-End-To-End': 'kept' }
      : {};
  const status = Number(query.get('status') ?? '200');
  const delayMs = Math.min(Number(query.get('delayMs') ?? '0') || 0, 60_000);
  if (delayMs > 0) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, delayMs);
      res.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (res.destroyed) return;
  }
  sendJson(
    res,
    Number.isInteger(status) && status >= 200 && status <= 599 ? status : 200,
    {
      method: req.method,
      path,
      query: Object.fromEntries(query),
      bodyBytes,
      bodySha256: digest.digest('hex'),
      contentType: req.headers['content-type'] ?? null,
      headerNames: Object.keys(req.headers).sort(),
    },
    extra,
  );
}

/** Serves the request when it is one of these resources (true), else leaves it to the sandbox (false). */
export function serveResource(req: IncomingMessage, res: ServerResponse, path: string, bearerOwner: (token: string) => string | null): boolean {
  const [, app, model, folderWord, folder] = path.split('/');
  const known = app === 'app' && (model === 'Echo' || (['Customers', 'Suppliers', 'Export'].includes(model ?? '') && folderWord === 'Folder' && folder !== undefined));
  if (!known) return false;
  const token = bearerOf(req);
  if (token === null || bearerOwner(token) === null) {
    req.resume();
    sendJson(res, 401, { error: 'invalid_token', error_description: 'The access token is missing, invalid or expired.' }, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    return true;
  }
  const query = new URL(req.url ?? '/', 'http://sandbox.invalid').searchParams;
  if (model === 'Echo') {
    void echo(req, res, path, query);
    return true;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    req.resume();
    sendJson(res, 405, { error: 'invalid_request', error_description: 'Use GET.' }, { Allow: 'GET, HEAD' });
    return true;
  }
  if (model === 'Export') {
    const size = Number(query.get('size') ?? DEFAULT_EXPORT_BYTES);
    if (!Number.isSafeInteger(size) || size < 0 || size > MAX_EXPORT_BYTES) {
      sendJson(res, 400, { error: 'invalid_request', error_description: `size: 0 to ${MAX_EXPORT_BYTES} bytes.` });
      return true;
    }
    streamExport(res, size);
    return true;
  }
  const limit = Math.min(Math.max(Number(query.get('limit') ?? '25') || 0, 0), 10_000);
  sendJson(res, 200, records(model === 'Customers' ? 'customer' : 'supplier', limit));
  return true;
}
