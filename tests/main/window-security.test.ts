import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contentSecurityPolicy } from '../../electron/main/content-security-policy';
import { isAllowedRequestUrl } from '../../electron/main/renderer-source';
import type { RendererSource } from '../../electron/main/renderer-source';
import { guardSession, guardWebContents, mainWindowOptions } from '../../electron/main/window-security';
import { CapturingLogger } from '../support/lifecycle-fixture';
import { FakeEvent, FakeSession, FakeWebContents } from './fake-electron';

const bundled: RendererSource = { kind: 'bundled', distDir: '/app/dist' };

describe('main window', () => {
  test('isolates the page: context isolation, sandbox, no Node, web security on', () => {
    const options = mainWindowOptions({ preloadPath: '/app/dist-electron/preload.cjs', show: false });
    const web = options.webPreferences;
    assert.ok(web);
    assert.equal(web.contextIsolation, true);
    assert.equal(web.sandbox, true);
    assert.equal(web.nodeIntegration, false);
    assert.equal(web.nodeIntegrationInWorker, false);
    assert.equal(web.nodeIntegrationInSubFrames, false);
    assert.equal(web.webSecurity, true);
    assert.equal(web.allowRunningInsecureContent, false);
    assert.equal(web.webviewTag, false);
    assert.equal(web.preload, '/app/dist-electron/preload.cjs');
    assert.equal(web.devTools, false, 'DevTools off unless asked for (unpackaged builds)');
    assert.equal(mainWindowOptions({ preloadPath: '/p', show: false, devTools: true }).webPreferences?.devTools, true);
    assert.equal(options.show, false);
  });

  test('denies navigation, redirects, webviews and window.open', () => {
    const contents = new FakeWebContents('app://winbooks/index.html');
    const logger = new CapturingLogger();
    guardWebContents(contents.asElectron(), logger);

    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const attempt = new FakeEvent('https://evil.example/phish');
      contents.emit(event, attempt);
      assert.equal(attempt.defaultPrevented, true, `${event} is prevented`);
    }
    assert.ok(contents.windowOpenHandler, 'a window.open handler is installed');
    assert.deepEqual(contents.windowOpenHandler({ url: 'https://evil.example/' }), { action: 'deny' });
    assert.ok(logger.events().includes('window.open-denied'));
  });
});

describe('development reload', () => {
  test('in development the page may reload itself from the dev server; anything else is still denied', () => {
    const contents = new FakeWebContents('http://localhost:5173/');
    const isOurs = (url: string): boolean => url.startsWith('http://localhost:5173/');
    guardWebContents(contents.asElectron(), new CapturingLogger(), { allowReloadOf: isOurs });
    const reload = new FakeEvent('http://localhost:5173/');
    contents.emit('will-navigate', reload);
    assert.equal(reload.defaultPrevented, false, "Vite's full reload goes through");
    const away = new FakeEvent('https://evil.example/');
    contents.emit('will-navigate', away);
    assert.equal(away.defaultPrevented, true);
  });
});

describe('session', () => {
  function guarded(source: RendererSource = bundled): FakeSession {
    const session = new FakeSession();
    guardSession(session.asElectron(), { csp: contentSecurityPolicy(source), isAllowedRequest: (url) => isAllowedRequestUrl(url, source), logger: new CapturingLogger() });
    return session;
  }

  test('refuses every permission request and check', () => {
    const session = guarded();
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      session.permissionRequestHandler?.(null, permission, (granted) => answers.push(granted));
    }
    assert.deepEqual(answers, [false, false, false, false, false]);
    assert.equal(session.permissionCheckHandler?.(null, 'clipboard-sanitized-write'), false);
    assert.equal(session.devicePermissionHandler?.({ deviceType: 'usb' }), false);
  });

  test("adds a CSP that only allows the app's own scripts to every response", () => {
    const session = guarded();
    let headers: Record<string, string[]> | undefined;
    session.headersListener?.({ url: 'app://winbooks/index.html', responseHeaders: { 'Content-Type': ['text/html'] } }, (response) => {
      headers = response.responseHeaders;
    });
    const csp = headers?.['Content-Security-Policy']?.[0] ?? '';
    assert.match(csp, /script-src 'self'(;|$)/u);
    assert.match(csp, /default-src 'none'/u);
    assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline/u);
    assert.deepEqual(headers?.['Content-Type'], ['text/html']);
  });

  test('cancels any request that leaves the app, allows its own files', () => {
    const session = guarded();
    const cancelled = (url: string): boolean | undefined => {
      let cancel: boolean | undefined;
      session.beforeRequestListener?.({ url }, (response) => {
        cancel = response.cancel;
      });
      return cancel;
    };
    assert.equal(cancelled('app://winbooks/assets/index.js'), false);
    assert.equal(cancelled('https://prd.winbooksapis.be/wow/v2/OAuth20/Token'), true);
    assert.equal(cancelled('file:///etc/passwd'), true);
    assert.equal(cancelled('app://other/index.html'), true);
    // The backup download: a blob the page made itself, but no blob of another origin.
    assert.equal(cancelled('blob:app://winbooks/0b6c8f0e-4c1d-4f7e-9d6a-1b2c3d4e5f60'), false);
    assert.equal(cancelled('blob:https://evil.example/0b6c8f0e'), true);
  });

  test('in development also allows the dev server and its HMR socket, nothing else', () => {
    const dev: RendererSource = { kind: 'dev-server', origin: 'http://localhost:5173', url: 'http://localhost:5173/' };
    assert.equal(isAllowedRequestUrl('http://localhost:5173/src/main.tsx', dev), true);
    assert.equal(isAllowedRequestUrl('ws://localhost:5173/', dev), true);
    assert.equal(isAllowedRequestUrl('ws://localhost:6000/', dev), false);
    assert.equal(isAllowedRequestUrl('http://localhost:8080/', dev), false);
    assert.match(contentSecurityPolicy(dev), /connect-src 'self' ws:\/\/localhost:5173/u);
  });
});
