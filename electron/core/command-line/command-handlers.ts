import type { AccountStatus } from '../../shared/account-summary';
import { AppError } from '../common/app-error';
import type { TokenLifecycleApi } from '../tokens/lifecycle-api';
import { findAccount } from './account-lookup';
import type { ParsedCliRequest, ResponseError, ResultOf } from './protocol';

/** What each CLI command does over the token lifecycle. No transport here: the server calls runCommand. */

export type VaultStateName = 'open' | 'locked' | 'setup' | 'damaged';

export interface CommandContext {
  /** The running lifecycle, or null while the vault is not open. */
  lifecycle: () => TokenLifecycleApi | null;
  /** The vault's lock state (the vault handle's state().state). */
  vaultState: () => VaultStateName;
  appVersion: string;
  /** The account's gateway URL, when the gateway is on and its key was issued in this run; throws AppError otherwise. */
  gatewayUrl?: (accountId: string) => string;
}

/** The outcome of one command, with the account it concerned (its label) for the audit list. */
export type CommandOutcome = { account: string | null } & ({ ok: true; result: unknown } | { ok: false; error: ResponseError });

class CommandRefusal extends Error {
  constructor(readonly error: ResponseError) {
    super(error.message);
  }
}

export async function runCommand(request: ParsedCliRequest, context: CommandContext): Promise<CommandOutcome> {
  let account: string | null = null;
  const resolve = (lifecycle: TokenLifecycleApi, query: string): { id: string; label: string } => {
    const target = resolveAccount(lifecycle, query);
    account = target.label;
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
      return { accounts: lifecycle.list() };
    case 'get': {
      const fresh = await lifecycle.getFreshAccessToken(resolve(lifecycle, request.args.account).id, request.args.minValidSeconds);
      const { label, email, host } = fresh.account;
      return { accessToken: fresh.accessToken, expiresAt: fresh.expiresAt, account: { label, email, host } };
    }
    case 'refresh':
      return { account: await lifecycle.refresh(resolve(lifecycle, request.args.account).id) };
    case 'refresh-all':
      return lifecycle.refreshAll();
    case 'url': {
      const { id, label } = resolve(lifecycle, request.args.account);
      if (context.gatewayUrl === undefined) throw new AppError('gateway-unavailable', 'This app has no local API gateway.');
      return { url: context.gatewayUrl(id), account: { label } };
    }
  }
}

function status(context: CommandContext): ResultOf<'status'> {
  const vault = context.vaultState();
  const accounts = vault === 'open' ? (context.lifecycle()?.list() ?? []) : [];
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

function resolveAccount(lifecycle: TokenLifecycleApi, query: string): { id: string; label: string } {
  const lookup = findAccount(lifecycle.list(), query);
  if (lookup.kind === 'found') return { id: lookup.account.id, label: lookup.account.label };
  if (lookup.kind === 'ambiguous') {
    throw new CommandRefusal({
      code: 'unknown-account',
      message: `"${query}" is the e-mail of several accounts; name one by its label.`,
      suggestions: lookup.labels,
    });
  }
  throw new CommandRefusal({
    code: 'unknown-account',
    message: `No account is labelled "${query}" or uses that e-mail.`,
    suggestions: lookup.suggestions,
  });
}

function toResponseError(error: unknown): ResponseError {
  if (error instanceof CommandRefusal) return error.error;
  const appError = AppError.from(error);
  return { code: appError.code, message: appError.message };
}
