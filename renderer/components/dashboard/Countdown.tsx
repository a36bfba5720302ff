import { useTranslation } from 'react-i18next';
import { countdownParts, lifetimeLeft } from '../../format/countdown';
import { useNow } from '../../hooks/use-now';

interface CountdownProps {
  expiresAt: number | null;
  issuedAt: number | null;
}

/**
 * The live countdown and lifetime bar. It is the only part of a row that follows the page ticker,
 * so a tick re-renders these leaves and not the rows around them.
 */
export function Countdown({ expiresAt, issuedAt }: CountdownProps) {
  const { t } = useTranslation();
  const now = useNow();
  if (expiresAt === null) {
    return (
      <div className="countdown countdown-none" data-testid="countdown">
        <span className="countdown-text">{t('row.noToken')}</span>
      </div>
    );
  }
  const parts = countdownParts(expiresAt, now);
  const left = lifetimeLeft(issuedAt, expiresAt, now);
  const level = parts.expired ? 'expired' : left < 0.1 ? 'low' : left < 0.3 ? 'medium' : 'high';
  const spoken = parts.expired
    ? t('row.expired')
    : parts.unit === 'hours-minutes'
      ? t('row.expiresInHours', { hours: parts.hours, minutes: parts.minutes })
      : t('row.expiresInMinutes', { minutes: parts.minutes, seconds: parts.seconds });
  const percent = Math.round(left * 100);
  return (
    <div className={`countdown countdown-${level}`} data-testid="countdown" data-expires-at={expiresAt}>
      <span className="countdown-text" aria-hidden="true">
        {parts.expired ? t('row.expired') : parts.unit === 'hours-minutes' ? t('row.hoursShort', { time: parts.text }) : parts.text}
      </span>
      <span className="visually-hidden">{spoken}</span>
      <div className="lifetime-bar" role="meter" aria-label={t('row.lifetime')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={t('row.lifetimeValue', { percent })}>
        <div className="lifetime-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
