/** Countdown and lifetime-bar arithmetic for the access token. Pure, so it is unit-tested. */

export interface CountdownParts {
  /** "mm:ss" below an hour, "h:mm" from an hour on. */
  text: string;
  /** Which unit the text is in, so the UI can label it. */
  unit: 'minutes-seconds' | 'hours-minutes';
  expired: boolean;
  hours: number;
  minutes: number;
  seconds: number;
}

export function countdownParts(expiresAt: number, now: number): CountdownParts {
  const remainingSeconds = Math.max(0, Math.ceil((expiresAt - now) / 1000));
  const hours = Math.floor(remainingSeconds / 3600);
  const minutes = Math.floor((remainingSeconds % 3600) / 60);
  const seconds = remainingSeconds % 60;
  if (hours > 0) {
    return { text: `${hours}:${pad2(minutes)}`, unit: 'hours-minutes', expired: false, hours, minutes, seconds };
  }
  return {
    text: `${pad2(minutes)}:${pad2(seconds)}`,
    unit: 'minutes-seconds',
    expired: remainingSeconds === 0,
    hours,
    minutes,
    seconds,
  };
}

/** Share of the token's lifetime still left, from 1 (just issued) to 0 (expired). */
export function lifetimeLeft(issuedAt: number | null, expiresAt: number, now: number): number {
  if (issuedAt === null || expiresAt <= issuedAt) return expiresAt > now ? 1 : 0;
  return Math.min(1, Math.max(0, (expiresAt - now) / (expiresAt - issuedAt)));
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
