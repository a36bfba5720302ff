/**
 * `npm run demo`: the app with an embedded Winbooks sandbox and three demo accounts, so anyone without a
 * Winbooks grant sees it work. Accounts live in memory; preferences go to a throw-away folder.
 *   healthy          - 15-minute tokens, refreshed ahead of expiry
 *   about to expire  - 150-second tokens: the countdown runs low, then the refresh renews it
 *   revoked grant    - the admin deleted the grant: the account asks for a new exchange token
 * Bundled to dist-electron/demo.cjs by scripts/build-electron.mjs and started with `electron dist-electron/demo.cjs`.
 */
import { BrowserWindow, ClipboardItem, Menu, Notification, Tray, app, clipboard, dialog, nativeImage, powerMonitor, protocol, safeStorage, session } from 'electron';
import ElectronStore from 'electron-store';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import packageJson from '../package.json';
import { MemoryVault } from '../electron/core/app/memory-vault';
import { runApp } from '../electron/main/app-main';
import { PREFERENCES_STORE_NAME } from '../electron/main/settings-backend';
import type { AppApi } from '../electron/shared/ipc-contract';
import { WinbooksSandbox } from '../tests/sandbox/winbooks-sandbox';

const DEMO_ACCOUNTS = {
  healthy: { label: 'ACME Consulting', email: 'acme@demo.invalid' },
  expiring: { label: 'Bakkerij Peeters', email: 'peeters@demo.invalid' },
  revoked: { label: 'Garage Dupont', email: 'dupont@demo.invalid' },
} as const;

// A fresh folder every run: never the real data folder, whatever WINBOOKS_TOKEN_MANAGER_DIR says (runApp ignores it).
const demoDataDirectory = mkdtempSync(join(tmpdir(), 'winbooks-token-manager-demo-'));
console.log(`Demo data folder: ${demoDataDirectory} (for the command line: WINBOOKS_TOKEN_MANAGER_DIR="${demoDataDirectory}" npx winbooks-token list)`);
const sandboxReady = WinbooksSandbox.start();
app.on('will-quit', () => {
  void sandboxReady.then((sandbox) => sandbox.stop());
});

async function seed(api: AppApi): Promise<void> {
  const sandbox = await sandboxReady;
  const healthy = sandbox.addGrant({ email: DEMO_ACCOUNTS.healthy.email, accessLifetimeSeconds: 900 });
  const expiring = sandbox.addGrant({ email: DEMO_ACCOUNTS.expiring.email, accessLifetimeSeconds: 150 });
  const revoked = sandbox.addGrant({ email: DEMO_ACCOUNTS.revoked.email, accessLifetimeSeconds: 900 });
  const host = sandbox.v2BaseUrl;
  await api.addAccount({ ...DEMO_ACCOUNTS.healthy, host, exchangeToken: healthy.exchangeToken });
  await api.addAccount({ ...DEMO_ACCOUNTS.expiring, host, exchangeToken: expiring.exchangeToken });
  const { account } = await api.addAccount({ ...DEMO_ACCOUNTS.revoked, host, exchangeToken: revoked.exchangeToken });
  sandbox.revokeGrant(DEMO_ACCOUNTS.revoked.email);
  // The refresh is refused, then the exchange token too: the account now needs a new exchange token.
  await api.refreshAccount({ id: account.id }).catch(() => undefined);
}

runApp(
  {
    electron: { BrowserWindow, ClipboardItem, Menu, Notification, Tray, app, clipboard, dialog, nativeImage, powerMonitor, protocol, safeStorage, session },
    createPreferences: () => new ElectronStore({ name: PREFERENCES_STORE_NAME, configFileMode: 0o600 }),
    platform: process.platform,
    env: process.env,
    // Bundled to dist-electron/demo.cjs: the app folder (dist/, resources/) is one up.
    appDir: join(__dirname, '..'),
  },
  { demo: { vault: new MemoryVault(), seed, dataDirectory: demoDataDirectory, name: `${packageJson.productName} (demo)`, version: packageJson.version } },
);
