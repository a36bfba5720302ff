import { useTranslation } from '../../i18n/use-translation';
import type { AccountSummary } from '../../../electron/shared/account-summary';
import { AccountForm } from '../common/AccountForm';
import { RestoreFromBackup } from './RestoreFromBackup';

const STEPS = ['step1', 'step2', 'step3', 'step4'] as const;

/** Shown while there is no account: what the app does, where an exchange token comes from, and the form. */
export function FirstRunScreen({ onAdded }: { onAdded: (account: AccountSummary) => void }) {
  const { t } = useTranslation();
  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <div className="first-run-intro">
        <h1 id="first-run-title">{t('firstRun.title')}</h1>
        <p className="lead">{t('firstRun.intro')}</p>
        <h2>{t('firstRun.whereTitle')}</h2>
        <ol className="steps">
          {STEPS.map((step) => (
            <li key={step}>{t(`firstRun.${step}`)}</li>
          ))}
        </ol>
        <p className="note">{t('firstRun.security')}</p>
      </div>
      <div className="card first-run-form">
        <h2>{t('firstRun.formTitle')}</h2>
        <AccountForm onAdded={onAdded} />
      </div>
      <RestoreFromBackup />
    </section>
  );
}
