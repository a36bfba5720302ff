/** The words a language uses for durations; each catalogue in main-texts provides them. */
export interface DurationWords {
  lessThanAMinute: string;
  seconds: (count: number) => string;
  minutes: (count: number) => string;
  hours: (count: number) => string;
  days: (count: number) => string;
}

/** How long until an instant, the way the tray and notifications say it: "12 min", "3 h 5 min", "2 days". */
export function formatDuration(ms: number, words: DurationWords): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return words.lessThanAMinute;
  if (minutes < 60) return words.minutes(minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    const rest = minutes % 60;
    return rest === 0 ? words.hours(hours) : `${words.hours(hours)} ${words.minutes(rest)}`;
  }
  return words.days(Math.floor(hours / 24));
}

/** A delay given in seconds: "30 s", "2 min", "1 min 30 s". */
export function formatSeconds(seconds: number, words: DurationWords): string {
  if (seconds < 60) return words.seconds(seconds);
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? words.minutes(minutes) : `${words.minutes(minutes)} ${words.seconds(rest)}`;
}
