import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { passphraseSchema } from '../../../electron/shared/ipc-contract';
import { appErrorOf, unwrap } from '../../api/request';
import { winbooks } from '../../api/winbooks-bridge';
import { validateWith } from '../../forms/field-errors';
import { errorText } from '../../i18n/error-text';
import { useAnnounce } from '../../hooks/use-announcer';
import { FormField } from '../common/FormField';
import { downloadText } from './download-text';

/** Export and import of the encrypted backup; the backup has its own passphrase. */
export function BackupSection() {
  const { t } = useTranslation();
  return (
    <section className="card settings-section" aria-labelledby="settings-backup">
      <h2 id="settings-backup">{t('backup.title')}</h2>
      <p className="section-intro">{t('backup.intro')}</p>
      <div className="backup-columns">
        <ExportForm />
        <ImportForm />
      </div>
    </section>
  );
}

function ExportForm() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ passphrase?: string | undefined; repeat?: string | undefined; form?: string | undefined }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const checked = validateWith(passphraseSchema, passphrase, t, 'passphrase');
    if (!checked.ok) return setErrors({ passphrase: checked.errors.passphrase });
    if (repeat !== passphrase) return setErrors({ repeat: t('unlock.mismatch') });
    setErrors({});
    setBusy(true);
    try {
      const backup = await unwrap(winbooks().exportBackup({ passphrase: checked.value }));
      downloadText(backup.fileName, backup.content);
      setPassphrase('');
      setRepeat('');
      announce(t('backup.exported', { count: backup.accounts, file: backup.fileName }), 'success');
    } catch (failure) {
      setErrors({ form: errorText(t, appErrorOf(failure)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <h3>{t('backup.exportTitle')}</h3>
      <FormField label={t('backup.exportPassphrase')} hint={t('unlock.passphraseHint')} type="password" autoComplete="new-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} error={errors.passphrase} disabled={busy} />
      <FormField label={t('unlock.repeat')} type="password" autoComplete="new-password" value={repeat} onChange={(event) => setRepeat(event.target.value)} error={errors.repeat} disabled={busy} />
      {errors.form !== undefined && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('backup.exporting') : t('backup.export')}
        </button>
      </div>
    </form>
  );
}

function ImportForm() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const fileRef = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<{ file?: string | undefined; passphrase?: string | undefined; form?: string | undefined }>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string[] | null>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setResult(null);
    const file = fileRef.current?.files?.[0];
    if (file === undefined) return setErrors({ file: t('backup.chooseFile') });
    if (passphrase === '') return setErrors({ passphrase: t('validation.passphrase.required') });
    setErrors({});
    setBusy(true);
    try {
      const content = await file.text();
      const report = await unwrap(winbooks().importBackup({ passphrase, content }));
      const lines = [t('backup.added', { count: report.added.length }), t('backup.updated', { count: report.updated.length })];
      for (const skipped of report.skipped) lines.push(t('backup.skipped', { label: skipped.label, reason: skipped.reason }));
      setResult(lines);
      setPassphrase('');
      announce(lines.slice(0, 2).join(' '), 'success');
    } catch (failure) {
      setErrors({ form: errorText(t, appErrorOf(failure)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <h3>{t('backup.importTitle')}</h3>
      <FormField label={t('backup.file')} type="file" inputRef={fileRef} error={errors.file} disabled={busy} />
      <FormField label={t('backup.importPassphrase')} type="password" autoComplete="off" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} error={errors.passphrase} disabled={busy} />
      {errors.form !== undefined && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      {result !== null && (
        <ul className="import-result">
          {result.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('backup.importing') : t('backup.import')}
        </button>
      </div>
    </form>
  );
}
