// How --min-score trades precision for recall: entity-level, type-agnostic P / R and the leak rate
// at a few thresholds, for one corpus. The detector runs once per threshold (filtering one run's
// scores afterwards would skip whatever the detector does after its own threshold).
import { score, type GoldDoc, type PredSpan, type ScoreOptions } from './score.ts';
import { pct, table } from './table.ts';

export const SWEEP_MIN_SCORES: readonly number[] = [0.3, 0.5, 0.7, 0.85, 0.95];

export interface SweepRow {
  minScore: number;
  precision: number | null;
  recall: number | null;
  leakRate: number | null;
}

/** `detect(minScore)` returns predictions by doc id; callers may cache it for a threshold they already ran. */
export function minScoreSweep(
  docs: readonly GoldDoc[],
  detect: (minScore: number) => ReadonlyMap<string, readonly PredSpan[]>,
  opts: ScoreOptions = {},
  minScores: readonly number[] = SWEEP_MIN_SCORES,
): SweepRow[] {
  return minScores.map((minScore) => {
    const { agnostic, leakRate } = score(docs, detect(minScore), opts).entity;
    return { minScore, precision: agnostic.precision, recall: agnostic.recall, leakRate };
  });
}

export function formatSweep(rows: readonly SweepRow[]): string {
  return table(
    ['min score', 'P', 'R', 'leak rate'],
    rows.map((r) => [String(r.minScore), pct(r.precision), pct(r.recall), pct(r.leakRate)]),
  );
}
