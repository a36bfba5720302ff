import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createAppProtocolHandler } from '../../electron/main/app-protocol';
import { chooseRendererSource, isTrustedRendererUrl, rendererEntryUrl } from '../../electron/main/renderer-source';

describe('renderer source', () => {
  test('packaged apps always load the bundled files, whatever the environment says', () => {
    const source = chooseRendererSource({ isPackaged: true, devServerUrl: 'http://localhost:5173', distDir: '/app/dist' });
    assert.equal(source.kind, 'bundled');
    assert.equal(rendererEntryUrl(source), 'app://winbooks/index.html');
  });

  test('development uses the dev server, only on a loopback address', () => {
    const dev = chooseRendererSource({ isPackaged: false, devServerUrl: 'http://localhost:5173/', distDir: '/app/dist' });
    assert.equal(rendererEntryUrl(dev), 'http://localhost:5173/');
    assert.throws(() => chooseRendererSource({ isPackaged: false, devServerUrl: 'http://192.168.1.10:5173', distDir: '/d' }), /on this computer/u);
    assert.throws(() => chooseRendererSource({ isPackaged: false, devServerUrl: 'not a url', distDir: '/d' }), /is not a URL/u);
  });

  test('only our page counts as ours', () => {
    const bundled = chooseRendererSource({ isPackaged: true, devServerUrl: undefined, distDir: '/d' });
    assert.equal(isTrustedRendererUrl('app://winbooks/index.html#/settings', bundled), true);
    assert.equal(isTrustedRendererUrl('app://evil/index.html', bundled), false);
    assert.equal(isTrustedRendererUrl('file:///app/dist/index.html', bundled), false);
    assert.equal(isTrustedRendererUrl('app://user:pw@winbooks/index.html', bundled), false);
    assert.equal(isTrustedRendererUrl('::::', bundled), false);
  });
});

describe('app:// protocol handler', () => {
  let dist: string;
  let handler: (request: Request) => Promise<Response>;
  before(async () => {
    dist = await mkdtemp(join(tmpdir(), 'wtm-dist-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>x</title>');
    await writeFile(join(dist, 'assets', 'index.js'), 'console.log(1)');
    await writeFile(join(dist, '..', 'secret.txt'), 'outside');
    handler = createAppProtocolHandler({ distDir: dist, csp: "script-src 'self'" });
  });
  after(async () => {
    await rm(dist, { recursive: true, force: true });
    await rm(join(dist, '..', 'secret.txt'), { force: true });
  });

  test('serves the built files with the CSP header and their type', async () => {
    const page = await handler(new Request('app://winbooks/index.html'));
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('Content-Security-Policy'), "script-src 'self'");
    assert.match(page.headers.get('Content-Type') ?? '', /text\/html/u);
    assert.match(await page.text(), /<title>x<\/title>/u);
    const script = await handler(new Request('app://winbooks/assets/index.js'));
    assert.match(script.headers.get('Content-Type') ?? '', /javascript/u);
    assert.equal((await handler(new Request('app://winbooks/'))).status, 200);
  });

  test('refuses paths outside dist, other hosts, missing files and writes', async () => {
    for (const url of ['app://winbooks/..%2Fsecret.txt', 'app://winbooks/%2e%2e/secret.txt', 'app://other/index.html', 'app://winbooks/missing.js']) {
      const response = await handler(new Request(url));
      assert.equal(response.status, 404, url);
      await response.text();
    }
    assert.equal((await handler(new Request('app://winbooks/index.html', { method: 'POST', body: 'x' }))).status, 405);
  });
});
