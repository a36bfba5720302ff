import type { Locator, Page } from 'playwright';
import { WAIT_MS } from './browser-suite';

/** The dashboard as a user sees it: rows found by the account's name, controls by their labels. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  row(label: string): Locator {
    return this.page.getByRole('listitem', { name: label, exact: true });
  }

  rows(): Locator {
    return this.page.getByTestId('account-row');
  }

  rowButton(label: string, name: string): Locator {
    return this.row(label).getByRole('button', { name, exact: true });
  }

  status(label: string): Locator {
    return this.row(label).getByTestId('status');
  }

  countdown(label: string): Locator {
    return this.row(label).getByTestId('countdown');
  }

  async countdownText(label: string): Promise<string> {
    return (await this.countdown(label).locator('.countdown-text').textContent()) ?? '';
  }

  async expiresAt(label: string): Promise<number> {
    return Number(await this.countdown(label).getAttribute('data-expires-at'));
  }

  /** Labels of the rows in list order (by aria-posinset). */
  async rowLabels(): Promise<string[]> {
    return this.page.getByTestId('account-row').evaluateAll((rows) =>
      rows
        .map((row) => ({ position: Number(row.getAttribute('aria-posinset')), label: row.querySelector('h3')?.textContent ?? '' }))
        .sort((a, b) => a.position - b.position)
        .map((row) => row.label),
    );
  }

  async waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    while (Date.now() < deadline) {
      if (await check()) return;
      await this.page.waitForTimeout(100);
    }
    throw new Error(`Timed out waiting for ${what}.`);
  }
}

/** Fills the add-account form (first-run page or dialog) with the mouse-free helpers of Playwright. */
export async function fillAccountForm(scope: Page | Locator, values: { label: string; email: string; host: string; exchangeToken: string }): Promise<void> {
  await scope.getByLabel('Label', { exact: true }).fill(values.label);
  await scope.getByLabel('E-mail address of the grant').fill(values.email);
  await scope.getByRole('radio', { name: 'Another address' }).check();
  await scope.getByLabel('Address', { exact: true }).fill(values.host);
  await scope.getByLabel('Exchange token', { exact: true }).fill(values.exchangeToken);
}
