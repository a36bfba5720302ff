import { useTranslation } from '../../i18n/use-translation';
import { secondsLeft } from '../../format/countdown';
import { useLocale } from '../../hooks/use-locale';
import { useNow } from '../../hooks/use-now';

/**
 * Time left on a usable access token ("14 min 25 s", "2 h 59 min"), never a clock reading. It is the only part
 * of a row that follows the page ticker, so a tick re-renders these leaves and not the rows around them.
 */
export function Countdown({ expiresAt }: { expiresAt: number | null }) {
  const { t } = useTranslation();
  const { formatters } = useLocale();
  const now = useNow();
  if (expiresAt === null || expiresAt <= now) {
    return (
      <span className="countdown countdown-none" data-testid="countdown">
        {t('row.noUsableToken')}
      </span>
    );
  }
  const seconds = secondsLeft(expiresAt, now);
  const level = seconds < 120 ? 'low' : seconds < 600 ? 'medium' : 'high';
  return (
    <span className={`countdown countdown-${level}`} data-testid="countdown" data-expires-at={expiresAt}>
      <span className="countdown-text" aria-hidden="true">
        {formatters.duration(seconds)}
      </span>
      <span className="visually-hidden">{t('row.validFor', { duration: formatters.durationLong(seconds) })}</span>
    </span>
  );
}
