import type { Spread } from './stats';

/** One figure of the bench: a ratio against a baseline measured in the same run. */
export interface FigureResult {
  id: number;
  name: string;
  title: string;
  baseline: string;
  /** The ratio must stay at or below this; null = report only. */
  target: number | null;
  /** What the ratio divides: e.g. "lifecycle wall / bare wall". */
  ratioMeaning: string;
  ratio: Spread | null;
  /** Absolute figures (medians and the like) for context; units in the key names. */
  absolute: Record<string, number | string>;
  /** 'pass' | 'miss' against the target on the median; 'report' without target; 'not-measured' with a reason. */
  verdict: 'pass' | 'miss' | 'report' | 'not-measured';
  notes: string[];
}

export function verdictOf(ratio: Spread | null, target: number | null): FigureResult['verdict'] {
  if (ratio === null) return 'not-measured';
  if (target === null) return 'report';
  return ratio.median <= target ? 'pass' : 'miss';
}

/** The sizes and repetitions a bench run uses: the full bench or the smoke mode of the test suite. */
export interface BenchScale {
  mode: 'full' | 'smoke';
  /** Accounts for figures 1-5 and the large side of 6-8. */
  accounts: number;
  /** The small side of figures 6-8. */
  fewAccounts: number;
  runs: number;
  /** Inner repetitions of the short figures (4, 5), so one measurement is long enough to time. */
  innerRepeats: number;
  concurrency: number;
  /** Figure 15: small GETs per side and run. */
  gatewayRequests: number;
  /** Figure 16: bytes of the streamed export. */
  gatewayExportBytes: number;
  /** Figures 16 and 18: exports streamed one after another in each measured slot (one 50 MiB export is noisy). */
  gatewayExportsPerSlot: number;
  /** The large vault: open-and-list (4), spread-out refreshes (10-11) and resident memory (12). */
  vaultAccounts: number;
  /** Spread-out refreshes (one at a time, each durable) measured per vault size in figures 10-11. */
  spreadRefreshes: number;
}

export const FULL_SCALE: BenchScale = { mode: 'full', accounts: 1000, fewAccounts: 10, runs: 7, innerRepeats: 20, concurrency: 4, gatewayRequests: 1000, gatewayExportBytes: 50 * 1024 * 1024, gatewayExportsPerSlot: 3, vaultAccounts: 10_000, spreadRefreshes: 200 };
export const SMOKE_SCALE: BenchScale = { mode: 'smoke', accounts: 12, fewAccounts: 3, runs: 1, innerRepeats: 1, concurrency: 4, gatewayRequests: 20, gatewayExportBytes: 1024 * 1024, gatewayExportsPerSlot: 1, vaultAccounts: 30, spreadRefreshes: 4 };
