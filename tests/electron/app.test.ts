import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { ElectronApplication, Page } from 'playwright';
import { electronBinaryPath, SKIP_MESSAGE } from './electron-binary';

/**
 * The real app, driven by Playwright: it starts (demo mode: embedded sandbox, three accounts), lists the
 * accounts, and a tray copy puts a fresh token on the clipboard that is cleared afterwards.
 * Needs the Electron binary and a build (`npm run build`); skipped, and says so, where they are missing.
 */

const binary = electronBinaryPath();
const built = existsSync('dist/index.html') && existsSync('dist-electron/demo.cjs');
const skip = binary === null ? SKIP_MESSAGE : built ? false : 'skipped: run `npm run build` first (dist/ or dist-electron/ missing)';
if (skip !== false) console.log(skip);

interface BridgeWindow {
  winbooks: {
    listAccounts(request: undefined): Promise<{ ok: boolean; value: { accounts: { id: string; label: string; status: string }[] } }>;
    updateSettings(request: { clipboardClearSeconds: number }): Promise<{ ok: boolean }>;
  };
}

describe('Electron app (Playwright)', () => {
  let app: ElectronApplication | undefined;
  let page: Page;
  const running = (): ElectronApplication => {
    assert.ok(app, 'the app was launched');
    return app;
  };

  before(async () => {
    if (skip !== false) return;
    const { _electron } = await import('playwright');
    app = await _electron.launch({
      executablePath: binary ?? undefined,
      args: ['dist-electron/demo.cjs'],
      env: { ...process.env, WTM_E2E: '1' },
      timeout: 60_000,
    });
    page = await app.firstWindow({ timeout: 60_000 });
  });

  after(async () => {
    await app?.close();
  });

  const accounts = () => page.evaluate(async () => (await (window as unknown as BridgeWindow).winbooks.listAccounts(undefined)).value.accounts);

  test('starts and lists the demo accounts from the sandbox', { skip }, async () => {
    let listed: { label: string; status: string }[] = [];
    for (let attempt = 0; attempt < 60 && listed.length < 3; attempt += 1) {
      listed = await accounts();
      if (listed.length < 3) await page.waitForTimeout(500);
    }
    assert.deepEqual(listed.map((account) => account.label).sort(), ['ACME Consulting', 'Bakkerij Peeters', 'Garage Dupont']);
    await page.getByText('ACME Consulting').first().waitFor({ timeout: 30_000 });
  });

  test('a tray copy puts a fresh token on the clipboard, and it is cleared after the delay', { skip }, async () => {
    await page.evaluate(() => (window as unknown as BridgeWindow).winbooks.updateSettings({ clipboardClearSeconds: 2 }));
    const acme = (await accounts()).find((account) => account.label === 'ACME Consulting');
    assert.ok(acme);
    await running().evaluate((_electron, id) => {
      const action = (globalThis as unknown as Record<string, (action: unknown) => void>).wtmTrayAction;
      action?.({ type: 'copy', accountId: id, format: 'header' });
    }, acme.id);
    const readClipboard = () => running().evaluate(({ clipboard }) => clipboard.readText());
    let text = '';
    for (let attempt = 0; attempt < 40 && text === ''; attempt += 1) {
      text = await readClipboard();
      if (text === '') await page.waitForTimeout(250);
    }
    assert.match(text, /^Authorization: Bearer \S+$/u);
    for (let attempt = 0; attempt < 80 && text !== ''; attempt += 1) {
      await page.waitForTimeout(250);
      text = await readClipboard();
    }
    assert.equal(text, '', 'cleared after the delay');
  });
});
