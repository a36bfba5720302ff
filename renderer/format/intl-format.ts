/** Locale-aware times and durations through Intl: the wording of units comes from the browser, not from us. */

export interface TimeFormatters {
  /** "14:05" (today) or "3 Mar, 14:05". */
  time(at: number, now: number): string;
  /** "3 minutes ago", "in 10 minutes", "now". */
  relative(at: number, now: number): string;
  /** "14 minutes", "1 hour", "30 seconds". */
  duration(seconds: number): string;
  dateTime(at: number): string;
}

export function createTimeFormatters(locale: string): TimeFormatters {
  const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const dayAndClock = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const full = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' });
  const units = new Map<Intl.RelativeTimeFormatUnit, Intl.NumberFormat>();
  const unitFormat = (unit: 'second' | 'minute' | 'hour' | 'day'): Intl.NumberFormat => {
    let format = units.get(unit);
    if (format === undefined) {
      format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' });
      units.set(unit, format);
    }
    return format;
  };

  return {
    time(at, now) {
      return sameDay(at, now) ? clock.format(at) : dayAndClock.format(at);
    },
    relative(at, now) {
      const [value, unit] = relativeParts(at - now);
      return relative.format(value, unit);
    },
    duration(seconds) {
      const [value, unit] = durationParts(seconds);
      return unitFormat(unit).format(value);
    },
    dateTime(at) {
      return full.format(at);
    },
  };
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

export function durationParts(totalSeconds: number): [number, 'second' | 'minute' | 'hour' | 'day'] {
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds < 60) return [seconds, 'second'];
  if (seconds < 3600) return [Math.floor(seconds / 60), 'minute'];
  if (seconds < 86400) return [Math.floor(seconds / 3600), 'hour'];
  return [Math.floor(seconds / 86400), 'day'];
}

function sameDay(a: number, b: number): boolean {
  const x = new Date(a);
  const y = new Date(b);
  return x.getFullYear() === y.getFullYear() && x.getMonth() === y.getMonth() && x.getDate() === y.getDate();
}
