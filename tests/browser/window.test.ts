import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright';
import { DEMO_ACCOUNTS, seedAccount } from '../harness/seed-accounts';
import { en } from '../../renderer/i18n/locales/en';
import { fr } from '../../renderer/i18n/locales/fr';
import { nl } from '../../renderer/i18n/locales/nl';
import type { LocaleMessages } from '../../renderer/i18n/locales/locale-messages';
import { axeViolations } from './support/axe';
import { SCREENSHOT_DIR, startBrowserSuite, uniqueEmail } from './support/browser-suite';
import type { AppPage, BrowserSuite } from './support/browser-suite';
import { DashboardPage, fillAccountForm } from './support/dashboard-page';

const SCHEMES = ['light', 'dark'] as const;
const SIZES = [
  [1280, 800],
  [900, 600],
] as const;
const LOCALES = { en: 'en-GB', fr: 'fr-BE', nl: 'nl-BE' } as const;

async function assertNoAxeViolations(page: Page, screen: string): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], `${screen}: axe-core violations`);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** English sentences of the UI that the French and Dutch catalogues word differently. */
function englishOnlyTexts(): string[] {
  const flatten = (messages: LocaleMessages, prefix = ''): Map<string, string> =>
    new Map(Object.entries(messages).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as const] : [...flatten(value, `${prefix}${key}.`)])));
  const english = flatten(en);
  const others = [flatten(fr), flatten(nl)];
  return [...english]
    .filter(([key, text]) => !text.includes('{{') && text.length >= 6 && others.every((other) => other.get(key) !== text))
    .map(([, text]) => text);
}

async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

/** The English texts found as whole words in a page's text ("Export" is not found in "Exporter"). */
function englishIn(text: string): string[] {
  return englishOnlyTexts().filter((english) => new RegExp(`(?<![\\p{L}])${english.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}])`, 'u').test(text));
}

/** Three demo states: one revoked grant, one with auto-refresh off, the rest healthy; plus `extra` healthy ones. */
async function seedDemo(suite: BrowserSuite, extra = 0): Promise<void> {
  const api = suite.harness.backend.api;
  const emails = new Map<string, string>();
  for (const seed of DEMO_ACCOUNTS) {
    const email = uniqueEmail(seed.email.split('@')[0] ?? 'demo');
    emails.set(seed.label, email);
    await seedAccount(api, suite.sandbox, { ...seed, email });
  }
  for (let index = 1; index <= extra; index += 1) {
    await seedAccount(api, suite.sandbox, { label: `Client ${String(index).padStart(2, '0')}`, email: uniqueEmail('client'), accessLifetimeSeconds: 3600 });
  }
  const { accounts } = await api.listAccounts(undefined);
  const janssens = accounts.find((account) => account.label === 'Cabinet Janssens');
  suite.sandbox.revokeGrant(emails.get('Cabinet Janssens') ?? '');
  if (janssens !== undefined) await api.refreshAccount({ id: janssens.id }).catch(() => undefined);
  const peeters = accounts.find((account) => account.label === 'Garage Peeters');
  if (peeters !== undefined) await api.updateAccount({ id: peeters.id, patch: { autoRefresh: false } });
}

describe('the accounts window', () => {
  let suite: BrowserSuite;
  let vaults: string;
  before(async () => {
    suite = await startBrowserSuite();
    vaults = await mkdtemp(join(tmpdir(), 'wtm-window-vaults-'));
  });
  after(async () => {
    await suite.close();
    await rm(vaults, { recursive: true, force: true });
  });

  it('shows at least 15 accounts at 1280x800, one line each, and reflows at 640x400 without losing the list', async () => {
    await suite.reset({ storage: 'memory' });
    await seedDemo(suite, 25);
    const { page } = await suite.open({ width: 1280, height: 800 });
    const dashboard = new DashboardPage(page);
    await dashboard.row('Client 01').waitFor();
    const visible = await page.evaluate(() => {
      const body = document.querySelector('[data-testid="account-scroll"]')?.getBoundingClientRect();
      if (body === undefined) return 0;
      const bottom = Math.min(body.bottom, window.innerHeight);
      return [...document.querySelectorAll('[data-testid="account-row"]')].filter((row) => {
        const box = row.getBoundingClientRect();
        return box.top >= body.top - 1 && box.bottom <= bottom + 1;
      }).length;
    });
    console.log(`accounts fully visible at 1280x800: ${visible}`);
    assert.ok(visible >= 15, `at least 15 accounts fully visible at 1280x800, got ${visible}`);

    await page.setViewportSize({ width: 640, height: 400 });
    await page.waitForTimeout(200);
    const reflow = await page.evaluate(() => ({
      horizontalScroll: document.documentElement.scrollWidth > window.innerWidth + 1,
      listHeight: document.querySelector('[data-testid="account-scroll"]')?.clientHeight ?? 0,
    }));
    assert.equal(reflow.horizontalScroll, false, 'no horizontal scrolling at 640x400');
    assert.ok(reflow.listHeight >= 5 * 34, `the list keeps room for at least 5 rows at 640x400 (got ${reflow.listHeight}px)`);
    await shot(page, 'reflow-640x400');
    await assertNoAxeViolations(page, 'dashboard at 640x400');
  });

  for (const scheme of SCHEMES) {
    it(`${scheme}: every screen passes axe-core, in English; screenshots in EN/FR/NL at 1280x800 and 900x600`, async () => {
      await suite.reset({ storage: 'memory', demo: true });
      const first = await suite.open({ colorScheme: scheme });
      await first.page.getByRole('heading', { name: 'Add your first account' }).waitFor();
      await first.page.getByRole('button', { name: 'Restore from a backup' }).waitFor();
      await assertNoAxeViolations(first.page, `first run (${scheme})`);
      await shot(first.page, `window-first-run-en-${scheme}-1280x860`);
      await seedDemo(suite);

      for (const [language, locale] of Object.entries(LOCALES)) {
        for (const [width, height] of SIZES) {
          await suite.harness.backend.api.updateSettings({ language: language as keyof typeof LOCALES });
          const { page, problems } = await suite.open({ colorScheme: scheme, locale, width, height });
          const dashboard = new DashboardPage(page);
          await dashboard.row('Cabinet Janssens').waitFor();
          await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
          await shot(page, `window-dashboard-${language}-${scheme}-${width}x${height}`);
          if (language !== 'en') {
            const text = await visibleText(page);
            assert.deepEqual(englishIn(text), [], `${language}: no English on the dashboard`);
          }
          if (width === 900) {
            const wrapped = await page.evaluate(() => [...document.querySelectorAll('.button, .pill')].filter((element) => element.getBoundingClientRect().height > 40).map((element) => element.textContent));
            assert.deepEqual(wrapped, [], `${language}: no button or status wraps at 900 px`);
          }
          if (width === 1280) {
            await assertNoAxeViolations(page, `dashboard ${language} ${scheme}`);
            await page.getByRole('navigation').getByRole('button').nth(1).click();
            await page.getByRole('heading', { level: 1 }).waitFor();
            await page.waitForTimeout(300);
            await shot(page, `window-settings-${language}-${scheme}-${width}x${height}`);
            await assertNoAxeViolations(page, `settings ${language} ${scheme}`);
            if (language !== 'en') {
              const text = await visibleText(page);
              assert.deepEqual(englishIn(text), [], `${language}: no English in settings`);
            }
          }
          assert.deepEqual(problems, [], 'no console error');
        }
      }

      await suite.harness.backend.api.updateSettings({ language: 'en' });
      const { page } = await suite.open({ colorScheme: scheme });
      const dashboard = new DashboardPage(page);
      await dashboard.select('Cabinet Janssens');
      assert.equal(await dashboard.details().getByRole('button', { name: /^Copy token/u }).count(), 0, 'a revoked grant offers no copy');
      assert.equal(await dashboard.row('Cabinet Janssens').getByRole('button').count(), 0, 'nor does its row');
      assert.match((await dashboard.countdown('Cabinet Janssens').textContent()) ?? '', /no usable token/u);
      await shot(page, `window-details-revoked-en-${scheme}`);
      await assertNoAxeViolations(page, `details (${scheme})`);
      for (const [opener, dialogName] of [
        ['Keyboard shortcuts', 'Keyboard shortcuts'],
        ['Add account', 'Add an account'],
      ] as const) {
        await page.getByRole('button', { name: opener, exact: true }).click();
        await page.getByRole('dialog', { name: dialogName }).waitFor();
        await shot(page, `window-dialog-${dialogName.toLowerCase().replace(/\W+/gu, '-')}-en-${scheme}`);
        await assertNoAxeViolations(page, `${dialogName} (${scheme})`);
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' });
        assert.equal(await dashboard.focused(), `button:${opener}`, `closing "${dialogName}" returns focus to its opener`);
      }
      for (const action of ['Replace exchange token', 'Edit', 'Remove']) {
        const button = await dashboard.detailsButton('Garage Peeters', action);
        await button.click();
        await page.getByRole('dialog').waitFor();
        await assertNoAxeViolations(page, `${action} dialog (${scheme})`);
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' });
        assert.match(await dashboard.focused(), new RegExp(`^button:${action}`, 'u'), `closing ${action} returns focus to its button`);
      }

      await page.keyboard.press('Control+L');
      await page.getByRole('heading', { name: 'Unlock your accounts' }).waitFor();
      await shot(page, `window-unlock-en-${scheme}`);
      await assertNoAxeViolations(page, `unlock (${scheme})`);
      await page.getByRole('button', { name: 'Forgot the passphrase? Start over' }).click();
      await page.getByRole('dialog', { name: 'Start over without your accounts?' }).waitFor();
      await assertNoAxeViolations(page, `start over (${scheme})`);
      await page.keyboard.press('Escape');
    });
  }

  it('keyboard only: arrows, Enter, the shortcuts, add, copy, refresh, remove; focus never on the body', async () => {
    await suite.reset({ storage: 'memory' });
    await seedDemo(suite);
    const app: AppPage = await suite.open();
    const { page } = app;
    const dashboard = new DashboardPage(page);
    await dashboard.row('Boulangerie Dupont').waitFor();
    const clipboard = suite.harness.backend.clipboard;

    // Tab into the list: the selected row is the one tab stop of the list.
    await dashboard.row('Boulangerie Dupont').focus();
    await page.keyboard.press('ArrowDown');
    await dashboard.waitFor(async () => (await dashboard.focused()) === 'row:Brasserie Van Damme', 'ArrowDown to move the selection');
    await page.keyboard.press('End');
    await dashboard.waitFor(async () => (await dashboard.focused()) === 'row:Société Lambert & Fils', 'End');
    await page.keyboard.press('Home');
    await dashboard.waitFor(async () => (await dashboard.focused()) === 'row:Boulangerie Dupont', 'Home');

    await page.keyboard.press('Control+C');
    await page.getByTestId('notices').getByText('Boulangerie Dupont: token copied', { exact: false }).waitFor();
    assert.ok(clipboard.current().length > 20 && !clipboard.current().startsWith('Authorization: Bearer '), 'Ctrl+C put the token on the clipboard');
    assert.equal(await dashboard.focused(), 'row:Boulangerie Dupont', 'focus stays on the row after a copy');
    // Chromium keeps Ctrl+Shift+C for its DevTools inspector; Electron (no DevTools) and its menu accelerator
    // deliver it to the page, which is what this synthetic key press stands for.
    await page.evaluate(() => document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'C', code: 'KeyC', ctrlKey: true, shiftKey: true, bubbles: true, cancelable: true })));
    await dashboard.waitFor(() => Promise.resolve(clipboard.current().startsWith('Authorization: Bearer ')), 'Ctrl+Shift+C to copy the header');
    const before = await dashboard.expiresAt('Boulangerie Dupont');
    await page.keyboard.press('Control+R');
    await page.getByTestId('notices').getByText('Boulangerie Dupont refreshed', { exact: false }).waitFor();
    await dashboard.waitFor(async () => (await dashboard.expiresAt('Boulangerie Dupont')) >= before, 'the refreshed expiry');
    assert.equal(await dashboard.focused(), 'row:Boulangerie Dupont', 'focus stays on the row after a refresh');

    await page.keyboard.press('Enter');
    await dashboard.waitFor(async () => (await dashboard.focused()) === 'h2:Boulangerie Dupont', 'Enter to focus the details');
    // Wide window: the details sit beside the list (no "Back to the list"), Copy token is the next tab stop.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByTestId('notices').getByText('Boulangerie Dupont: token copied', { exact: false }).first().waitFor();
    assert.match(await dashboard.focused(), /^button:Copy token/u, 'focus stays on Copy token after copying');
    const refreshButton = dashboard.details().getByRole('button', { name: 'Refresh now for Boulangerie Dupont' });
    await refreshButton.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('notices').getByText('Boulangerie Dupont refreshed', { exact: false }).waitFor();
    assert.match(await dashboard.focused(), /^button:Refresh now/u, 'focus stays on Refresh now');
    const autoRefresh = page.getByRole('switch', { name: 'Auto-refresh for Boulangerie Dupont' });
    await autoRefresh.focus();
    await page.keyboard.press('Space');
    await dashboard.waitFor(async () => (await dashboard.row('Boulangerie Dupont').getAttribute('data-state')) === 'auto-refresh-off', 'auto-refresh off');
    assert.equal(await dashboard.focused(), 'input:Auto-refresh for Boulangerie Dupont', 'focus stays on the switch');
    await page.keyboard.press('Space');

    await page.keyboard.press('Control+F');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'search', 'Ctrl+F focuses the search');
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');

    // Add with the keyboard: a refusal from Winbooks puts the focus on the field it concerns.
    await dashboard.row('Boulangerie Dupont').focus();
    await page.keyboard.press('Control+N');
    const dialog = page.getByRole('dialog', { name: 'Add an account' });
    await dialog.waitFor();
    const email = uniqueEmail('keyboard');
    const grant = suite.sandbox.addGrant({ email });
    await fillAccountForm(dialog, { label: 'Keyboard Client', email, host: suite.sandbox.v2BaseUrl, exchangeToken: 'not-the-right-exchange-token' });
    await page.keyboard.press('Enter');
    await dialog.getByText('Winbooks refused this exchange token', { exact: false }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'password', 'the refused exchange token field has the focus');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(grant.exchangeToken);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await dashboard.waitFor(async () => (await dashboard.focused()) === 'row:Keyboard Client', 'focus on the new account');

    // Remove with the keyboard: focus lands on the next row, never on the body.
    await page.keyboard.press('Enter');
    // The heading takes the focus in the next animation frame: wait for it, or it steals the focus from Remove.
    await dashboard.waitFor(async () => (await dashboard.focused()) === 'h2:Keyboard Client', 'Enter to focus the new account\'s details');
    const remove = dashboard.details().getByRole('button', { name: 'Remove for Keyboard Client' });
    // press() focuses the button and sends Enter as one step: the details pane may re-render between two steps
    // (the new account's refresh events), and a focus() made just before would then be lost.
    await remove.press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Remove Keyboard Client?' });
    await confirm.waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    await dashboard.row('Keyboard Client').waitFor({ state: 'detached' });
    await dashboard.waitFor(async () => (await dashboard.focused()).startsWith('row:'), 'focus on a row after removing');

    // Messages: an error stays until dismissed; dismissing does not drop the focus to the body.
    await page.getByTestId('notices').getByRole('button', { name: /^Dismiss/u }).count();
    await page.keyboard.press('Control+L');
    await page.getByRole('heading', { name: 'Unlock your accounts' }).waitFor();
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('Enter the passphrase.').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'password', 'an empty unlock puts the focus on the passphrase');
    await page.getByLabel('Passphrase', { exact: true }).fill('any passphrase');
    await page.keyboard.press('Enter');
    await dashboard.row('Boulangerie Dupont').waitFor();
    assert.notEqual(await dashboard.focused(), 'body');
    assert.deepEqual(app.problems, []);
  });

  it('a language switch drops the messages worded in the old language', async () => {
    await suite.reset({ storage: 'memory' });
    await seedDemo(suite);
    const { page } = await suite.open();
    const dashboard = new DashboardPage(page);
    await dashboard.row('Boulangerie Dupont').focus();
    await page.keyboard.press('Control+C');
    await page.getByTestId('notices').getByText('token copied', { exact: false }).waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: 'Paramètres', level: 1 }).waitFor();
    assert.equal(await page.getByTestId('notices').getByText('token copied', { exact: false }).count(), 0);
  });
});
