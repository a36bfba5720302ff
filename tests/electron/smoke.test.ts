import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { ElectronApplication, Page } from 'playwright';
import { SESSION_FILE_NAME, UNIX_SOCKET_FILE_NAME } from '../../electron/core/command-line/app-data-dir';
import { QUIT_CLEANUP_BOUND_MS } from '../../electron/main/quit-sequence';
import { WinbooksSandbox } from '../sandbox/winbooks-sandbox';
import { electronBinaryPath, SKIP_MESSAGE } from './electron-binary';
import { packagedReleaseAppPath, packagedTestAppPath, SKIP_NOT_PACKAGED, SKIP_NOT_RELEASED } from './packaged-app';

/**
 * The glue as only real Electron can show it (issue 15). Each test runs where the Electron binary (and, for the
 * packaged ones, a build) exists, and is skipped by name, with the reason printed, elsewhere.
 */

const binary = electronBinaryPath();
const built = existsSync('dist/index.html') && existsSync('dist-electron/demo.cjs') && existsSync('dist-electron/main.cjs');
const skipDev = binary === null ? SKIP_MESSAGE : built ? false : 'skipped: run `npm run build` first (dist/ or dist-electron/ missing)';
const packaged = packagedTestAppPath();
const skipPackaged = packaged === null ? SKIP_NOT_PACKAGED : false;
const release = packagedReleaseAppPath();
const skipRelease = release === null ? SKIP_NOT_RELEASED : false;
for (const reason of new Set([skipDev, skipPackaged, skipRelease])) if (reason !== false) console.log(reason);

interface Bridge {
  winbooks: {
    listAccounts(request: undefined): Promise<{ ok: boolean; value: { accounts: { id: string; label: string }[] } }>;
    updateSettings(request: Record<string, unknown>): Promise<{ ok: boolean }>;
    createPassphrase(request: { passphrase: string }): Promise<{ ok: boolean }>;
    getVaultState(request: undefined): Promise<{ ok: boolean; value: { state: string } }>;
    addAccount(request: Record<string, unknown>): Promise<{ ok: boolean; value: { account: { id: string } } }>;
    refreshAccount(request: { id: string }): Promise<unknown>;
  };
}

async function launch(args: string[], env: Record<string, string> = {}, executablePath = binary ?? undefined): Promise<{ app: ElectronApplication; page: Page }> {
  const { _electron } = await import('playwright');
  const app = await _electron.launch({ executablePath, args, env: { ...process.env, WTM_E2E: '1', ...env }, timeout: 60_000 });
  return { app, page: await app.firstWindow({ timeout: 60_000 }) };
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, attempts = 80): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.fail(`timed out waiting for ${what}`);
}

const demoAccounts = (page: Page) => page.evaluate(async () => (await (window as unknown as Bridge).winbooks.listAccounts(undefined)).value.accounts);
const trayCopy = (app: ElectronApplication, accountId: string) =>
  app.evaluate((_electron, id) => {
    (globalThis as unknown as Record<string, (action: unknown) => void>).wtmTrayAction?.({ type: 'copy', accountId: id, format: 'token' });
  }, accountId);

/** The concealed-content marker Electron writes for this OS (electron/main/electron-clipboard.ts). */
const CONCEALED: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'electron application/osclipboard;format="org.nspasteboard.ConcealedType"',
  win32: 'electron application/osclipboard;format="ExcludeClipboardContentFromMonitorProcessing"',
  linux: 'electron application/osclipboard;format="x-kde-passwordManagerHint"',
};

describe('real Electron: smoke', () => {
  test('the packaged app launches and serves its page from app://', { skip: skipPackaged }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wtm-smoke-packaged-'));
    const { app, page } = await launch([], { WINBOOKS_TOKEN_MANAGER_DIR: dataDir }, packaged ?? undefined);
    try {
      assert.match(page.url(), /^app:\/\/winbooks\//u);
      await page.locator('#main').waitFor({ timeout: 30_000 });
    } finally {
      await app.close();
    }
  });

  test('`@electron/fuses read` shows the fuses the release needs', { skip: skipRelease }, () => {
    const result = spawnSync(process.execPath, ['node_modules/@electron/fuses/dist/bin.js', 'read', '--app', release ?? ''], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    for (const expected of [/RunAsNode is Disabled/u, /EnableNodeOptionsEnvironmentVariable is Disabled/u, /EnableNodeCliInspectArguments is Disabled/u, /OnlyLoadAppFromAsar is Enabled/u, /EnableEmbeddedAsarIntegrityValidation is Enabled/u, /EnableCookieEncryption is Enabled/u, /GrantFileProtocolExtraPrivileges is Disabled/u]) {
      assert.match(result.stdout, expected);
    }
  });

  test('a tray copy with the window hidden raises a notification whose click opens that account', { skip: skipDev }, async () => {
    const { app, page } = await launch(['dist-electron/demo.cjs']);
    try {
      const accounts = await waitFor(() => demoAccounts(page), (list) => list.length === 3, 'the demo accounts');
      const acme = accounts.find((account) => account.label === 'ACME Consulting');
      assert.ok(acme);
      await app.evaluate(({ BrowserWindow, Notification }) => {
        const show: (this: Electron.Notification) => void = Reflect.get(Notification.prototype, 'show');
        Notification.prototype.show = function (this: Electron.Notification) {
          (globalThis as unknown as { wtmNotifications: Electron.Notification[] }).wtmNotifications ??= [];
          (globalThis as unknown as { wtmNotifications: Electron.Notification[] }).wtmNotifications.push(this);
          show.call(this);
        };
        BrowserWindow.getAllWindows()[0]?.hide();
      });
      await trayCopy(app, acme.id);
      await waitFor(() => app.evaluate(() => (globalThis as unknown as { wtmNotifications?: unknown[] }).wtmNotifications?.length ?? 0), (count) => count > 0, 'the copy notification');
      await app.evaluate(() => (globalThis as unknown as { wtmNotifications: Electron.Notification[] }).wtmNotifications[0]?.emit('click'));
      assert.equal(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible()), true, 'the window is shown');
      await waitFor(() => page.evaluate(() => document.activeElement?.closest('[data-account-id]')?.getAttribute('data-account-id') ?? null), (id) => id === acme.id, 'the account row focused');
    } finally {
      await app.close();
    }
  });

  test('the clipboard holds the concealed formats, and is cleared after the delay and on quit', { skip: skipDev }, async () => {
    const { app, page } = await launch(['dist-electron/demo.cjs']);
    let closed = false;
    try {
      await page.evaluate(() => (window as unknown as Bridge).winbooks.updateSettings({ clipboardClearSeconds: 2 }));
      const [first] = await waitFor(() => demoAccounts(page), (list) => list.length === 3, 'the demo accounts');
      assert.ok(first);
      await trayCopy(app, first.id);
      const types = await waitFor(() => app.evaluate(async ({ clipboard }) => (await clipboard.read()).flatMap((item) => item.types)), (list) => list.includes('text/plain'), 'the copied token');
      const concealed = CONCEALED[process.platform];
      if (concealed !== undefined) assert.ok(types.includes(concealed), `${concealed} in ${types.join(', ')}`);
      await waitFor(() => app.evaluate(({ clipboard }) => clipboard.readText()), (text) => text === '', 'the clear after 2 s');

      await page.evaluate(() => (window as unknown as Bridge).winbooks.updateSettings({ clipboardClearSeconds: 600 }));
      await trayCopy(app, first.id);
      await waitFor(() => app.evaluate(({ clipboard }) => clipboard.readText()), (text) => text !== '', 'the second copy');
      await app.close();
      closed = true;
      const reader = await launch(['dist-electron/demo.cjs']);
      try {
        assert.equal(await reader.app.evaluate(({ clipboard }) => clipboard.readText()), '', 'cleared on quit');
      } finally {
        await reader.app.close();
      }
    } finally {
      if (!closed) await app.close();
    }
  });

  test('quit while a refresh hangs ends within the bound and removes the CLI socket and session file', { skip: skipDev }, async () => {
    const sandbox = await WinbooksSandbox.start();
    const dataDir = mkdtempSync(join(tmpdir(), 'wtm-smoke-quit-'));
    const { app, page } = await launch(['dist-electron/main.cjs'], { WINBOOKS_TOKEN_MANAGER_DIR: dataDir });
    try {
      await waitFor(() => page.evaluate(async () => (await (window as unknown as Bridge).winbooks.getVaultState(undefined)).value.state), (state) => state !== 'locked', 'the vault');
      await page.evaluate(async () => {
        const api = (window as unknown as Bridge).winbooks;
        if ((await api.getVaultState(undefined)).value.state === 'setup') await api.createPassphrase({ passphrase: 'correct horse battery staple' });
        await api.updateSettings({ cliEnabled: true });
      });
      const grant = sandbox.addGrant({ email: 'hang@smoke.invalid' });
      const added = await page.evaluate(
        async (input) => (await (window as unknown as Bridge).winbooks.addAccount(input)).value.account.id,
        { label: 'Hang', email: grant.email, host: sandbox.v2BaseUrl, exchangeToken: grant.exchangeToken },
      );
      await waitFor(() => Promise.resolve(existsSync(join(dataDir, SESSION_FILE_NAME))), Boolean, 'the CLI session file');
      sandbox.injectFault('hang');
      void page.evaluate((id) => (window as unknown as Bridge).winbooks.refreshAccount({ id }), added).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const started = Date.now();
      await app.evaluate(({ app: electronApp }) => electronApp.quit());
      await app.waitForEvent('close', { timeout: QUIT_CLEANUP_BOUND_MS + 10_000 });
      assert.ok(Date.now() - started < QUIT_CLEANUP_BOUND_MS + 5_000, 'quit within the bound');
      assert.equal(existsSync(join(dataDir, SESSION_FILE_NAME)), false, 'session file removed');
      assert.equal(existsSync(join(dataDir, UNIX_SOCKET_FILE_NAME)), false, 'socket removed');
    } finally {
      await app.close().catch(() => undefined);
      await sandbox.stop();
    }
  });
});
