import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

/**
 * The CSP of the built page, also as a <meta> so it holds where no response header can carry it (file://).
 * Not in development: Vite's dev server needs an inline preamble and injected styles (main allows them there).
 */
const BUILT_PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";

function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'wtm-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: BUILT_PAGE_CSP }, injectTo: 'head-prepend' }],
  };
}

/**
 * The renderer build. `base: './'` so the built index.html loads its assets relative to itself (file:// or
 * the app:// scheme); the output has no inline script, as the window's CSP is `script-src 'self'`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react(), contentSecurityPolicyMeta()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // The module-preload polyfill would be an inline script; Chromium supports modulepreload natively.
    modulePreload: { polyfill: false },
    target: 'es2023',
  },
});
