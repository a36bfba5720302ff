import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { PASSPHRASE_ATTEMPTS } from '../../electron/core/app/backup-service';
import { DIALOG_TEXTS } from '../../electron/core/app/dialog-texts';
import type { AccountRecord, AccountSecrets } from '../../electron/core/tokens/account-storage';
import type { BackupImportReport } from '../../electron/shared/backup-report';
import type { VaultHandle } from '../../electron/core/vault/index';
import type { BackupsOverVault } from '../support/backup-service-fixture';
import { backupsOverVault, importReport } from '../support/backup-service-fixture';
import { PASSPHRASE, TEST_SCRYPT, leakedSecrets, openWithPassphrase, secretValues, sampleRecord, sampleSecrets, tempDirectory } from './support';

const BACKUP_PASSPHRASE = 'backup passphrase for the other PC';
/** What main says once the attempts run out on a file a passphrase does not open (wrong, or the file was changed). */
const REFUSED_PASSPHRASE = /^The backup cannot be opened with this passphrase \(or the file was changed after export\)\. Nothing was changed\.$/u;

/** Imports through main's backup service, on another vault: what it reports. */
async function importInto(vault: VaultHandle, content: string): Promise<BackupImportReport> {
  return importReport(await backupsOverVault(vault, { kdfParams: TEST_SCRYPT }).importWith(content, BACKUP_PASSPHRASE));
}

describe('backup export and import through main\'s backup service', () => {
  let source: { path: string; remove(): Promise<void> };
  let vault: VaultHandle;
  const accounts: { record: AccountRecord; secrets: AccountSecrets }[] = [];
  let backup: string;

  before(async () => {
    source = await tempDirectory();
    vault = await openWithPassphrase(source.path);
    for (let index = 0; index < 3; index += 1) {
      const entry = { record: sampleRecord({ lastRefreshAt: 1_700_000_100_000 + index }), secrets: sampleSecrets() };
      accounts.push(entry);
      await vault.storage.save(entry.record, entry.secrets);
    }
    const backups = backupsOverVault(vault, { vaultPassphrase: PASSPHRASE, kdfParams: TEST_SCRYPT });
    const exported = await backups.exportWith(BACKUP_PASSPHRASE);
    assert.deepEqual(exported.result, { outcome: 'exported', path: '/backups/export-1.json', accounts: 3, unreadable: [] });
    const saveAs = backups.dialogs.asked.find((asked) => asked.kind === 'save-file');
    assert.match(saveAs?.kind === 'save-file' ? saveAs.prompt.defaultName ?? '' : '', /^winbooks-tokens-backup-\d{4}-\d{2}-\d{2}\.json$/u);
    backup = exported.content;
  });
  after(async () => {
    await vault.close();
    await source.remove();
  });

  it('holds no secret in clear', () => {
    const secrets = secretValues(...accounts.map((entry) => entry.secrets));
    assert.equal(secrets.length, 9);
    assert.deepEqual(leakedSecrets(backup, secrets), []);
    const header = JSON.parse(backup) as { format: string; version: number };
    assert.deepEqual([header.format, header.version], ['winbooks-token-manager-backup', 1]);
  });

  it('moves every account to another vault, secrets included', async () => {
    const target = await tempDirectory();
    try {
      const other = await openWithPassphrase(target.path);
      const report = await importInto(other, backup);
      assert.deepEqual(report, { added: accounts.map((entry) => ({ label: entry.record.label, reason: 'new-account', params: {} })), updated: [], skipped: [] });
      const records = await other.storage.loadRecords();
      assert.equal(records.length, 3);
      for (const entry of accounts) {
        const imported = records.find((record) => record.email === entry.record.email);
        assert.ok(imported, `${entry.record.email} imported`);
        assert.equal(imported.host, entry.record.host);
        assert.deepEqual(await other.storage.readSecrets(imported.id), entry.secrets);
      }
      await other.close();
      assert.deepEqual(leakedSecrets(await readFile(other.path, 'utf8'), accounts.map((entry) => entry.secrets.exchangeToken)), []);
    } finally {
      await target.remove();
    }
  });

  it('merges by e-mail + host: adds the new, updates the older, skips the newer or equal, with reasons', async () => {
    const target = await tempDirectory();
    try {
      const other = await openWithPassphrase(target.path);
      const [older, newer, same] = accounts;
      assert.ok(older && newer && same);
      // Same e-mail (other case) + host, older tokens here: updated from the backup, keeping the local label and id.
      const olderHere = sampleRecord({ email: older.record.email.toUpperCase(), host: older.record.host, label: 'Mine', lastRefreshAt: 1 });
      await other.storage.save(olderHere, sampleSecrets());
      // Newer tokens here: skipped.
      const newerHere = sampleRecord({ email: newer.record.email, host: newer.record.host, lastRefreshAt: 1_800_000_000_000 });
      const newerSecrets = sampleSecrets();
      await other.storage.save(newerHere, newerSecrets);
      // Same e-mail but another host: a different account, added. Its label is already taken here: made unique.
      await other.storage.save(sampleRecord({ email: same.record.email, host: 'https://rapi.winbooksonweb.be', label: same.record.label }), sampleSecrets());

      const report = await importInto(other, backup);
      assert.deepEqual(report.added, [{ label: `${same.record.label} (2)`, reason: 'new-account', params: {} }]);
      assert.deepEqual(
        report.updated.map((entry) => [entry.label, entry.reason]),
        [['Mine', 'newer-tokens']],
      );
      assert.equal(report.skipped.length, 1);
      assert.equal(report.skipped[0]?.label, newerHere.label);
      assert.equal(report.skipped[0]?.reason, 'local-is-newer');

      assert.deepEqual(await other.storage.readSecrets(olderHere.id), older.secrets);
      assert.deepEqual(await other.storage.readSecrets(newerHere.id), newerSecrets);
      const updated = (await other.storage.loadRecords()).find((record) => record.id === olderHere.id);
      assert.equal(updated?.label, 'Mine');
      assert.equal(updated?.lastRefreshAt, older.record.lastRefreshAt);
      await other.close();
    } finally {
      await target.remove();
    }
  });

  describe('bad backup files give clear errors and change nothing', () => {
    let target: { path: string; remove(): Promise<void> };
    let other: VaultHandle;
    let backups: BackupsOverVault;
    let fileBefore: string;
    const existing = sampleRecord();

    before(async () => {
      target = await tempDirectory();
      other = await openWithPassphrase(target.path);
      backups = backupsOverVault(other, { kdfParams: TEST_SCRYPT });
      await other.storage.save(existing, sampleSecrets());
      fileBefore = await readFile(other.path, 'utf8');
    });
    after(async () => {
      await other.close();
      await target.remove();
    });

    /**
     * Opens the file in main's dialogs, the user typing `passphrase` each time asked. A file that is not a backup
     * is refused at the first answer; a passphrase that does not open it is asked again, until the attempts run out.
     */
    async function expectRefused(content: string, passphrase: string, expected: { field: string; message: RegExp }): Promise<void> {
      const writes = other.writeCount;
      const path = '/backups/bad.json';
      backups.dialogs.reset();
      backups.files.written.set(path, content);
      backups.dialogs.script({ kind: 'open-file', path }, ...Array.from({ length: PASSPHRASE_ATTEMPTS }, () => ({ kind: 'passphrase', value: passphrase }) as const));
      await assert.rejects(backups.service.importBackup(), { name: 'AppError', code: 'invalid-input', ...expected });
      const errorsShown = backups.dialogs.asked.flatMap((asked) => (asked.kind === 'passphrase' ? [asked.prompt.error] : []));
      const wrongPassphrase = DIALOG_TEXTS.en.wrongBackupPassphrase;
      assert.deepEqual(errorsShown, expected.field === 'passphrase' ? [null, wrongPassphrase, wrongPassphrase] : [null]);
      assert.equal(backups.dialogs.asked.some((asked) => asked.kind === 'confirm'), false, 'nothing to confirm');
      assert.equal(other.writeCount, writes);
      assert.equal(await readFile(other.path, 'utf8'), fileBefore);
      assert.deepEqual(
        (await other.storage.loadRecords()).map((record) => record.id),
        [existing.id],
      );
    }

    function edited(edit: (file: Record<string, unknown>) => void): string {
      const file = JSON.parse(backup) as Record<string, unknown>;
      edit(file);
      return JSON.stringify(file);
    }

    it('not JSON', () => expectRefused('this is a text file, not a backup', BACKUP_PASSPHRASE, { field: 'content', message: /not a Winbooks Token Manager backup \(it is not JSON/u }));
    it('JSON but not a backup', () => expectRefused('{"hello":"world"}', BACKUP_PASSPHRASE, { field: 'content', message: /not a Winbooks Token Manager backup/u }));
    it('a newer version', () =>
      expectRefused(
        edited((file) => (file.version = 2)),
        BACKUP_PASSPHRASE,
        { field: 'content', message: /newer version .*format 2.*update the app/u },
      ));
    it('wrong passphrase', () => expectRefused(backup, 'not the backup passphrase', { field: 'passphrase', message: REFUSED_PASSPHRASE }));
    it('tampered payload (one flipped byte)', () =>
      expectRefused(
        edited((file) => {
          const [nonce, body] = String(file.payload).split('.');
          const bytes = Buffer.from(body ?? '', 'base64');
          bytes[5] = (bytes[5] ?? 0) ^ 0x80;
          file.payload = `${nonce ?? ''}.${bytes.toString('base64')}`;
        }),
        BACKUP_PASSPHRASE,
        { field: 'passphrase', message: REFUSED_PASSPHRASE },
      ));
    it('tampered header (date changed)', () =>
      expectRefused(
        edited((file) => (file.createdAt = '2001-01-01T00:00:00.000Z')),
        BACKUP_PASSPHRASE,
        { field: 'passphrase', message: REFUSED_PASSPHRASE },
      ));
    it('a header asking for an absurd scrypt cost', () =>
      expectRefused(
        edited((file) => (file.kdf = { ...(file.kdf as object), N: 2 ** 20, r: 32 })),
        BACKUP_PASSPHRASE,
        { field: 'content', message: /damaged: its header/u },
      ));
  });
});
