import type { AccountStatus, AccountSummary } from '../../shared/account-summary';
import { AppError } from '../common/app-error';
import type { TokenLifecycleApi } from '../tokens/lifecycle-api';
import { closestLabels, findAccount } from './account-lookup';
import type { ParsedCliRequest, ResponseError, ResultOf } from './protocol';

/** What each CLI command does over the token lifecycle. No transport here: the server calls runCommand. */

export type VaultStateName = 'open' | 'locked' | 'setup' | 'damaged';

export interface CommandContext {
  /** The running lifecycle, or null while the vault is not open. */
  lifecycle: () => TokenLifecycleApi | null;
  /** The vault's lock state (the vault handle's state().state). */
  vaultState: () => VaultStateName;
  appVersion: string;
  /** Whether the user allowed the command line to serve this account (Settings); the others are refused. */
  mayServe: (accountId: string) => boolean;
  /** The account's gateway URL, when the gateway is on and its key was issued in this run; throws AppError otherwise. */
  gatewayUrl?: (accountId: string) => string;
}

/** The outcome of one command, with the account it concerned (its label) for the audit list. */
export type CommandOutcome = { account: string | null } & ({ ok: true; result: unknown } | { ok: false; error: ResponseError });

/** The error code of a request for an account the command line may not serve. */
export const ACCOUNT_NOT_ALLOWED = 'account-not-allowed';

class CommandRefusal extends Error {
  constructor(readonly error: ResponseError) {
    super(error.message);
  }
}

export async function runCommand(request: ParsedCliRequest, context: CommandContext): Promise<CommandOutcome> {
  let account: string | null = null;
  const resolve = (lifecycle: TokenLifecycleApi, query: string): { id: string; label: string } => {
    const target = resolveAccount(lifecycle, query, context.mayServe);
    account = target.label;
    if (!context.mayServe(target.id)) {
      throw new CommandRefusal({
        code: ACCOUNT_NOT_ALLOWED,
        message: `The command line may not serve "${target.label}": allow it in the app's Settings, under Command line.`,
      });
    }
    return target;
  };
  try {
    const result = await execute(request, context, resolve);
    return { account, ok: true, result };
  } catch (error) {
    return { account, ok: false, error: toResponseError(error) };
  }
}

async function execute(
  request: ParsedCliRequest,
  context: CommandContext,
  resolve: (lifecycle: TokenLifecycleApi, query: string) => { id: string; label: string },
): Promise<ResultOf<ParsedCliRequest['command']>> {
  if (request.command === 'status') return status(context);
  const lifecycle = openLifecycle(context);
  switch (request.command) {
    case 'list':
      return { accounts: served(lifecycle, context) };
    case 'get': {
      const fresh = await lifecycle.getFreshAccessToken(resolve(lifecycle, request.args.account).id, request.args.minValidSeconds);
      const { label, email, host } = fresh.account;
      return { accessToken: fresh.accessToken, expiresAt: fresh.expiresAt, account: { label, email, host } };
    }
    case 'refresh':
      return { account: await lifecycle.refresh(resolve(lifecycle, request.args.account).id) };
    case 'refresh-all':
      return refreshServed(lifecycle, context);
    case 'url': {
      const { id, label } = resolve(lifecycle, request.args.account);
      if (context.gatewayUrl === undefined) throw new AppError('gateway-unavailable', 'This app has no local API gateway.');
      return { url: context.gatewayUrl(id), account: { label } };
    }
  }
}

function served(lifecycle: TokenLifecycleApi, context: CommandContext): AccountSummary[] {
  return lifecycle.list().filter((account) => context.mayServe(account.id));
}

/** Refreshes the accounts the command line may serve, skipping those only the user can fix (as refreshAll does). */
async function refreshServed(lifecycle: TokenLifecycleApi, context: CommandContext): Promise<ResultOf<'refresh-all'>> {
  const accounts = served(lifecycle, context);
  const report: ResultOf<'refresh-all'> = { refreshed: 0, skipped: 0, failed: [] };
  const targets = accounts.filter((account) => {
    const skip = account.status === 'needs-exchange-token' || account.status === 'secrets-unreadable';
    if (skip) report.skipped += 1;
    return !skip;
  });
  await Promise.all(
    targets.map(async (account) => {
      try {
        await lifecycle.refresh(account.id);
        report.refreshed += 1;
      } catch (error) {
        const failure = AppError.from(error);
        report.failed.push({ id: account.id, label: account.label, code: failure.code, message: failure.message });
      }
    }),
  );
  return report;
}

function status(context: CommandContext): ResultOf<'status'> {
  const vault = context.vaultState();
  const running = vault === 'open' ? context.lifecycle() : null;
  const accounts = running === null ? [] : served(running, context);
  const byStatus: Partial<Record<AccountStatus, number>> = {};
  for (const account of accounts) byStatus[account.status] = (byStatus[account.status] ?? 0) + 1;
  return { appVersion: context.appVersion, vault, accounts: accounts.length, byStatus };
}

/** The lifecycle runs only while the vault is open; otherwise say what the person has to do in the app. */
function openLifecycle(context: CommandContext): TokenLifecycleApi {
  const state = context.vaultState();
  const running = state === 'open' ? context.lifecycle() : null;
  if (running) return running;
  const message = {
    locked: 'Winbooks Token Manager is locked. Open the app and unlock it with your passphrase, then try again.',
    setup: 'Winbooks Token Manager is not set up yet. Open the app, choose a passphrase and add an account, then try again.',
    damaged: 'Winbooks Token Manager cannot read its vault file. Open the app to see what happened and what to do.',
    open: 'Winbooks Token Manager is still opening its vault. Try again in a moment.',
  }[state];
  throw new AppError('vault-locked', message);
}

/** Finds the account among all of them (a refusal names it), but only suggests accounts the command line serves. */
function resolveAccount(lifecycle: TokenLifecycleApi, query: string, mayServe: (id: string) => boolean): { id: string; label: string } {
  const all = lifecycle.list();
  const lookup = findAccount(all, query);
  if (lookup.kind === 'found') return { id: lookup.account.id, label: lookup.account.label };
  if (lookup.kind === 'ambiguous') {
    throw new CommandRefusal({
      code: 'unknown-account',
      message: `"${query}" is the e-mail of several accounts; name one by its label.`,
      suggestions: all.filter((account) => mayServe(account.id) && lookup.labels.includes(account.label)).map((account) => account.label),
    });
  }
  throw new CommandRefusal({
    code: 'unknown-account',
    message: `No account is labelled "${query}" or uses that e-mail.`,
    suggestions: closestLabels(all.filter((account) => mayServe(account.id)), query),
  });
}

function toResponseError(error: unknown): ResponseError {
  if (error instanceof CommandRefusal) return error.error;
  const appError = AppError.from(error);
  return { code: appError.code, message: appError.message };
}
