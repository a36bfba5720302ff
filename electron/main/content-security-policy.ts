import type { RendererSource } from './renderer-source';

/**
 * The page may run only its own scripts and reach nothing outside the app. In development Vite needs an
 * inline preamble (React refresh), injected <style> tags and its HMR WebSocket: allowed only there.
 */
export function contentSecurityPolicy(source: RendererSource): string {
  const common = ["default-src 'none'", "img-src 'self' data:", "font-src 'self'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'", "object-src 'none'"];
  if (source.kind === 'bundled') {
    return [...common, "script-src 'self'", "style-src 'self'", "connect-src 'self'"].join('; ');
  }
  const websocket = source.origin.replace(/^http/u, 'ws');
  return [...common, "script-src 'self' 'unsafe-inline'", "style-src 'self' 'unsafe-inline'", `connect-src 'self' ${websocket}`].join('; ');
}
