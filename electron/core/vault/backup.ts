import type { BackupImportReport, ImportEntry } from '../../shared/backup-report';
import { accountIdSchema, emailSchema, exchangeTokenSchema, hostSchema, labelSchema } from '../../shared/account-input';
import type { AccountRecord, AccountSecrets } from '../tokens/account-storage';
import type { BackupAccount } from './backup-format';
import { backupAccountSchema } from './backup-format';

export function toBackupAccount(record: AccountRecord, secrets: AccountSecrets): BackupAccount {
  return {
    id: record.id,
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

export interface PlannedPut {
  record: AccountRecord;
  secrets: AccountSecrets;
  kind: 'added' | 'updated';
  entry: ImportEntry;
  /** For an address change: how the report lists it while it is not accepted. */
  declined?: ImportEntry;
}

export interface ImportPlan {
  /** What importing writes, address changes excluded until accepted (acceptAddressChanges). */
  puts: PlannedPut[];
  /** Existing accounts the backup would move to another host or e-mail: listed, applied only once the user agrees. */
  addressChanges: PlannedPut[];
  /** The report as if the address changes are declined. */
  report: BackupImportReport;
}

export interface PlanOptions {
  /** The host policy: an entry whose host it refuses is skipped ('host-not-allowed'). Default: every host. */
  hostAllowed?: (host: string) => boolean;
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

function entryOf(label: string, reason: ImportEntry['reason'], params: Record<string, string> = {}): ImportEntry {
  return { label, reason, params };
}

type Incoming = BackupAccount & { label: string; email: string; host: string; exchangeToken: string };

/** Checks one entry; a refusal names the first field that is wrong. */
function readEntry(entry: unknown, index: number): { ok: true; incoming: Incoming } | { ok: false; skipped: ImportEntry } {
  const fallbackLabel =
    typeof entry === 'object' && entry !== null && 'label' in entry && typeof entry.label === 'string' && entry.label.trim() !== '' ? entry.label.trim() : `#${index + 1}`;
  const parsed = backupAccountSchema.safeParse(entry);
  if (!parsed.success) return { ok: false, skipped: entryOf(fallbackLabel, 'invalid-entry', { field: parsed.error.issues[0]?.path.map(String).join('.') || 'entry' }) };
  const fields = {
    label: labelSchema.safeParse(parsed.data.label),
    email: emailSchema.safeParse(parsed.data.email),
    host: hostSchema.safeParse(parsed.data.host),
    exchangeToken: exchangeTokenSchema.safeParse(parsed.data.exchangeToken),
  };
  for (const [field, result] of Object.entries(fields)) {
    if (!result.success) return { ok: false, skipped: entryOf(fallbackLabel, 'invalid-entry', { field }) };
  }
  if (!fields.label.success || !fields.email.success || !fields.host.success || !fields.exchangeToken.success) throw new Error('unreachable');
  return {
    ok: true,
    incoming: { ...parsed.data, label: fields.label.data, email: fields.email.data, host: fields.host.data, exchangeToken: fields.exchangeToken.data },
  };
}

/**
 * Decides what importing a backup does, without changing anything. A backup entry is this PC's account when it
 * carries the same account id, or else the same e-mail + host. New accounts are added (label made unique); an
 * existing account is updated when the backup's tokens are newer or its own are unusable, otherwise skipped.
 * An entry that would give an existing account another host or e-mail is never applied here: it is listed in
 * addressChanges for the user to accept.
 */
export function planImport(local: LocalAccount[], entries: unknown[], newId: () => string, options: PlanOptions = {}): ImportPlan {
  const hostAllowed = options.hostAllowed ?? (() => true);
  const byId = new Map(local.map((account) => [account.record.id, account]));
  const byIdentity = new Map(local.map((account) => [identity(account.record.email, account.record.host), account]));
  const labels = new Set(local.map((account) => account.record.label.toLowerCase()));
  const seen = new Set<string>();
  const touched = new Set<string>();
  const plan: ImportPlan = { puts: [], addressChanges: [], report: { added: [], updated: [], skipped: [] } };
  const skip = (entry: ImportEntry): void => {
    plan.report.skipped.push(entry);
  };

  entries.forEach((raw, index) => {
    const read = readEntry(raw, index);
    if (!read.ok) return skip(read.skipped);
    const incoming = read.incoming;
    if (!hostAllowed(incoming.host)) return skip(entryOf(incoming.label, 'host-not-allowed', { host: incoming.host }));
    const key = identity(incoming.email, incoming.host);
    if (seen.has(key)) return skip(entryOf(incoming.label, 'duplicate-in-backup', { email: incoming.email, host: incoming.host }));
    seen.add(key);
    const secrets: AccountSecrets = { exchangeToken: incoming.exchangeToken, refreshToken: incoming.refreshToken, accessToken: incoming.accessToken };
    const tokenState = {
      accessIssuedAt: incoming.accessIssuedAt,
      accessExpiresAt: incoming.accessExpiresAt,
      lastRefreshAt: incoming.lastRefreshAt,
      needsExchangeToken: incoming.needsExchangeToken,
      // The PC the backup came from may still be refreshing with this refresh token (export, keep using the old PC,
      // import later): sending it from here could be its second use, which a rotating server punishes by revoking
      // the family on both PCs. Marked as already sent, the account exchanges first and withholds the copied
      // access token until its own arrives.
      refreshSentAt: incoming.refreshToken === null ? null : (incoming.lastRefreshAt ?? incoming.createdAt),
      lastError: null,
    };
    const sameId = incoming.id === undefined ? undefined : byId.get(incoming.id);
    const sameIdentity = byIdentity.get(key);

    if (sameId !== undefined && identity(sameId.record.email, sameId.record.host) !== key) {
      const mine = sameId.record;
      if (sameIdentity !== undefined) return skip(entryOf(mine.label, 'duplicate-of-existing', { existing: sameIdentity.record.label }));
      if (touched.has(mine.id)) return skip(entryOf(incoming.label, 'duplicate-in-backup', { email: incoming.email, host: incoming.host }));
      touched.add(mine.id);
      const params = { fromEmail: mine.email, toEmail: incoming.email, fromHost: mine.host, toHost: incoming.host };
      const declined = entryOf(mine.label, 'address-change-declined', params);
      plan.addressChanges.push({
        record: { ...mine, email: incoming.email, host: incoming.host, ...tokenState },
        secrets,
        kind: 'updated',
        entry: entryOf(mine.label, 'address-changed', params),
        declined,
      });
      return skip(declined);
    }

    if (sameIdentity === undefined) {
      const label = uniqueLabel(incoming.label, labels);
      labels.add(label.toLowerCase());
      const keepsId = incoming.id !== undefined && accountIdSchema.safeParse(incoming.id).success && !byId.has(incoming.id) && !touched.has(incoming.id);
      const id = keepsId && incoming.id !== undefined ? incoming.id : newId();
      touched.add(id);
      const record: AccountRecord = {
        id,
        label,
        email: incoming.email,
        host: incoming.host,
        autoRefresh: incoming.autoRefresh,
        createdAt: incoming.createdAt,
        lastUsedAt: incoming.lastUsedAt,
        ...tokenState,
      };
      const entry = entryOf(label, 'new-account');
      plan.puts.push({ record, secrets, kind: 'added', entry });
      plan.report.added.push(entry);
      return;
    }

    const mine = sameIdentity.record;
    if (touched.has(mine.id)) return skip(entryOf(incoming.label, 'duplicate-in-backup', { email: incoming.email, host: incoming.host }));
    touched.add(mine.id);
    const repairs = !sameIdentity.secretsReadable || (mine.needsExchangeToken && !incoming.needsExchangeToken);
    if (!repairs && freshness(incoming) <= freshness(mine)) return skip(entryOf(mine.label, 'local-is-newer'));
    const entry = entryOf(mine.label, repairs ? 'repairs-account' : 'newer-tokens');
    plan.puts.push({ record: { ...mine, ...tokenState }, secrets, kind: 'updated', entry });
    plan.report.updated.push(entry);
  });
  return plan;
}

/** The plan once the user accepted the listed host / e-mail changes: they are written and reported as updates. */
export function acceptAddressChanges(plan: ImportPlan): ImportPlan {
  const declined = new Set(plan.addressChanges.map((change) => change.declined));
  return {
    puts: [...plan.puts, ...plan.addressChanges],
    addressChanges: [],
    report: {
      added: plan.report.added,
      updated: [...plan.report.updated, ...plan.addressChanges.map((change) => change.entry)],
      skipped: plan.report.skipped.filter((entry) => !declined.has(entry)),
    },
  };
}
