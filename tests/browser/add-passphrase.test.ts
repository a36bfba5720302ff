import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startBrowserSuite } from './support/browser-suite';
import type { BrowserSuite } from './support/browser-suite';

/** A vault opened by the system keychain alone cannot lock until a passphrase is added on top of it, in Settings. */
describe('adding a passphrase on top of the keychain, in the browser', () => {
  let suite: BrowserSuite;
  before(async () => {
    suite = await startBrowserSuite();
  });
  after(async () => {
    await suite.close();
  });

  it('Settings offers it for a keychain vault; a weak one is refused beside its field; once added, Lock is offered', async () => {
    await suite.reset({ storage: 'vault-keychain' });
    const { page, problems } = await suite.open();
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    const form = page.locator('form.passphrase-add');
    await form.getByRole('heading', { name: 'Add a passphrase (to be able to lock)' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Lock now' }).count(), 0, 'no lock without a passphrase');

    const next = form.getByLabel('New passphrase');
    const repeat = form.getByLabel('Repeat the passphrase');
    await next.fill('password1234');
    await repeat.fill('password1234');
    await form.getByRole('button', { name: 'Add passphrase' }).click();
    await form.getByText(/guess/iu).first().waitFor();
    assert.equal(await next.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'password', 'focus on the refused field');

    await next.fill('quiet orchard lantern 2031');
    await repeat.fill('quiet orchard lantern 2031');
    await form.getByRole('button', { name: 'Add passphrase' }).click();
    await page.getByText('Passphrase added. You can now lock the vault.').waitFor();
    assert.deepEqual((await suite.harness.backend.api.getVaultState(undefined)).protection, 'os-keychain-and-passphrase');
    await page.getByRole('button', { name: 'Lock now' }).waitFor();
    assert.deepEqual(problems, []);
  });
});
