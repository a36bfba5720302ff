import { useTranslation } from '../../i18n/use-translation';

/** Completes a button's visible words with the account for assistive technology: "Copy token" + " for Acme Bakery". */
export function ForAccount({ label }: { label: string }) {
  const { t } = useTranslation();
  return <span className="visually-hidden">{t('row.forAccount', { label })}</span>;
}
