import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sealBackup } from '../../electron/core/vault/backup-format';
import type { BackupAccount } from '../../electron/core/vault/backup-format';
import { seedAccount } from '../harness/seed-accounts';
import { startBrowserSuite, uniqueEmail } from './support/browser-suite';
import type { BrowserSuite } from './support/browser-suite';

const BACKUP_PASSPHRASE = 'a long backup passphrase';
/** Fast to derive: the test is about the report, not the key's cost. */
const CHEAP_KDF = { N: 2 ** 12, r: 8, p: 1 };
const HOUR_MS = 3_600_000;

/** The report the window shows after an import run by main (its dialogs answered by the harness's script). */
describe('import report in the browser', () => {
  let suite: BrowserSuite;
  let directory: string;
  before(async () => {
    suite = await startBrowserSuite();
    directory = await mkdtemp(join(tmpdir(), 'wtm-import-report-'));
  });
  after(async () => {
    await suite.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('names every added, updated and skipped account, and why', async () => {
    await suite.reset({ storage: 'vault-keychain' });
    const { api } = suite.harness.backend;
    const host = suite.sandbox.v2BaseUrl;
    const emails = { peeters: uniqueEmail('peeters'), janssens: uniqueEmail('janssens'), vanDamme: uniqueEmail('vandamme'), lambert: uniqueEmail('lambert'), claes: uniqueEmail('claes') };
    const peeters = await seedAccount(api, suite.sandbox, { label: 'Garage Peeters', email: emails.peeters });
    await seedAccount(api, suite.sandbox, { label: 'Cabinet Janssens', email: emails.janssens });
    const vanDamme = await seedAccount(api, suite.sandbox, { label: 'Brasserie Van Damme', email: emails.vanDamme });
    const lambert = await seedAccount(api, suite.sandbox, { label: 'Société Lambert', email: emails.lambert });
    await seedAccount(api, suite.sandbox, { label: 'Fiduciaire Claes', email: emails.claes });

    // A backup as another PC (or an older version, which let one grant be added twice) would have written it.
    const now = Date.now();
    const entry = (fields: Partial<BackupAccount> & Pick<BackupAccount, 'label' | 'email'>): BackupAccount => ({
      host,
      autoRefresh: true,
      createdAt: now - 48 * HOUR_MS,
      lastUsedAt: null,
      accessIssuedAt: null,
      accessExpiresAt: null,
      lastRefreshAt: null,
      needsExchangeToken: false,
      exchangeToken: randomBytes(24).toString('base64url'),
      refreshToken: null,
      accessToken: null,
      ...fields,
    });
    const dupont = uniqueEmail('dupont');
    const movedTo = uniqueEmail('lambert-new');
    const accounts: BackupAccount[] = [
      entry({ label: 'Boulangerie Dupont', email: dupont }),
      // Newer tokens than this PC's: the backup's win.
      entry({ label: 'Garage Peeters', email: emails.peeters, lastRefreshAt: now + HOUR_MS, accessIssuedAt: now + HOUR_MS }),
      // Older than this PC's: this PC's stay.
      entry({ label: 'Fiduciaire Claes', email: emails.claes }),
      // The same grant twice in the backup: only the first is taken.
      entry({ label: 'Boulangerie Dupont (copie)', email: dupont.toUpperCase() }),
      // This PC's Van Damme, moved in the backup onto the grant Cabinet Janssens already has here.
      entry({ id: vanDamme.id, label: 'Brasserie Van Damme', email: emails.janssens }),
      // Moved to another e-mail; the user does not tick the change.
      entry({ id: lambert.id, label: 'Société Lambert', email: movedTo }),
      entry({ label: 'Atelier Martin', email: uniqueEmail('martin'), host: 'https://api.martin.example' }),
      entry({ label: 'Notaire Lemaire', email: 'not-an-e-mail' }),
    ];
    const file = join(directory, 'crafted-backup.json');
    await writeFile(file, await sealBackup(accounts, BACKUP_PASSPHRASE, CHEAP_KDF, now));

    suite.harness.backend.dialogs.reset();
    suite.harness.backend.dialogs.script(
      { kind: 'open-file', path: file },
      { kind: 'passphrase', value: BACKUP_PASSPHRASE },
      { kind: 'confirm', confirmed: true, checkbox: false },
    );
    const { page, problems } = await suite.open();
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Import backup…' }).click();
    const report = page.getByRole('heading', { name: `Imported from ${file}` });
    await report.waitFor();
    const lines = await page.locator('.import-result li').allTextContents();
    assert.deepEqual(lines, [
      'Boulangerie Dupont: added.',
      'Garage Peeters: updated with newer tokens.',
      'Fiduciaire Claes: skipped; this computer has tokens as recent or newer.',
      `Boulangerie Dupont (copie): skipped; the backup holds ${dupont.toUpperCase()} at ${host} twice.`,
      'Brasserie Van Damme: skipped; Cabinet Janssens already uses this e-mail and address.',
      `Société Lambert: not changed; the backup gives it another address (${movedTo} at ${host}).`,
      'Atelier Martin: skipped; https://api.martin.example is not a Winbooks address and other API addresses are off.',
      'Notaire Lemaire: skipped; its email is missing or invalid.',
    ]);

    // Main's confirmation named them before anything changed.
    const confirm = suite.harness.backend.dialogs.asked.find((asked) => asked.kind === 'confirm');
    assert.ok(confirm?.kind === 'confirm');
    for (const label of ['Boulangerie Dupont', 'Garage Peeters', 'Société Lambert']) assert.match(confirm.dialog.detail, new RegExp(label, 'u'));

    // The report matches what happened.
    const after = (await api.listAccounts(undefined)).accounts;
    assert.deepEqual(after.map((account) => account.label).sort(), ['Boulangerie Dupont', 'Brasserie Van Damme', 'Cabinet Janssens', 'Fiduciaire Claes', 'Garage Peeters', 'Société Lambert']);
    assert.equal(after.find((account) => account.id === lambert.id)?.email, emails.lambert, 'the declined move left Lambert where it was');
    assert.equal(after.find((account) => account.id === vanDamme.id)?.email, emails.vanDamme);
    assert.equal(after.find((account) => account.id === peeters.id)?.email, emails.peeters);
    assert.deepEqual(suite.harness.backend.dialogs.pending(), [], 'main asked every scripted question');
    assert.deepEqual(problems, []);
  });
});
