/**
 * `npm run demo`: the app with an embedded Winbooks sandbox and three demo accounts, so anyone without a
 * Winbooks grant sees it work. Accounts live in memory; preferences go to a throw-away folder.
 *   healthy          - 15-minute tokens, refreshed ahead of expiry
 *   about to expire  - 150-second tokens: the countdown runs low, then the refresh renews it
 *   revoked grant    - the admin deleted the grant: the account asks for a new exchange token
 * Bundled to dist-electron/demo.cjs by scripts/build-electron.mjs and started with `electron dist-electron/demo.cjs`.
 */
import { app } from 'electron';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryVault } from '../electron/core/app/memory-vault';
import { runApp } from '../electron/main/app-main';
import type { AppApi } from '../electron/shared/ipc-contract';
import { WinbooksSandbox } from '../tests/sandbox/winbooks-sandbox';

const DEMO_ACCOUNTS = {
  healthy: { label: 'ACME Consulting', email: 'acme@demo.invalid' },
  expiring: { label: 'Bakkerij Peeters', email: 'peeters@demo.invalid' },
  revoked: { label: 'Garage Dupont', email: 'dupont@demo.invalid' },
} as const;

const demoDataDirectory = mkdtempSync(join(tmpdir(), 'winbooks-token-manager-demo-'));
app.setPath('userData', demoDataDirectory);
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

runApp({ demo: { vault: new MemoryVault(), seed } });
