import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator } from 'playwright';
import { seedAccount } from '../harness/seed-accounts';
import { startBrowserSuite, uniqueEmail } from './support/browser-suite';
import type { BrowserSuite } from './support/browser-suite';
import { DashboardPage, englishDurationSeconds, fillAccountForm } from './support/dashboard-page';

/** The real renderer against the real app core and the Winbooks sandbox, through the harness. */
describe('accounts in the browser', () => {
  let suite: BrowserSuite;
  before(async () => {
    suite = await startBrowserSuite();
  });
  after(async () => {
    await suite.close();
  });

  it('first run: explains where the exchange token comes from, then adds the account the sandbox accepts', async () => {
    await suite.reset({ storage: 'vault-keychain' });
    const grant = suite.sandbox.addGrant({ email: uniqueEmail('first') });
    const { page, problems } = await suite.open();
    await page.getByRole('heading', { name: 'Keep your Winbooks API tokens alive' }).waitFor();
    assert.match((await page.locator('.steps').textContent()) ?? '', /Control Panel > Company > External applications/u);

    await fillAccountForm(page, { label: 'Boulangerie Dupont', email: grant.email, host: suite.sandbox.v2BaseUrl, exchangeToken: grant.exchangeToken });
    await page.getByRole('button', { name: 'Add account' }).click();

    const dashboard = new DashboardPage(page);
    await dashboard.row('Boulangerie Dupont').waitFor();
    assert.equal(await dashboard.status('Boulangerie Dupont').textContent(), 'Ready');
    const countdown = await dashboard.countdownText('Boulangerie Dupont');
    assert.match(countdown, /^\d+ mins?(, \d+ secs?)?$/u, 'a duration in minutes and seconds, never a clock reading');
    assert.ok(await dashboard.countdownSeconds('Boulangerie Dupont') > 0);
    assert.equal(await dashboard.row('Boulangerie Dupont').getByText(grant.email).count(), 1);
    assert.equal(await page.getByTestId('counts').textContent(), '1 account');
    assert.deepEqual(problems, []);
  });

  it('shows the sandbox refusal beside the exchange-token field, and the form stays filled', async () => {
    await suite.reset();
    const grant = suite.sandbox.addGrant({ email: uniqueEmail('refused') });
    const { page } = await suite.open();
    await fillAccountForm(page, { label: 'Cabinet Janssens', email: grant.email, host: suite.sandbox.v2BaseUrl, exchangeToken: 'not-the-right-token' });
    await page.getByRole('button', { name: 'Add account' }).click();

    const tokenField = page.getByLabel('Exchange token', { exact: true });
    await page.locator('[aria-invalid="true"]').first().waitFor();
    assert.equal(await tokenField.getAttribute('aria-invalid'), 'true');
    const describedBy = (await tokenField.getAttribute('aria-describedby')) ?? '';
    const errorText = await page.locator(`[id="${describedBy.split(' ').at(-1) ?? ''}"]`).textContent();
    assert.match(errorText ?? '', /Winbooks refused this exchange token for this e-mail address/u);
    assert.equal(await page.getByLabel('Label', { exact: true }).inputValue(), 'Cabinet Janssens');
    assert.equal(await new DashboardPage(page).rows().count(), 0);
  });

  it('inline validation with the shared schemas before anything is sent', async () => {
    await suite.reset();
    const requestsBefore = suite.sandbox.tokenRequestCount();
    const { page } = await suite.open();
    await page.getByRole('radio', { name: 'Another address' }).check();
    await page.getByLabel('Address', { exact: true }).fill('https://example.be/OAuth20/Token');
    await page.keyboard.press('Tab'); // leaving a text field for the next one shows its error at once
    await page.getByText('Enter the API base without /OAuth20/Token.').waitFor();
    await page.getByLabel('E-mail address of the grant').fill('not-an-email');
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByText('Enter a name for this account.').waitFor();
    await page.getByText('This is not a valid e-mail address (expected name@example.com).').waitFor();
    await page.getByText('Paste the exchange token from the Winbooks e-mail.').waitFor();
    // Focus moves to the first field in error.
    assert.equal(await page.evaluate(() => document.activeElement?.id === document.querySelector('label[for]')?.getAttribute('for')), true);
    assert.equal(suite.sandbox.tokenRequestCount(), requestsBefore, 'nothing was sent to Winbooks');
  });

  it('adds an account with the keyboard only, with a visible focus ring', async () => {
    await suite.reset();
    const grant = suite.sandbox.addGrant({ email: uniqueEmail('keyboard') });
    const { page } = await suite.open();
    await page.getByRole('heading', { name: 'Add your first account' }).waitFor();
    const labelId = await page.getByLabel('Label', { exact: true }).getAttribute('id');
    for (let presses = 0; presses < 10 && (await page.evaluate(() => document.activeElement?.id)) !== labelId; presses += 1) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), labelId, 'Tab reaches the Label field');
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement ?? document.body).outlineStyle), 'none', 'focus is visible');

    await page.keyboard.type('Garage Peeters');
    await page.keyboard.press('Tab');
    await page.keyboard.type(grant.email);
    await page.keyboard.press('Tab'); // the radio group, on "Production"
    await page.keyboard.press('ArrowDown'); // Legacy
    await page.keyboard.press('ArrowDown'); // Another address
    await page.keyboard.press('Tab');
    await page.keyboard.type(suite.sandbox.v2BaseUrl);
    await page.keyboard.press('Tab');
    await page.keyboard.type(grant.exchangeToken);
    await page.keyboard.press('Enter');

    const dashboard = new DashboardPage(page);
    await dashboard.row('Garage Peeters').waitFor();
    assert.equal(await dashboard.status('Garage Peeters').textContent(), 'Ready');
  });

  it('the countdown moves on its own', async () => {
    await suite.reset();
    await seedAccount(suite.harness.backend.api, suite.sandbox, { label: 'Brasserie Van Damme', email: uniqueEmail('tick'), accessLifetimeSeconds: 900 });
    const { page } = await suite.open();
    const dashboard = new DashboardPage(page);
    await dashboard.row('Brasserie Van Damme').waitFor();
    const first = await dashboard.countdownText('Brasserie Van Damme');
    await dashboard.waitFor(async () => (await dashboard.countdownText('Brasserie Van Damme')) !== first, 'the countdown to change');
    const later = await dashboard.countdownText('Brasserie Van Damme');
    const seconds = (text: string): number => englishDurationSeconds(text);
    assert.ok(seconds(later) < seconds(first), `${later} is less than ${first}`);
    // Screen readers get the same time spelled out.
    assert.match((await dashboard.countdown('Brasserie Van Damme').locator('.visually-hidden').textContent()) ?? '', /^valid for \d+ minutes?/u);
  });

  it('Refresh now gets a new token and the expiry moves', async () => {
    await suite.reset();
    const email = uniqueEmail('refresh');
    await seedAccount(suite.harness.backend.api, suite.sandbox, { label: 'Société Lambert', email, accessLifetimeSeconds: 300 });
    const { page } = await suite.open();
    const dashboard = new DashboardPage(page);
    await dashboard.row('Société Lambert').waitFor();
    const before = await dashboard.expiresAt('Société Lambert');
    assert.match(await dashboard.countdownText('Société Lambert'), /^[45] mins?(, \d+ secs?)?$/u);

    suite.sandbox.setAccessLifetime(email, 2 * 3600);
    const refresh = await dashboard.rowButton('Société Lambert', 'Refresh now');
    await refresh.click();
    await dashboard.waitFor(async () => (await dashboard.expiresAt('Société Lambert')) > before, 'a later expiry');
    assert.match(await dashboard.countdownText('Société Lambert'), /^[12] hrs?(, \d+ mins?)?$/u, 'beyond an hour the countdown reads hours and minutes');
    await page.getByTestId('notices').getByText(/Société Lambert refreshed/u).waitFor();
    assert.match(await dashboard.focused(), /^button:Refresh now/u, 'the focus stays on Refresh now');
  });

  it('a revoked grant needs attention, offers only "Replace exchange token" (no refresh, no copy); replacing it brings the account back', async () => {
    await suite.reset();
    const email = uniqueEmail('revoked');
    await seedAccount(suite.harness.backend.api, suite.sandbox, { label: 'Cabinet Janssens', email });
    await seedAccount(suite.harness.backend.api, suite.sandbox, { label: 'Boulangerie Dupont', email: uniqueEmail('healthy') });
    const { page } = await suite.open();
    const dashboard = new DashboardPage(page);
    await dashboard.row('Cabinet Janssens').waitFor();

    suite.sandbox.revokeGrant(email);
    await (await dashboard.rowButton('Cabinet Janssens', 'Refresh now')).click();
    await dashboard.waitFor(async () => (await dashboard.status('Cabinet Janssens').getAttribute('data-state')) === 'needs-exchange-token', 'the needs-exchange-token state');
    assert.equal(await dashboard.status('Cabinet Janssens').textContent(), 'New exchange token needed');
    assert.match((await dashboard.details().getByTestId('last-error').textContent()) ?? '', /no longer accepts this grant/u);
    assert.match((await page.getByTestId('counts').textContent()) ?? '', /1 needs attention/u);
    await page.getByTestId('error-message').filter({ hasText: 'Cabinet Janssens' }).first().waitFor();

    // One honest state: no usable token, so nothing to copy or refresh; the one way back is a new exchange token.
    assert.equal(await dashboard.countdownText('Cabinet Janssens'), 'no usable token');
    assert.equal(await dashboard.row('Cabinet Janssens').getByRole('button').count(), 0, 'no Copy in the row');
    for (const gone of ['Copy token', 'Copy header', 'Refresh now']) {
      assert.equal(await dashboard.details().getByRole('button', { name: new RegExp(`^${gone}`, 'u') }).count(), 0, `no ${gone} for a revoked grant`);
    }
    assert.notEqual(await dashboard.focused(), 'body', 'the vanished Refresh now button does not drop the focus to the body');
    const replace = await dashboard.rowButton('Cabinet Janssens', 'Replace exchange token');
    assert.match((await replace.getAttribute('class')) ?? '', /button-primary/u, 'Replace exchange token is the primary action');
    assert.equal(await dashboard.status('Boulangerie Dupont').getAttribute('data-state'), 'ready', 'the other account keeps working');

    // A wrong token is refused beside the field; the right one (a new grant) is accepted.
    await replace.click();
    const dialog = page.getByRole('dialog', { name: 'New exchange token for Cabinet Janssens' });
    await dialog.getByLabel('Exchange token', { exact: true }).fill('still-the-wrong-token');
    await dialog.getByRole('button', { name: 'Replace token' }).click();
    await dialog.getByText(/Winbooks refused this exchange token/u).waitFor();

    const renewed = suite.sandbox.addGrant({ email });
    await dialog.getByLabel('Exchange token', { exact: true }).fill(renewed.exchangeToken);
    await dialog.getByRole('button', { name: 'Replace token' }).click();
    await dialog.waitFor({ state: 'detached' });
    await dashboard.waitFor(async () => (await dashboard.status('Cabinet Janssens').getAttribute('data-state')) === 'ready', 'the account to be ready again');
    assert.equal(await dashboard.details().getByTestId('last-error').count(), 0);
    await dashboard.details().getByRole('button', { name: 'Refresh now for Cabinet Janssens' }).waitFor();
    assert.match(await dashboard.focused(), /^button:Replace exchange token/u, 'the dialog returns the focus to its opener');
  });

  it('at 640x400, where the details replace the list, a vanished Refresh now leaves the focus on the account heading', async () => {
    await suite.reset();
    const email = uniqueEmail('narrow');
    await seedAccount(suite.harness.backend.api, suite.sandbox, { label: 'Cabinet Janssens', email });
    const { page, problems } = await suite.open({ width: 640, height: 400 });
    const dashboard = new DashboardPage(page);
    await dashboard.row('Cabinet Janssens').focus();
    await page.keyboard.press('Enter');
    const heading = dashboard.details().getByRole('heading', { name: 'Cabinet Janssens', exact: true });
    await heading.waitFor();
    suite.sandbox.revokeGrant(email);
    await dashboard.details().getByRole('button', { name: 'Refresh now for Cabinet Janssens' }).focus();
    await page.keyboard.press('Enter');
    await dashboard.details().getByRole('button', { name: 'Replace exchange token for Cabinet Janssens' }).waitFor();
    await dashboard.waitFor(async () => (await dashboard.focused()) === 'h2:Cabinet Janssens', 'the focus on the account heading, not the page heading');
    assert.deepEqual(problems, []);
  });

  it('remove asks for a confirmation naming the account', async () => {
    await suite.reset();
    await seedAccount(suite.harness.backend.api, suite.sandbox, { label: 'Garage Peeters', email: uniqueEmail('remove') });
    await seedAccount(suite.harness.backend.api, suite.sandbox, { label: 'Boulangerie Dupont', email: uniqueEmail('stay') });
    const { page } = await suite.open();
    const dashboard = new DashboardPage(page);
    await (await dashboard.rowButton('Garage Peeters', 'Remove')).click();
    const dialog = page.getByRole('dialog', { name: 'Remove Garage Peeters?' });
    assert.match((await dialog.textContent()) ?? '', /The tokens of Garage Peeters/u);

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await dashboard.row('Garage Peeters').count(), 1, 'cancel keeps the account');

    await (await dashboard.rowButton('Garage Peeters', 'Remove')).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove Garage Peeters' }).click();
    await dashboard.row('Garage Peeters').waitFor({ state: 'detached' });
    await dashboard.waitFor(async () => (await dashboard.focused()) === 'row:Boulangerie Dupont', 'the focus on the remaining row');
    assert.deepEqual(await dashboard.rowLabels(), ['Boulangerie Dupont']);
    assert.deepEqual((await suite.harness.backend.api.listAccounts(undefined)).accounts.map((account) => account.label), ['Boulangerie Dupont']);
  });

  it('Copy token puts a fresh token on the clipboard in main; the page only learns its expiry', async () => {
    await suite.reset();
    await seedAccount(suite.harness.backend.api, suite.sandbox, { label: 'Brasserie Van Damme', email: uniqueEmail('copy') });
    const { page } = await suite.open();
    const dashboard = new DashboardPage(page);
    await (await dashboard.rowButton('Brasserie Van Damme', 'Copy header')).click();
    await page.getByTestId('notices').getByText(/Brasserie Van Damme: Authorization header copied, valid for \d+ mins?(, \d+ secs?)?\. The clipboard clears in 30 secs\./u).waitFor();
    assert.match(await dashboard.focused(), /^button:Copy header/u, 'the focus stays on Copy header');
    const copied = suite.harness.backend.clipboard.current();
    assert.match(copied, /^Authorization: Bearer \S+$/u);
    const token = copied.slice('Authorization: Bearer '.length);
    assert.equal(await page.evaluate((secret) => document.documentElement.outerHTML.includes(secret), token), false, 'the token never reaches the page');
  });

  it('edit: a new e-mail asks for its exchange token in the same form; without it nothing is sent; a label change needs none', async () => {
    await suite.reset();
    const email = uniqueEmail('edit');
    await seedAccount(suite.harness.backend.api, suite.sandbox, { label: 'Garage Peeters', email });
    const { page, problems } = await suite.open();
    const dashboard = new DashboardPage(page);
    await (await dashboard.rowButton('Garage Peeters', 'Edit')).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Garage Peeters' });
    const tokenField = dialog.getByLabel('Exchange token', { exact: true });
    assert.equal(await tokenField.count(), 0, 'no exchange token asked while the destination is unchanged');

    const emailField = dialog.getByLabel('E-mail address of the grant');
    await emailField.fill(uniqueEmail('moved'));
    await tokenField.waitFor();
    assert.match(await tokenField.evaluate((input) => document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent ?? ''), /never sent to a new address/u);
    const requestsBefore = suite.sandbox.tokenRequestCount();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Paste the exchange token for the new e-mail or API address; the stored one is never sent there.').waitFor();
    assert.equal(await tokenField.getAttribute('aria-invalid'), 'true');
    assert.equal(await tokenField.evaluate((input) => input === document.activeElement), true, 'the focus goes to the token field');
    assert.equal(suite.sandbox.tokenRequestCount(), requestsBefore, 'nothing was sent to Winbooks');
    assert.equal((await suite.harness.backend.api.listAccounts(undefined)).accounts[0]?.email, email, 'the account is unchanged');

    // Back to the stored e-mail: no token needed any more; a label change alone is saved as it is.
    await emailField.fill(email);
    await tokenField.waitFor({ state: 'detached' });
    await dialog.getByLabel('Label', { exact: true }).fill('Garage Peeters & Zonen');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await dashboard.row('Garage Peeters & Zonen').waitFor();
    assert.equal(suite.sandbox.tokenRequestCount(), requestsBefore, 'a label change contacts nobody');
    assert.deepEqual(problems, []);
  });

  it('a second account for an e-mail and API address already here is refused beside the e-mail, naming the existing one', async () => {
    await suite.reset();
    const email = uniqueEmail('twice');
    await seedAccount(suite.harness.backend.api, suite.sandbox, { label: 'Garage Peeters', email });
    const { page, problems } = await suite.open();
    const dashboard = new DashboardPage(page);
    await dashboard.row('Garage Peeters').waitFor();
    await page.getByRole('button', { name: 'Add account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an account' });
    // The same grant in other capitals: e-mail addresses are compared without case.
    await fillAccountForm(dialog, { label: 'Garage Peeters bis', email: email.toUpperCase(), host: suite.sandbox.v2BaseUrl, exchangeToken: 'a-second-exchange-token' });
    const requestsBefore = suite.sandbox.tokenRequestCount();
    await dialog.getByRole('button', { name: 'Add account' }).click();

    const emailField = dialog.getByLabel('E-mail address of the grant');
    await dialog.locator('[aria-invalid="true"]').first().waitFor();
    assert.equal(await emailField.getAttribute('aria-invalid'), 'true');
    const describedBy = ((await emailField.getAttribute('aria-describedby')) ?? '').split(' ').filter((id) => id !== '');
    const described = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
    assert.ok(
      described.some((text) => /An account for this e-mail and API address already exists: Garage Peeters\./u.test(text ?? '')),
      `the refusal beside the e-mail names the existing account: ${JSON.stringify(described)}`,
    );
    assert.equal(await emailField.evaluate((input) => input === document.activeElement), true, 'the focus goes to the e-mail field');
    assert.equal(await dialog.getByLabel('Label', { exact: true }).inputValue(), 'Garage Peeters bis', 'the form stays filled');
    assert.equal(suite.sandbox.tokenRequestCount(), requestsBefore, 'the exchange token was not sent');
    assert.deepEqual(await dashboard.rowLabels(), ['Garage Peeters']);
    assert.equal((await suite.harness.backend.api.listAccounts(undefined)).accounts.length, 1);
    assert.deepEqual(problems, []);
  });

  it('a double submit (two in one task, before React disables the button) sends one request: add, edit, replace, remove', async () => {
    await suite.reset();
    const api = suite.harness.backend.api;
    const calls = { addAccount: 0, updateAccount: 0, replaceExchangeToken: 0, removeAccount: 0 };
    const addAccount = api.addAccount.bind(api);
    const updateAccount = api.updateAccount.bind(api);
    const replaceExchangeToken = api.replaceExchangeToken.bind(api);
    const removeAccount = api.removeAccount.bind(api);
    api.addAccount = (request) => {
      calls.addAccount += 1;
      return addAccount(request);
    };
    api.updateAccount = (request) => {
      calls.updateAccount += 1;
      return updateAccount(request);
    };
    api.replaceExchangeToken = (request) => {
      calls.replaceExchangeToken += 1;
      return replaceExchangeToken(request);
    };
    api.removeAccount = (request) => {
      calls.removeAccount += 1;
      return removeAccount(request);
    };
    const submitTwice = async (form: Locator): Promise<void> =>
      form.evaluate((element) => {
        if (!(element instanceof HTMLFormElement)) throw new Error('not a form');
        element.requestSubmit();
        element.requestSubmit();
      });

    const email = uniqueEmail('double');
    const grant = suite.sandbox.addGrant({ email });
    const { page, problems } = await suite.open();
    const dashboard = new DashboardPage(page);
    await fillAccountForm(page, { label: 'Garage Peeters', email, host: suite.sandbox.v2BaseUrl, exchangeToken: grant.exchangeToken });
    const tokenRequestsBefore = suite.sandbox.tokenRequestCount();
    await submitTwice(page.locator('form.account-form'));
    await dashboard.row('Garage Peeters').waitFor();
    assert.equal(calls.addAccount, 1, 'one add for two submits');
    assert.equal(suite.sandbox.tokenRequestCount(), tokenRequestsBefore + 1, 'the exchange token was sent once');

    await (await dashboard.rowButton('Garage Peeters', 'Edit')).click();
    const edit = page.getByRole('dialog', { name: 'Edit Garage Peeters' });
    await edit.getByLabel('Label', { exact: true }).fill('Garage Peeters & Zonen');
    await submitTwice(edit.locator('form'));
    await edit.waitFor({ state: 'detached' });
    await dashboard.row('Garage Peeters & Zonen').waitFor();
    assert.equal(calls.updateAccount, 1, 'one update for two submits');

    suite.sandbox.revokeGrant(email);
    await (await dashboard.rowButton('Garage Peeters & Zonen', 'Refresh now')).click();
    await dashboard.waitFor(async () => (await dashboard.status('Garage Peeters & Zonen').getAttribute('data-state')) === 'needs-exchange-token', 'the needs-exchange-token state');
    await (await dashboard.rowButton('Garage Peeters & Zonen', 'Replace exchange token')).click();
    const replace = page.getByRole('dialog', { name: 'New exchange token for Garage Peeters & Zonen' });
    await replace.getByLabel('Exchange token', { exact: true }).fill(suite.sandbox.addGrant({ email }).exchangeToken);
    await submitTwice(replace.locator('form'));
    await replace.waitFor({ state: 'detached' });
    await dashboard.waitFor(async () => (await dashboard.status('Garage Peeters & Zonen').getAttribute('data-state')) === 'ready', 'the account to be ready again');
    assert.equal(calls.replaceExchangeToken, 1, 'one replacement for two submits');

    await (await dashboard.rowButton('Garage Peeters & Zonen', 'Remove')).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: 'Remove Garage Peeters & Zonen' })
      .evaluate((button) => {
        if (!(button instanceof HTMLButtonElement)) throw new Error('not a button');
        button.click();
        button.click();
      });
    await dashboard.row('Garage Peeters & Zonen').waitFor({ state: 'detached' });
    assert.equal(calls.removeAccount, 1, 'one removal for two clicks');
    assert.deepEqual(problems, []);
  });
});
