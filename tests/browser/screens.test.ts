import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS, seedAccount } from '../harness/seed-accounts';
import { SCREENSHOT_DIR, startBrowserSuite, uniqueEmail } from './support/browser-suite';
import type { BrowserSuite } from './support/browser-suite';
import { lowContrastText } from './support/contrast';
import { DashboardPage } from './support/dashboard-page';

const SCHEMES = ['light', 'dark'] as const;
const TEXT_SELECTORS = ['h1', 'h2', 'h3', 'p', 'label', 'legend', 'dt', 'dd', '.button', '.pill', '.badge', '.nav-link', '.row-email', '.field-hint', '.field-error', '.form-error', '.countdown-text', 'li', 'option'];

async function capture(page: Page, name: string, scheme: string): Promise<void> {
  // Notices fade in and out; wait for the layout to settle, then capture.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${scheme}.png`), fullPage: false });
}

async function assertContrast(page: Page, screen: string): Promise<void> {
  assert.deepEqual(await lowContrastText(page, TEXT_SELECTORS), [], `${screen}: text below WCAG AA contrast`);
}

/** Every screen in light and dark, saved as test artifacts, with a contrast check of the visible text. */
describe('screens, light and dark', () => {
  let suite: BrowserSuite;
  let vaultDirectory: string;
  before(async () => {
    suite = await startBrowserSuite();
    vaultDirectory = await mkdtemp(join(tmpdir(), 'wtm-screens-vault-'));
  });
  after(async () => {
    await suite.close();
    await rm(vaultDirectory, { recursive: true, force: true });
  });

  for (const scheme of SCHEMES) {
    it(`${scheme}: passphrase creation, locked vault and unlock`, async () => {
      const directory = join(vaultDirectory, scheme);
      await suite.reset({ storage: 'vault-passphrase', vaultDirectory: directory });
      const setup = await suite.open({ colorScheme: scheme });
      await setup.page.getByRole('heading', { name: 'Choose a passphrase' }).waitFor();
      assert.match((await setup.page.locator('.reason').textContent()) ?? '', /passphrase/u, 'the reason is shown');
      await capture(setup.page, 'create-passphrase', scheme);
      await assertContrast(setup.page, 'create-passphrase');
      await setup.page.getByLabel('Passphrase', { exact: true }).fill('correct horse battery');
      await setup.page.getByLabel('Repeat the passphrase').fill('correct horse battery');
      await setup.page.getByRole('button', { name: 'Create passphrase' }).click();
      await setup.page.getByRole('heading', { name: 'Keep your Winbooks API tokens alive' }).waitFor();

      await suite.reset({ storage: 'vault-passphrase', vaultDirectory: directory });
      const locked = await suite.open({ colorScheme: scheme });
      await locked.page.getByRole('heading', { name: 'Unlock your accounts' }).waitFor();
      await locked.page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
      await locked.page.getByRole('button', { name: 'Unlock' }).click();
      await locked.page.getByText('This is not the passphrase of your accounts.', { exact: false }).waitFor();
      await capture(locked.page, 'unlock', scheme);
      await assertContrast(locked.page, 'unlock');
      await locked.page.getByLabel('Passphrase', { exact: true }).fill('correct horse battery');
      await locked.page.getByRole('button', { name: 'Unlock' }).click();
      await locked.page.getByRole('heading', { name: 'Keep your Winbooks API tokens alive' }).waitFor();
    });

    it(`${scheme}: first run, dashboard, dialogs and settings`, async () => {
      await suite.reset({ storage: 'memory', demo: true, audit: [{ at: Date.now() - 60_000, command: 'token get', account: 'Boulangerie Dupont', outcome: 'token sent' }] });
      const first = await suite.open({ colorScheme: scheme });
      await first.page.getByRole('heading', { name: 'Add your first account' }).waitFor();
      await capture(first.page, 'first-run', scheme);
      await assertContrast(first.page, 'first-run');

      const api = suite.harness.backend.api;
      const emails = new Map<string, string>();
      for (const seed of DEMO_ACCOUNTS) {
        const email = uniqueEmail(seed.email.split('@')[0] ?? 'demo');
        emails.set(seed.label, email);
        await seedAccount(api, suite.sandbox, { ...seed, email });
      }
      const janssens = (await api.listAccounts(undefined)).accounts.find((account) => account.label === 'Cabinet Janssens');
      assert.ok(janssens);
      suite.sandbox.revokeGrant(emails.get('Cabinet Janssens') ?? '');
      await api.refreshAccount({ id: janssens.id }).catch(() => undefined);
      const peeters = (await api.listAccounts(undefined)).accounts.find((account) => account.label === 'Garage Peeters');
      if (peeters !== undefined) await api.updateAccount({ id: peeters.id, patch: { autoRefresh: false } });

      const { page, problems } = await suite.open({ colorScheme: scheme });
      const dashboard = new DashboardPage(page);
      await dashboard.row('Cabinet Janssens').getByTestId('last-error').waitFor();
      await capture(page, 'dashboard', scheme);
      await assertContrast(page, 'dashboard');

      await page.getByRole('button', { name: 'Add account' }).click();
      await page.getByRole('dialog', { name: 'Add an account' }).waitFor();
      await page.getByRole('dialog').getByRole('button', { name: 'Add account' }).click();
      await page.getByRole('dialog').getByText('Enter a name for this account.').waitFor();
      await capture(page, 'add-account-dialog', scheme);
      await assertContrast(page, 'add-account-dialog');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      await dashboard.rowButton('Cabinet Janssens', 'Replace exchange token').click();
      await page.getByRole('dialog', { name: 'New exchange token for Cabinet Janssens' }).waitFor();
      await capture(page, 'replace-token-dialog', scheme);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      await dashboard.rowButton('Garage Peeters', 'Edit').click();
      await page.getByRole('dialog', { name: 'Edit Garage Peeters' }).waitFor();
      await capture(page, 'edit-dialog', scheme);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      await dashboard.rowButton('Brasserie Van Damme', 'Remove').click();
      await page.getByRole('dialog', { name: 'Remove Brasserie Van Damme?' }).waitFor();
      await capture(page, 'remove-dialog', scheme);
      await assertContrast(page, 'remove-dialog');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
      await page.getByRole('cell', { name: 'token get' }).waitFor();
      await capture(page, 'settings', scheme);
      await assertContrast(page, 'settings');
      assert.deepEqual(problems, [], 'no console error (a CSP violation would show here)');
    });
  }

  it('settings: a clipboard delay out of range is refused inline; a valid one is saved by main', async () => {
    await suite.reset();
    const { page } = await suite.open();
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    const delay = page.getByLabel('Clear the clipboard after (seconds)');
    await delay.fill('5000');
    await delay.press('Enter');
    await page.getByText('At most 3600 seconds.').waitFor();
    assert.equal((await suite.harness.backend.api.getSettings(undefined)).clipboardClearSeconds, 30);
    await delay.fill('45');
    await delay.press('Enter');
    await page.getByTestId('notices').getByText('Settings saved.').waitFor();
    assert.equal((await suite.harness.backend.api.getSettings(undefined)).clipboardClearSeconds, 45);
    await page.getByRole('switch', { name: 'Allow the winbooks-token command' }).uncheck();
    await page.getByTestId('notices').getByText('Settings saved.').first().waitFor();
    assert.equal((await suite.harness.backend.api.getSettings(undefined)).cliEnabled, false);
  });

  it('settings: exports the encrypted backup and imports it into another vault', async () => {
    await suite.reset({ storage: 'vault-keychain' });
    await seedAccount(suite.harness.backend.api, suite.sandbox, { label: 'Boulangerie Dupont', email: uniqueEmail('backup') });
    const exporting = await suite.open();
    await exporting.page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await exporting.page.getByLabel('Backup passphrase').fill('short');
    await exporting.page.getByRole('button', { name: 'Export backup' }).click();
    await exporting.page.getByText('Use at least 10 characters.').waitFor();
    await exporting.page.getByLabel('Backup passphrase').fill('a long backup passphrase');
    await exporting.page.getByLabel('Repeat the passphrase').fill('a long backup passphrase');
    const download = exporting.page.waitForEvent('download');
    await exporting.page.getByRole('button', { name: 'Export backup' }).click();
    // Kept outside the browser context, which deletes its downloads when closed.
    const file = join(vaultDirectory, 'exported-backup');
    await (await download).saveAs(file);
    await exporting.page.getByTestId('notices').getByText(/Backup of 1 account saved as/u).waitFor();

    await suite.reset({ storage: 'vault-keychain' });
    const importing = await suite.open();
    await importing.page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await importing.page.getByLabel('Backup file').setInputFiles(file);
    await importing.page.getByLabel('Passphrase of the backup').fill('a long backup passphrase');
    await importing.page.getByRole('button', { name: 'Import backup' }).click();
    await importing.page.getByRole('listitem').filter({ hasText: '1 account added.' }).waitFor();
    await importing.page.getByRole('navigation').getByRole('button', { name: 'Accounts' }).click();
    await new DashboardPage(importing.page).row('Boulangerie Dupont').waitFor();
  });
});
