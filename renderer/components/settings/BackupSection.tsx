import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { appErrorOf, unwrap } from '../../api/request';
import { winbooks } from '../../api/winbooks-bridge';
import { errorText } from '../../i18n/error-text';
import { useAnnounce } from '../../hooks/use-announcer';
import { useNewPassphrase } from '../../hooks/use-new-passphrase';
import { BusyButton } from '../common/BusyButton';
import { FormError } from '../common/FormError';
import { FormField } from '../common/FormField';
import { NewPassphraseFields } from '../common/NewPassphraseFields';
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

/** Busy while a backup request runs; its refusal becomes a sentence for the whole form. */
function useBackupRequest() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const run = async (request: () => Promise<void>): Promise<void> => {
    setBusy(true);
    try {
      await request();
    } catch (failure) {
      setFormError(errorText(t, appErrorOf(failure)));
    } finally {
      setBusy(false);
    }
  };

  return { busy, formError, setFormError, run };
}

function ExportForm() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const entry = useNewPassphrase();
  const { busy, formError, setFormError, run } = useBackupRequest();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setFormError(null);
    const checked = await entry.check();
    if (!checked.ok) return;
    await run(async () => {
      const backup = await unwrap(winbooks().exportBackup({ passphrase: checked.passphrase }));
      downloadText(backup.fileName, backup.content);
      entry.clear();
      announce(t('backup.exported', { count: backup.accounts, file: backup.fileName }), 'success');
    });
  };

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <h3>{t('backup.exportTitle')}</h3>
      <NewPassphraseFields entry={entry} label={t('backup.exportPassphrase')} disabled={busy} />
      <FormError message={formError} />
      <div className="form-actions">
        <BusyButton busy={busy} label={t('backup.export')} busyLabel={t('backup.exporting')} />
      </div>
    </form>
  );
}

function ImportForm() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const fileRef = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<{ file?: string | undefined; passphrase?: string | undefined }>({});
  const [result, setResult] = useState<string[] | null>(null);
  const { busy, formError, setFormError, run } = useBackupRequest();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setResult(null);
    setFormError(null);
    const file = fileRef.current?.files?.[0];
    if (file === undefined) return setErrors({ file: t('backup.chooseFile') });
    if (passphrase === '') return setErrors({ passphrase: t('validation.passphrase.required') });
    setErrors({});
    await run(async () => {
      const content = await file.text();
      const report = await unwrap(winbooks().importBackup({ passphrase, content }));
      const lines = [t('backup.added', { count: report.added.length }), t('backup.updated', { count: report.updated.length })];
      for (const skipped of report.skipped) lines.push(t('backup.skipped', { label: skipped.label, reason: skipped.reason }));
      setResult(lines);
      setPassphrase('');
      announce(lines.slice(0, 2).join(' '), 'success');
    });
  };

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <h3>{t('backup.importTitle')}</h3>
      <FormField label={t('backup.file')} type="file" inputRef={fileRef} error={errors.file} disabled={busy} />
      <FormField label={t('backup.importPassphrase')} type="password" autoComplete="off" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} error={errors.passphrase} disabled={busy} />
      <FormError message={formError} />
      {result !== null && (
        <ul className="import-result">
          {result.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        <BusyButton busy={busy} label={t('backup.import')} busyLabel={t('backup.importing')} />
      </div>
    </form>
  );
}
