import type { AccountSummary } from '../../electron/shared/account-summary';
import type { AppApi } from '../../electron/shared/ipc-contract';
import type { WinbooksSandbox } from '../sandbox/winbooks-sandbox';

export interface SeedAccount {
  label: string;
  email: string;
  accessLifetimeSeconds?: number;
}

/** Creates the grant in the sandbox and adds the account through the app API, as a user would. */
export async function seedAccount(api: AppApi, sandbox: WinbooksSandbox, seed: SeedAccount): Promise<AccountSummary> {
  const grant = sandbox.addGrant({ email: seed.email, ...(seed.accessLifetimeSeconds !== undefined ? { accessLifetimeSeconds: seed.accessLifetimeSeconds } : {}) });
  const { account } = await api.addAccount({ label: seed.label, email: seed.email, host: sandbox.v2BaseUrl, exchangeToken: grant.exchangeToken });
  return account;
}

/** Belgian-sounding demo clients: one healthy, one with a short-lived token, one whose grant gets revoked, one manual. */
export const DEMO_ACCOUNTS: readonly SeedAccount[] = [
  { label: 'Boulangerie Dupont', email: 'compta@dupont.example' },
  { label: 'Brasserie Van Damme', email: 'finance@vandamme.example', accessLifetimeSeconds: 150 },
  { label: 'Cabinet Janssens', email: 'admin@janssens.example' },
  { label: 'Garage Peeters', email: 'boekhouding@peeters.example', accessLifetimeSeconds: 3 * 3600 },
  { label: 'Société Lambert & Fils', email: 'lambert@lambert.example', accessLifetimeSeconds: 600 },
];
