import type { Locator, Page } from 'playwright';
import { WAIT_MS } from './browser-suite';

/** The accounts window as a user sees it: rows found by the account's name, controls by their names. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  row(label: string): Locator {
    return this.page.locator(`[data-testid="account-row"][data-label="${label.replace(/"/gu, '\\"')}"]`);
  }

  rows(): Locator {
    return this.page.getByTestId('account-row');
  }

  details(): Locator {
    return this.page.getByTestId('details');
  }

  /** Selects the account and returns one of the buttons of its details pane, by its visible words. */
  async detailsButton(label: string, name: string): Promise<Locator> {
    await this.select(label);
    return this.details().getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}`, 'u') });
  }

  /** Selects the account, then finds an action of its details pane by its full name ("Remove for Acme"). */
  async rowButton(label: string, name: string): Promise<Locator> {
    await this.select(label);
    return this.details().getByRole('button', { name: `${name} for ${label}`, exact: true });
  }

  async select(label: string): Promise<void> {
    await this.row(label).locator('.cell-label').click();
    await this.details().getByRole('heading', { name: label, exact: true }).waitFor();
  }

  status(label: string): Locator {
    return this.row(label).getByTestId('status');
  }

  countdown(label: string): Locator {
    return this.row(label).getByTestId('countdown');
  }

  /** The countdown as it is seen ("14 mins, 25 secs"), without the longer words kept for screen readers. */
  async countdownText(label: string): Promise<string> {
    const visible = this.countdown(label).locator('.countdown-text');
    return ((await visible.count()) > 0 ? await visible.textContent() : await this.countdown(label).textContent()) ?? '';
  }

  /** The seconds an English countdown reads ("2 hr, 5 min" is 7500); NaN when it is not a duration. */
  async countdownSeconds(label: string): Promise<number> {
    return englishDurationSeconds(await this.countdownText(label));
  }

  async expiresAt(label: string): Promise<number> {
    return Number(await this.countdown(label).getAttribute('data-expires-at'));
  }

  /** Labels of the rows in list order (by aria-rowindex). */
  async rowLabels(): Promise<string[]> {
    return this.rows().evaluateAll((rows) =>
      rows
        .map((row) => ({ position: Number(row.getAttribute('aria-rowindex')), label: row.getAttribute('data-label') ?? '' }))
        .sort((a, b) => a.position - b.position)
        .map((row) => row.label),
    );
  }

  /** What has the keyboard focus: a short description for assertions ("row:Acme", "button:Copy token for Acme"). */
  async focused(): Promise<string> {
    return this.page.evaluate(() => {
      const element = document.activeElement;
      if (element === null || element === document.body) return 'body';
      const row = element.getAttribute('role') === 'row' ? element.getAttribute('data-label') : null;
      if (row !== null) return `row:${row}`;
      const name = element.getAttribute('aria-label') ?? element.textContent ?? '';
      return `${element.tagName.toLowerCase()}:${name.trim()}`;
    });
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

const UNIT_SECONDS: Record<string, number> = { day: 86_400, hr: 3600, h: 3600, min: 60, m: 60, sec: 1, s: 1 };

/** "2 hr, 5 min", "14 mins, 25 secs", "3 days, 1 hr" (Intl.DurationFormat, style short, in English) in seconds. */
export function englishDurationSeconds(text: string): number {
  const parts = [...text.matchAll(/(\d+)\s*(day|hr|h|min|m|sec|s)(?:s\b|\b)/gu)];
  if (parts.length === 0) return Number.NaN;
  return parts.reduce((total, [, value, unit]) => total + Number(value) * (UNIT_SECONDS[unit ?? ''] ?? Number.NaN), 0);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Fills the add-account form (first-run page or dialog) with the mouse-free helpers of Playwright. */
export async function fillAccountForm(scope: Page | Locator, values: { label: string; email: string; host: string; exchangeToken: string }): Promise<void> {
  await scope.getByLabel('Label', { exact: true }).fill(values.label);
  await scope.getByLabel('E-mail address of the grant').fill(values.email);
  await scope.getByRole('radio', { name: 'Another address' }).check();
  await scope.getByLabel('Address', { exact: true }).fill(values.host);
  await scope.getByLabel('Exchange token', { exact: true }).fill(values.exchangeToken);
}
