import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright';
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

/** The text of everything an input's aria-describedby points at (its hint and its error). */
async function descriptionOf(input: Locator): Promise<string> {
  return input.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/** The "Vault passphrase" section of Settings, reached from the dashboard. */
async function openVaultPassphraseSection(page: Page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Vault passphrase' });
  return {
    section,
    current: section.getByLabel('Current passphrase'),
    next: section.getByLabel('New passphrase'),
    repeat: section.getByLabel('Repeat the passphrase'),
    submit: section.getByRole('button', { name: 'Change passphrase' }),
  };
}

const WRONG_PASSPHRASE = 'This is not the passphrase of your accounts.';

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
      await dashboard.waitFor(async () => (await dashboard.status('Cabinet Janssens').getAttribute('data-state')) === 'needs-exchange-token', 'the revoked grant');
      await capture(page, 'dashboard', scheme);
      await assertContrast(page, 'dashboard');
      await dashboard.select('Cabinet Janssens');
      await dashboard.details().getByTestId('last-error').waitFor();
      await capture(page, 'dashboard-details-revoked', scheme);
      await assertContrast(page, 'details of a revoked grant');

      await page.getByRole('button', { name: 'Add account' }).click();
      await page.getByRole('dialog', { name: 'Add an account' }).waitFor();
      await page.getByRole('dialog').getByRole('button', { name: 'Add account' }).click();
      await page.getByRole('dialog').getByText('Enter a name for this account.').waitFor();
      await capture(page, 'add-account-dialog', scheme);
      await assertContrast(page, 'add-account-dialog');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      await (await dashboard.rowButton('Cabinet Janssens', 'Replace exchange token')).click();
      await page.getByRole('dialog', { name: 'New exchange token for Cabinet Janssens' }).waitFor();
      await capture(page, 'replace-token-dialog', scheme);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      await (await dashboard.rowButton('Garage Peeters', 'Edit')).click();
      await page.getByRole('dialog', { name: 'Edit Garage Peeters' }).waitFor();
      await capture(page, 'edit-dialog', scheme);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      await (await dashboard.rowButton('Brasserie Van Damme', 'Remove')).click();
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

  it('settings: a clipboard delay out of range is refused inline; a valid one is saved by main and marked "Saved" beside its field', async () => {
    await suite.reset();
    const { page } = await suite.open();
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    const delay = page.getByLabel('Clear the clipboard after (seconds)');
    await delay.fill('5000');
    await delay.press('Enter');
    await page.getByText('At most 3600 seconds.').waitFor();
    assert.equal((await suite.harness.backend.api.getSettings(undefined)).clipboardClearSeconds, 30);
    assert.equal(await page.getByTestId('saved-mark').count(), 0, 'a refused value is not marked saved');
    await delay.fill('45');
    await delay.press('Enter');
    const delayField = page.locator('.field').filter({ has: delay });
    await delayField.getByTestId('saved-mark').getByText('Saved').waitFor();
    assert.equal((await suite.harness.backend.api.getSettings(undefined)).clipboardClearSeconds, 45);
    assert.equal(await delay.evaluate((element) => element === document.activeElement), true, 'the focus stays in the field');
    // Screen readers hear it through the status bar, where nothing is shown.
    const spoken = page.getByTestId('notices').locator('.message').filter({ hasText: 'Saved' });
    assert.equal(await spoken.count(), 1, 'the live region reads it out');
    assert.match((await spoken.getAttribute('class')) ?? '', /visually-hidden/u, 'but the status bar shows no message per field');

    const launch = page.getByRole('switch', { name: 'Launch at login' });
    await launch.check();
    const launchField = page.locator('.switch-field').filter({ has: launch });
    await launchField.getByTestId('saved-mark').waitFor();
    assert.equal((await suite.harness.backend.api.getSettings(undefined)).launchAtLogin, true);
    assert.equal(await page.getByTestId('saved-mark').count(), 1, 'only the field just saved is marked');
    await launchField.getByTestId('saved-mark').waitFor({ state: 'detached' });
  });

  it('settings: export and import are run by main: the window asks, main\'s dialogs answer, the report is translated', async () => {
    await suite.reset({ storage: 'vault-keychain' });
    await seedAccount(suite.harness.backend.api, suite.sandbox, { label: 'Boulangerie Dupont', email: uniqueEmail('backup') });
    const file = join(vaultDirectory, `exported-backup-${Date.now()}.json`);
    suite.harness.backend.dialogs.script(
      { kind: 'confirm', confirmed: true },
      { kind: 'passphrase', value: 'a long backup passphrase' },
      { kind: 'save-file', path: file },
    );
    const exporting = await suite.open();
    await exporting.page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    assert.equal(await exporting.page.locator('input[type=file]').count(), 0, 'no file input: main picks the file');
    await exporting.page.getByRole('button', { name: 'Export backup…' }).click();
    await exporting.page.getByTestId('notices').getByText(/Backup of 1 account saved as/u).waitFor();
    assert.equal((await stat(file)).mode & 0o777, 0o600);

    await suite.reset({ storage: 'vault-keychain' });
    suite.harness.backend.dialogs.script(
      { kind: 'open-file', path: file },
      { kind: 'passphrase', value: 'a long backup passphrase' },
      { kind: 'confirm', confirmed: true },
    );
    await suite.harness.backend.api.updateSettings({ language: 'fr' });
    const importing = await suite.open();
    await importing.page.getByRole('navigation').getByRole('button', { name: 'Paramètres' }).click();
    await importing.page.getByRole('button', { name: 'Importer une sauvegarde…' }).click();
    await importing.page.getByRole('listitem').filter({ hasText: 'Boulangerie Dupont : ajouté.' }).waitFor();
  });

  it('settings: changes the vault passphrase; a wrong current one is refused beside its field; only the new one unlocks', async () => {
    const directory = join(vaultDirectory, 'change-passphrase');
    const vaultFile = join(directory, 'vault.json');
    const oldPassphrase = 'first passphrase 2026';
    const newPassphrase = 'second passphrase 2027';
    await suite.reset({ storage: 'vault-passphrase', vaultDirectory: directory });
    await suite.harness.backend.api.createPassphrase({ passphrase: oldPassphrase });

    const light = await suite.open({ colorScheme: 'light' });
    const form = await openVaultPassphraseSection(light.page);
    const untouched = await readFile(vaultFile);
    await form.current.fill('not the passphrase');
    await form.next.fill(newPassphrase);
    await form.repeat.fill(newPassphrase);
    await form.submit.click();
    await form.section.getByText(WRONG_PASSPHRASE, { exact: false }).waitFor();
    assert.equal(await form.current.getAttribute('aria-invalid'), 'true');
    assert.match(await descriptionOf(form.current), /This is not the passphrase of your accounts/u, 'the refusal is tied to the current-passphrase field');
    assert.equal(await form.next.getAttribute('aria-invalid'), 'false', 'the new passphrase is not blamed');
    assert.equal(await form.current.evaluate((element) => element === document.activeElement), true, 'focus goes back to the refused field');
    assert.deepEqual(await readFile(vaultFile), untouched, 'a refused change leaves the vault file as it was');
    await form.section.screenshot({ path: join(SCREENSHOT_DIR, 'vault-passphrase-light.png') });
    await assertContrast(light.page, 'vault-passphrase');

    // With the keyboard only: type the current passphrase over the selected wrong one, Tab to the new ones, Enter.
    await light.page.keyboard.type(oldPassphrase);
    await light.page.keyboard.press('Tab');
    assert.equal(await form.next.evaluate((element) => element === document.activeElement), true, 'Tab moves to the new passphrase');
    assert.notEqual(await light.page.evaluate(() => getComputedStyle(document.activeElement ?? document.body).outlineStyle), 'none', 'focus is visible');
    await light.page.keyboard.press('Control+A');
    await light.page.keyboard.type(newPassphrase);
    await light.page.keyboard.press('Tab');
    await light.page.keyboard.press('Control+A');
    await light.page.keyboard.type(newPassphrase);
    await light.page.keyboard.press('Enter');
    await light.page.getByTestId('notices').getByText('Passphrase changed.', { exact: false }).waitFor();
    for (const field of [form.current, form.next, form.repeat]) assert.equal(await field.inputValue(), '', 'the passphrases are cleared');
    assert.equal(await form.current.getAttribute('aria-invalid'), 'false');
    assert.notDeepEqual(await readFile(vaultFile), untouched, 'the vault file was rewrapped');
    assert.deepEqual(light.problems, []);

    // A fresh start of the app: the vault is locked again; the old passphrase is refused, the new one opens it.
    await suite.reset({ storage: 'vault-passphrase', vaultDirectory: directory });
    const dark = await suite.open({ colorScheme: 'dark' });
    await dark.page.getByRole('heading', { name: 'Unlock your accounts' }).waitFor();
    await dark.page.getByLabel('Passphrase', { exact: true }).fill(oldPassphrase);
    await dark.page.getByRole('button', { name: 'Unlock' }).click();
    await dark.page.getByText(WRONG_PASSPHRASE, { exact: false }).waitFor();
    assert.equal((await suite.harness.backend.api.getVaultState(undefined)).state, 'locked');
    await dark.page.getByLabel('Passphrase', { exact: true }).fill(newPassphrase);
    await dark.page.getByRole('button', { name: 'Unlock' }).click();
    await dark.page.getByRole('heading', { name: 'Keep your Winbooks API tokens alive' }).waitFor();
    assert.equal((await suite.harness.backend.api.getVaultState(undefined)).state, 'open');

    const again = await openVaultPassphraseSection(dark.page);
    await again.current.fill(oldPassphrase);
    await again.next.fill('a third passphrase');
    await again.repeat.fill('a third passphrase');
    await again.submit.click();
    await again.section.getByText(WRONG_PASSPHRASE, { exact: false }).waitFor();
    await again.section.screenshot({ path: join(SCREENSHOT_DIR, 'vault-passphrase-dark.png') });
    await assertContrast(dark.page, 'vault-passphrase');
    assert.deepEqual(dark.problems, []);
  });

  it('unlock: a second submit while the first is under way sends no second request', async () => {
    const directory = join(vaultDirectory, 'double-submit');
    const passphrase = 'double submit 2026';
    await suite.reset({ storage: 'vault-passphrase', vaultDirectory: directory });
    await suite.harness.backend.api.createPassphrase({ passphrase });
    await suite.reset({ storage: 'vault-passphrase', vaultDirectory: directory });
    const api = suite.harness.backend.api;
    const unlockVault = api.unlockVault.bind(api);
    let unlockRequests = 0;
    api.unlockVault = (request) => {
      unlockRequests += 1;
      return unlockVault(request);
    };
    const { page, problems } = await suite.open();
    await page.getByRole('heading', { name: 'Unlock your accounts' }).waitFor();
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    // Two submits in one task: React has not rendered the disabled button yet when the second arrives.
    await page.locator('form').first().evaluate((form) => {
      if (!(form instanceof HTMLFormElement)) throw new Error('the unlock form is not a form');
      form.requestSubmit();
      form.requestSubmit();
    });
    await page.getByRole('heading', { name: 'Keep your Winbooks API tokens alive' }).waitFor();
    assert.equal(unlockRequests, 1, 'one unlock request for two submits');
    assert.deepEqual(problems, []);
  });
});
