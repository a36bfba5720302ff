import { loadavg } from 'node:os';
import { round, spreadOf } from './stats';

/** The 1-minute load average over the whole bench: what else the machine was doing while the figures were taken. */
export interface LoadSamples {
  intervalSeconds: number;
  samples: number;
  min: number;
  median: number;
  max: number;
}

/** Reads the load average now and every `intervalMs` until stop(); the timer never keeps the process alive. */
export function startLoadSampler(intervalMs = 10_000): { stop(): LoadSamples } {
  const readings: number[] = [];
  const read = (): void => {
    readings.push(loadavg()[0] ?? 0);
  };
  read();
  const timer = setInterval(read, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      read();
      const spread = spreadOf(readings);
      return { intervalSeconds: intervalMs / 1000, samples: readings.length, min: round(spread.min), median: round(spread.median), max: round(spread.max) };
    },
  };
}
