/** Locale-aware times and durations through Intl: the wording of units comes from the browser, not from us. */

export interface TimeFormatters {
  /** A clock time for an instant: "14:05" (today) or "3 Mar, 14:05". */
  time(at: number, now: number): string;
  /** "3 minutes ago", "in 10 minutes", "now". */
  relative(at: number, now: number): string;
  /** A time left, never read as a clock: "14 min 25 s" below an hour, "2 h 59 min" from an hour on. */
  duration(seconds: number): string;
  /** The same, spelled out for screen readers: "14 minutes, 25 seconds". */
  durationLong(seconds: number): string;
  dateTime(at: number): string;
}

type DurationStyle = 'short' | 'long';
type DurationUnit = 'day' | 'hour' | 'minute' | 'second';

/** Intl.DurationFormat (Chromium 129+, Node 23+) is not in TypeScript's lib yet: the part we use. */
interface DurationFormatLike {
  format(duration: Partial<Record<'days' | 'hours' | 'minutes' | 'seconds', number>>): string;
}
type DurationFormatConstructor = new (locale: string, options: { style: DurationStyle }) => DurationFormatLike;

function durationFormatConstructor(): DurationFormatConstructor | null {
  const candidate = (Intl as unknown as { DurationFormat?: DurationFormatConstructor }).DurationFormat;
  return typeof candidate === 'function' ? candidate : null;
}

export function createTimeFormatters(locale: string): TimeFormatters {
  const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const dayAndClock = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const full = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' });
  const short = durationFormatter(locale, 'short');
  const long = durationFormatter(locale, 'long');

  return {
    time(at, now) {
      return sameDay(at, now) ? clock.format(at) : dayAndClock.format(at);
    },
    relative(at, now) {
      const [value, unit] = relativeParts(at - now);
      return relative.format(value, unit);
    },
    duration: short,
    durationLong: long,
    dateTime(at) {
      return full.format(at);
    },
  };
}

/** Formats a number of seconds as its two largest units, through DurationFormat or, without it, unit NumberFormats. */
function durationFormatter(locale: string, style: DurationStyle): (seconds: number) => string {
  const parts = (seconds: number) => durationParts(seconds);
  const DurationFormat = durationFormatConstructor();
  if (DurationFormat !== null) {
    const format = new DurationFormat(locale, { style });
    return (seconds) => format.format(Object.fromEntries(parts(seconds).map(([value, unit]) => [`${unit}s`, value])));
  }
  const units = new Map<DurationUnit, Intl.NumberFormat>();
  const unitFormat = (unit: DurationUnit): Intl.NumberFormat => {
    let format = units.get(unit);
    if (format === undefined) {
      format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: style });
      units.set(unit, format);
    }
    return format;
  };
  const list = new Intl.ListFormat(locale, { type: 'unit', style: style === 'long' ? 'long' : 'narrow' });
  return (seconds) => list.format(parts(seconds).map(([value, unit]) => unitFormat(unit).format(value)));
}

/**
 * The two largest units of a duration, whole, the smaller one omitted when it is zero: seconds only under a
 * minute, minutes and seconds under an hour, hours and minutes under a day, then days and hours.
 */
export function durationParts(totalSeconds: number): [number, DurationUnit][] {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const pair = (big: [number, DurationUnit], small: [number, DurationUnit]): [number, DurationUnit][] => (small[0] === 0 ? [big] : [big, small]);
  if (days > 0) return pair([days, 'day'], [hours, 'hour']);
  if (hours > 0) return pair([hours, 'hour'], [minutes, 'minute']);
  if (minutes > 0) return pair([minutes, 'minute'], [rest, 'second']);
  return [[rest, 'second']];
}

/** Picks the largest unit that reads naturally; rounds toward the nearer value. */
export function relativeParts(deltaMs: number): [number, 'second' | 'minute' | 'hour' | 'day'] {
  const seconds = Math.round(deltaMs / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return [abs < 5 ? 0 : seconds, 'second'];
  if (abs < 45 * 60) return [Math.round(seconds / 60), 'minute'];
  if (abs < 22 * 3600) return [Math.round(seconds / 3600), 'hour'];
  return [Math.round(seconds / 86400), 'day'];
}

function sameDay(a: number, b: number): boolean {
  const x = new Date(a);
  const y = new Date(b);
  return x.getFullYear() === y.getFullYear() && x.getMonth() === y.getMonth() && x.getDate() === y.getDate();
}
