/**
 * Where the window's page comes from and which URLs count as ours. Production serves the Vite build from
 * the privileged `app://winbooks` scheme (a real origin, so response headers such as the CSP apply);
 * development loads the Vite dev server, but only from a loopback address and only when not packaged.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'winbooks';
export const DEV_SERVER_ENV = 'VITE_DEV_SERVER_URL';

export type RendererSource = { kind: 'bundled'; distDir: string } | { kind: 'dev-server'; origin: string; url: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function chooseRendererSource(input: { isPackaged: boolean; devServerUrl: string | undefined; distDir: string }): RendererSource {
  if (input.isPackaged || input.devServerUrl === undefined || input.devServerUrl === '') return { kind: 'bundled', distDir: input.distDir };
  let url: URL;
  try {
    url = new URL(input.devServerUrl);
  } catch {
    throw new Error(`${DEV_SERVER_ENV} is not a URL ("${input.devServerUrl}"); expected e.g. http://localhost:5173.`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !LOOPBACK.has(url.hostname)) {
    throw new Error(`${DEV_SERVER_ENV} must be an http(s) address on this computer (localhost, 127.0.0.1 or [::1]), not "${input.devServerUrl}".`);
  }
  return { kind: 'dev-server', origin: url.origin, url: url.href };
}

export function rendererEntryUrl(source: RendererSource): string {
  return source.kind === 'bundled' ? `${APP_SCHEME}://${APP_HOST}/index.html` : source.url;
}

/** True for URLs of the app's own page (any path), false for everything else, including malformed URLs. */
export function isTrustedRendererUrl(url: string, source: RendererSource): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username !== '' || parsed.password !== '') return false;
  // Node gives non-special schemes an opaque origin, so the app scheme is compared by its parts.
  if (source.kind === 'bundled') return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  return parsed.origin === source.origin;
}

/** Requests the page may make: its own files, and in development Vite's HMR WebSocket. Nothing on the network. */
export function isAllowedRequestUrl(url: string, source: RendererSource): boolean {
  if (isTrustedRendererUrl(url, source) || url.startsWith('devtools://') || url.startsWith('data:')) return true;
  // The backup download is a blob the page made itself (blob:app://winbooks/<uuid>).
  if (url.startsWith('blob:') && isTrustedRendererUrl(url.slice('blob:'.length), source)) return true;
  if (source.kind !== 'dev-server') return false;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'ws:' || parsed.protocol === 'wss:') && parsed.host === new URL(source.origin).host;
  } catch {
    return false;
  }
}
