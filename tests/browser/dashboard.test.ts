import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { seedAccount } from '../harness/seed-accounts';
import { SCREENSHOT_DIR, startBrowserSuite, uniqueEmail } from './support/browser-suite';
import type { BrowserSuite } from './support/browser-suite';
import { DashboardPage } from './support/dashboard-page';

describe('dashboard in the browser', () => {
  let suite: BrowserSuite;
  before(async () => {
    suite = await startBrowserSuite();
  });
  after(async () => {
    await suite.close();
  });

  it('search by label or e-mail, sort by label / expiry / status, the needs-attention filter', async () => {
    await suite.reset();
    const api = suite.harness.backend.api;
    await seedAccount(api, suite.sandbox, { label: 'Boulangerie Dupont', email: uniqueEmail('dupont'), accessLifetimeSeconds: 3000 });
    await seedAccount(api, suite.sandbox, { label: 'Brasserie Van Damme', email: uniqueEmail('vandamme'), accessLifetimeSeconds: 600 });
    const revokedEmail = uniqueEmail('janssens');
    const revoked = await seedAccount(api, suite.sandbox, { label: 'Cabinet Janssens', email: revokedEmail, accessLifetimeSeconds: 1800 });
    await seedAccount(api, suite.sandbox, { label: 'Garage Peeters', email: 'boekhouding@peeters.example', accessLifetimeSeconds: 1200 });
    suite.sandbox.revokeGrant(revokedEmail);
    await api.refreshAccount({ id: revoked.id }).catch(() => undefined);

    const { page } = await suite.open();
    const dashboard = new DashboardPage(page);
    await dashboard.row('Garage Peeters').waitFor();
    assert.deepEqual(await dashboard.rowLabels(), ['Boulangerie Dupont', 'Brasserie Van Damme', 'Cabinet Janssens', 'Garage Peeters']);

    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.fill('peeters.example');
    await dashboard.waitFor(async () => (await dashboard.rows().count()) === 1, 'the search by e-mail');
    assert.deepEqual(await dashboard.rowLabels(), ['Garage Peeters']);
    assert.match((await page.getByTestId('counts').textContent()) ?? '', /showing 1 of 4/u);
    await search.fill('BRASSERIE');
    await dashboard.waitFor(async () => (await dashboard.rowLabels()).join() === 'Brasserie Van Damme', 'the search by label');
    await search.fill('nothing like this');
    await page.getByText('No account matches your search.').waitFor();
    await search.fill('');

    const sort = page.getByLabel('Sort by');
    await sort.selectOption({ label: 'Expiry' });
    // The revoked grant's token is withheld (no expiry shown): with no usable token it is the most urgent.
    await dashboard.waitFor(async () => (await dashboard.rowLabels())[1] === 'Brasserie Van Damme', 'the expiry order');
    assert.deepEqual(await dashboard.rowLabels(), ['Cabinet Janssens', 'Brasserie Van Damme', 'Garage Peeters', 'Boulangerie Dupont']);
    await sort.selectOption({ label: 'Status' });
    await dashboard.waitFor(async () => (await dashboard.rowLabels())[0] === 'Cabinet Janssens', 'the status order');

    await page.getByLabel('Needs attention only').check();
    await dashboard.waitFor(async () => (await dashboard.rows().count()) === 1, 'the needs-attention filter');
    assert.deepEqual(await dashboard.rowLabels(), ['Cabinet Janssens']);
    await page.getByLabel('Needs attention only').uncheck();
    await dashboard.waitFor(async () => (await dashboard.rows().count()) === 4, 'all accounts again');
  });

  it('switches language in settings (French, then Dutch) with plural rules and localized times', async () => {
    await suite.reset();
    await seedAccount(suite.harness.backend.api, suite.sandbox, { label: 'Boulangerie Dupont', email: uniqueEmail('fr1') });
    await seedAccount(suite.harness.backend.api, suite.sandbox, { label: 'Brasserie Van Damme', email: uniqueEmail('fr2') });
    const { page } = await suite.open();
    const dashboard = new DashboardPage(page);
    await dashboard.row('Boulangerie Dupont').waitFor();

    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: 'Paramètres', level: 1 }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
    await page.getByRole('navigation').getByRole('button', { name: 'Comptes' }).click();
    await page.getByRole('heading', { name: 'Comptes', level: 1 }).waitFor();
    assert.equal(await page.getByTestId('counts').textContent(), '2 comptes');
    assert.equal(await dashboard.status('Boulangerie Dupont').textContent(), 'Prêt');
    assert.match((await dashboard.countdown('Boulangerie Dupont').locator('.visually-hidden').textContent()) ?? '', /^valable encore \d+ minutes?/u, 'the countdown spelled out in French');
    assert.doesNotMatch(await dashboard.countdownText('Boulangerie Dupont'), /mins?,|secs?\b/u, 'no English units');
    await dashboard.select('Boulangerie Dupont');
    await dashboard.details().getByRole('button', { name: 'Renouveler pour Boulangerie Dupont' }).waitFor();
    await dashboard.details().locator('time').filter({ hasText: /il y a|maintenant/u }).first().waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'dashboard-fr-light.png') });

    await page.getByRole('navigation').getByRole('button', { name: 'Paramètres' }).click();
    await page.getByLabel('Langue').selectOption('nl');
    await page.getByRole('heading', { name: 'Instellingen', level: 1 }).waitFor();
    assert.equal((await suite.harness.backend.api.getSettings(undefined)).language, 'nl', 'the choice is persisted by main');
  });

  it('a settings change made in main (another window, the check once the vault opens) reaches the open window', async () => {
    await suite.reset();
    const { page } = await suite.open();
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await suite.harness.backend.api.updateSettings({ language: 'fr' });
    await page.getByRole('heading', { name: 'Paramètres', level: 1 }).waitFor();
    assert.equal(await page.getByLabel('Langue').inputValue(), 'fr', 'the form shows what main now holds');
  });

  it('follows the OS locale when the language is "system"', async () => {
    await suite.reset({ storage: 'memory', locale: 'nl-BE' });
    const { page } = await suite.open({ locale: 'nl-BE' });
    await page.getByRole('heading', { name: 'Houd uw Winbooks-API-tokens altijd geldig' }).waitFor();
    await page.getByRole('button', { name: 'Account toevoegen' }).waitFor();
  });

  it('a thousand accounts: the list is virtualized and scrolls to the last one', async () => {
    await suite.reset();
    const api = suite.harness.backend.api;
    const labels = Array.from({ length: 1000 }, (_, index) => `Client ${String(index + 1).padStart(4, '0')}`);
    for (let start = 0; start < labels.length; start += 50) {
      await Promise.all(labels.slice(start, start + 50).map((label) => seedAccount(api, suite.sandbox, { label, email: uniqueEmail('many') })));
    }
    const { page } = await suite.open();
    const dashboard = new DashboardPage(page);
    await dashboard.row('Client 0001').waitFor();
    assert.equal(await page.getByTestId('counts').textContent(), '1000 accounts');
    const rendered = await dashboard.rows().count();
    assert.ok(rendered > 0 && rendered < 40, `only the rows near the view are in the page (${rendered})`);
    assert.equal(await page.getByRole('grid').getAttribute('aria-rowcount'), '1001', 'the grid tells assistive technology about every row (1000 + the header)');

    await page.getByTestId('account-scroll').evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await dashboard.row('Client 1000').waitFor();
    assert.equal(await dashboard.row('Client 1000').getAttribute('aria-rowindex'), '1001');
    assert.ok((await dashboard.rows().count()) < 40);
  });
});
