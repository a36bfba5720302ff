import type { ResponseOf } from '../../shared/ipc-contract';
import { emailSchema, hostSchema, labelSchema, exchangeTokenSchema } from '../../shared/account-input';
import type { AccountRecord, AccountSecrets } from '../tokens/account-storage';
import type { BackupAccount } from './backup-format';
import { backupAccountSchema } from './backup-format';

export type BackupExport = ResponseOf<'exportBackup'>;
export type BackupImportReport = ResponseOf<'importBackup'>;

export function toBackupAccount(record: AccountRecord, secrets: AccountSecrets): BackupAccount {
  return {
    label: record.label,
    email: record.email,
    host: record.host,
    autoRefresh: record.autoRefresh,
    createdAt: record.createdAt,
    lastUsedAt: record.lastUsedAt,
    accessIssuedAt: record.accessIssuedAt,
    accessExpiresAt: record.accessExpiresAt,
    lastRefreshAt: record.lastRefreshAt,
    needsExchangeToken: record.needsExchangeToken,
    exchangeToken: secrets.exchangeToken,
    refreshToken: secrets.refreshToken,
    accessToken: secrets.accessToken,
  };
}

export interface LocalAccount {
  record: AccountRecord;
  secretsReadable: boolean;
}

export interface ImportPlan {
  puts: { record: AccountRecord; secrets: AccountSecrets }[];
  report: BackupImportReport;
}

/** Accounts are the same account when e-mail (case-insensitive) and host (normalised) match. */
function identity(email: string, host: string): string {
  return `${email.trim().toLowerCase()}|${host}`;
}

/** How recent an account's tokens are: the later of its last refresh, its access token and its creation. */
function freshness(account: { lastRefreshAt: number | null; accessIssuedAt: number | null; createdAt: number }): number {
  return Math.max(account.lastRefreshAt ?? 0, account.accessIssuedAt ?? 0, account.createdAt);
}

function uniqueLabel(wanted: string, taken: Set<string>): string {
  let candidate = wanted;
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${wanted} (${n})`;
  return candidate;
}

/**
 * Decides what importing a backup does, without changing anything: new accounts are added (label made unique),
 * an existing account is updated when the backup's tokens are newer or its own are unusable, otherwise skipped.
 */
export function planImport(local: LocalAccount[], entries: unknown[], newId: () => string): ImportPlan {
  const byIdentity = new Map(local.map((account) => [identity(account.record.email, account.record.host), account]));
  const labels = new Set(local.map((account) => account.record.label.toLowerCase()));
  const seen = new Set<string>();
  const plan: ImportPlan = { puts: [], report: { added: [], updated: [], skipped: [] } };

  entries.forEach((entry, index) => {
    const parsed = backupAccountSchema.safeParse(entry);
    const labelOf = (): string => (typeof entry === 'object' && entry !== null && 'label' in entry && typeof entry.label === 'string' ? entry.label : `entry ${index + 1}`);
    if (!parsed.success) {
      plan.report.skipped.push({ label: labelOf(), reason: 'This entry of the backup is incomplete or malformed.' });
      return;
    }
    const fields = {
      label: labelSchema.safeParse(parsed.data.label),
      email: emailSchema.safeParse(parsed.data.email),
      host: hostSchema.safeParse(parsed.data.host),
      exchangeToken: exchangeTokenSchema.safeParse(parsed.data.exchangeToken),
    };
    if (!fields.label.success || !fields.email.success || !fields.host.success || !fields.exchangeToken.success) {
      const issue = [fields.label, fields.email, fields.host, fields.exchangeToken].find((field) => !field.success);
      const reason = issue?.error?.issues[0]?.message ?? 'An entry of the backup is invalid.';
      plan.report.skipped.push({ label: labelOf(), reason });
      return;
    }
    const incoming = { ...parsed.data, label: fields.label.data, email: fields.email.data, host: fields.host.data, exchangeToken: fields.exchangeToken.data };
    const key = identity(incoming.email, incoming.host);
    if (seen.has(key)) {
      plan.report.skipped.push({ label: incoming.label, reason: 'The backup holds this e-mail and host twice; only the first was imported.' });
      return;
    }
    seen.add(key);
    const secrets: AccountSecrets = { exchangeToken: incoming.exchangeToken, refreshToken: incoming.refreshToken, accessToken: incoming.accessToken };
    const tokenState = {
      accessIssuedAt: incoming.accessIssuedAt,
      accessExpiresAt: incoming.accessExpiresAt,
      lastRefreshAt: incoming.lastRefreshAt,
      needsExchangeToken: incoming.needsExchangeToken,
      refreshSentAt: null,
      lastError: null,
    };
    const existing = byIdentity.get(key);
    if (existing === undefined) {
      const label = uniqueLabel(incoming.label, labels);
      labels.add(label.toLowerCase());
      const record: AccountRecord = {
        id: newId(),
        label,
        email: incoming.email,
        host: incoming.host,
        autoRefresh: incoming.autoRefresh,
        createdAt: incoming.createdAt,
        lastUsedAt: incoming.lastUsedAt,
        ...tokenState,
      };
      plan.puts.push({ record, secrets });
      plan.report.added.push(label);
      return;
    }
    const mine = existing.record;
    const repairs = !existing.secretsReadable || (mine.needsExchangeToken && !incoming.needsExchangeToken);
    if (!repairs && freshness(incoming) <= freshness(mine)) {
      plan.report.skipped.push({ label: mine.label, reason: 'This PC already has tokens for this account that are as recent as, or newer than, the backup.' });
      return;
    }
    plan.puts.push({ record: { ...mine, ...tokenState }, secrets });
    plan.report.updated.push(mine.label);
  });
  return plan;
}
