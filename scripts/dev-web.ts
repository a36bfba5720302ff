/**
 * `npm run dev:web`: the renderer in an ordinary browser, against the real app core and a local Winbooks
 * sandbox (no real grant needed). Builds the renderer, starts the sandbox and the harness on 127.0.0.1,
 * adds a few demo accounts and prints the URL. Development only: nothing here ships.
 *   --empty       start without accounts (to see the first-run screen)
 *   --passphrase  use the vault without a keychain (to see the passphrase screen)
 *   --locked      an existing passphrase vault with the demo accounts, opened on its unlock screen
 *   --port=N      harness port (default: a free one)
 */
import { build } from 'vite';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DevConsoleDialogs } from '../tests/harness/dev-console-dialogs';
import type { HarnessBackendOptions } from '../tests/harness/harness-backend';
import { HarnessServer } from '../tests/harness/harness-server';
import { DEMO_ACCOUNTS, seedAccount } from '../tests/harness/seed-accounts';
import { WinbooksSandbox } from '../tests/sandbox/winbooks-sandbox';

const args = new Set(process.argv.slice(2));
const portArg = process.argv.find((arg) => arg.startsWith('--port='));
const port = portArg === undefined ? 0 : Number(portArg.slice('--port='.length));

await build({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), logLevel: 'warn' });
const sandbox = await WinbooksSandbox.start();
const locked = args.has('--locked');
/** The passphrase of the --locked demo vault (a development harness only: printed on purpose). */
const LOCKED_PASSPHRASE = 'demo passphrase 2026';
const lockedDirectory = locked ? await mkdtemp(join(tmpdir(), 'wtm-dev-locked-')) : null;
const storage = args.has('--passphrase') || locked ? 'vault-passphrase' : 'vault-keychain';
/** No native dialog in a browser: main's questions are printed and answered yes; copied gateway URLs are printed. */
const devSide: HarnessBackendOptions = {
  mainDialogs: new DevConsoleDialogs(),
  onClipboardWrite: (text) => {
    if (/^http:\/\/127\.0\.0\.1:\d+\//u.test(text)) console.log(`[main's clipboard] ${text}  (try: curl ${text}Customers/Folder/DEMO)`);
    else console.log('[main\'s clipboard] a token or snippet was copied (not shown)');
  },
};
const harness = await HarnessServer.start({ port, backend: { storage, demo: true, ...devSide, ...(lockedDirectory !== null ? { vaultDirectory: lockedDirectory } : {}) } });
if (locked) await harness.backend.api.createPassphrase({ passphrase: LOCKED_PASSPHRASE });

if (!args.has('--empty') && (!args.has('--passphrase') || locked)) {
  for (const seed of DEMO_ACCOUNTS) await seedAccount(harness.backend.api, sandbox, seed);
  // One grant withdrawn by its administrator: the next refresh shows the account as needing a new exchange token.
  const revoked = DEMO_ACCOUNTS[2];
  if (revoked !== undefined) {
    sandbox.revokeGrant(revoked.email);
    const account = harness.backend.api.listAccounts(undefined).then(({ accounts }) => accounts.find((candidate) => candidate.email === revoked.email));
    const id = (await account)?.id;
    if (id !== undefined) await harness.backend.api.refreshAccount({ id }).catch(() => undefined);
  }
  const manual = (await harness.backend.api.listAccounts(undefined)).accounts.find((candidate) => candidate.label === 'Garage Peeters');
  if (manual !== undefined) await harness.backend.api.updateAccount({ id: manual.id, patch: { autoRefresh: false } });
}

if (lockedDirectory !== null) {
  // Start again on the same file: an existing vault, locked until its passphrase is given.
  await harness.reset({ storage: 'vault-passphrase', vaultDirectory: lockedDirectory, demo: true, ...devSide });
  console.log(`Locked vault: unlock it with the passphrase "${LOCKED_PASSPHRASE}".`);
}

console.log(`Winbooks Token Manager (browser harness) at ${harness.url}`);
// A grant nobody has added yet, to try the add-account form by hand.
const spare = sandbox.addGrant({ email: 'new.client@example.com', exchangeToken: 'sandbox-spare-exchange-token' });
console.log(`To add an account: API address (Another address) ${sandbox.v2BaseUrl}, e-mail ${spare.email}, exchange token ${spare.exchangeToken} (a sandbox token, not a real one).`);
console.log('Press Ctrl+C to stop.');

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await harness.close();
  await sandbox.stop();
  if (lockedDirectory !== null) await rm(lockedDirectory, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
