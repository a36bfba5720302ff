import { useLocale } from '../../hooks/use-locale';
import { useNow } from '../../hooks/use-now';

/** "3 minutes ago" / "in 10 minutes", kept current by the page ticker; the exact time is in the tooltip. */
export function RelativeTime({ at }: { at: number }) {
  const now = useNow();
  const { formatters } = useLocale();
  return (
    <time dateTime={new Date(at).toISOString()} title={formatters.dateTime(at)}>
      {formatters.relative(at, now)}
    </time>
  );
}
