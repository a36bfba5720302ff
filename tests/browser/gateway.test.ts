import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { seedAccount } from '../harness/seed-accounts';
import { axeViolations } from './support/axe';
import { startBrowserSuite, uniqueEmail } from './support/browser-suite';
import type { BrowserSuite } from './support/browser-suite';
import { DashboardPage } from './support/dashboard-page';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe('the local API gateway from the window', () => {
  let suite: BrowserSuite;
  before(async () => {
    suite = await startBrowserSuite();
  });
  after(async () => {
    await suite.close();
  });

  it('turned on in Settings (confirmed in main), a gateway URL copied in main, Winbooks data read through it, the request in the audit list', async () => {
    const port = await freePort();
    await suite.reset({ storage: 'memory', settings: { gatewayPort: port } });
    const backend = suite.harness.backend;
    await seedAccount(backend.api, suite.sandbox, { label: 'Boulangerie Dupont', email: uniqueEmail('gateway') });
    const { page } = await suite.open();
    const dashboard = new DashboardPage(page);
    await dashboard.row('Boulangerie Dupont').waitFor();

    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    backend.dialogs.script({ kind: 'confirm', confirmed: true });
    await page.getByRole('switch', { name: /Serve Excel, Power BI and Postman/u }).check();
    await page.getByText(`Listening on http://127.0.0.1:${port}.`).waitFor();
    const asked = backend.dialogs.asked.at(-1);
    assert.ok(asked?.kind === 'confirm' && asked.dialog.message.includes(String(port)), 'main asked first, naming the port');

    await page.getByRole('navigation').getByRole('button', { name: 'Accounts' }).click();
    await dashboard.select('Boulangerie Dupont');
    backend.dialogs.script({ kind: 'confirm', confirmed: true });
    await dashboard.details().getByRole('button', { name: /Copy gateway URL/u }).click();
    await page.getByText('Boulangerie Dupont: gateway URL copied.', { exact: false }).first().waitFor();
    const url = backend.clipboard.current();
    assert.match(url, new RegExp(`^http://127\\.0\\.0\\.1:${port}/[A-Za-z0-9_-]{22,}/app/$`, 'u'), 'the URL is in main’s clipboard');
    const key = new URL(url).pathname.split('/')[1] ?? '';
    assert.equal((await page.content()).includes(key), false, 'the key never reaches the page');

    const answer = await fetch(`${url}Customers/Folder/DEMO?limit=3`);
    assert.equal(answer.status, 200);
    const customers = (await answer.json()) as unknown[];
    assert.equal(customers.length, 3, 'Winbooks data through the gateway, no token in the client');

    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    const audit = page.getByRole('table', { name: /requests/u });
    await audit.getByRole('row').filter({ hasText: 'GET /app/Customers/Folder/DEMO' }).waitFor();
    const row = audit.getByRole('row').filter({ hasText: 'GET /app/Customers/Folder/DEMO' });
    assert.match((await row.textContent()) ?? '', /Boulangerie Dupont/u);
    assert.match((await row.textContent()) ?? '', /200/u);
    assert.doesNotMatch((await row.textContent()) ?? '', /limit=3/u, 'the audit keeps the path, never the query string');
    const cells = await row.getByRole('cell').allTextContents();
    assert.equal(cells[4], 'Gateway');
    assert.match(cells[5] ?? '', /^\d+(\.\d)? (byte|kB)$/u, `the answer's size (${cells[5] ?? ''})`);
    assert.match(cells[6] ?? '', /^\d+ ms$/u, `the time it took (${cells[6] ?? ''})`);

    // The same list in French and in Dutch at 640x400: worded, reachable by keyboard, no axe violation.
    for (const [language, from, settingsName] of [
      ['fr', 'Passerelle', 'Paramètres'],
      ['nl', 'Gateway', 'Instellingen'],
    ] as const) {
      await backend.api.updateSettings({ language });
      const small = await suite.open({ width: 640, height: 400, locale: language === 'fr' ? 'fr-BE' : 'nl-BE' });
      await small.page.getByRole('navigation').getByRole('button', { name: settingsName }).click();
      const table = small.page.getByRole('table', { name: language === 'fr' ? /passerelle/u : /gateway/u });
      const localRow = table.getByRole('row').filter({ hasText: 'GET /app/Customers/Folder/DEMO' });
      await localRow.waitFor();
      assert.equal((await localRow.getByRole('cell').allTextContents())[4], from);
      assert.deepEqual(await axeViolations(small.page), [], `audit list in ${language} at 640x400: axe-core violations`);
      await small.page.close();
    }
  });
});
