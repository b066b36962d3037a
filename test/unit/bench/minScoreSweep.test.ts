import { describe, expect, it } from 'vitest';
import { formatSweep, minScoreSweep, SWEEP_MIN_SCORES } from '../../../bench/minScoreSweep.ts';
import type { GoldDoc, PredSpan } from '../../../bench/score.ts';

const text = 'Pt Ann Lee, 42 y/o, seen 3/14.';
const span = (piece: string, type: string) => ({
  start: text.indexOf(piece),
  end: text.indexOf(piece) + piece.length,
  type,
});
const docs: GoldDoc[] = [{ id: 'a', text, spans: [span('Ann Lee', 'NAME'), span('42', 'AGE'), span('3/14', 'DATE')] }];

// A stub detector: each prediction has a score and survives thresholds up to it.
const scored: (PredSpan & { score: number })[] = [
  { ...span('Ann Lee', 'NAME'), score: 0.9 },
  { ...span('42', 'AGE'), score: 0.6 },
  { ...span('3/14', 'DATE'), score: 0.99 },
  { ...span('seen', 'NAME'), score: 0.4 },
];
const detect = (minScore: number) => new Map([['a', scored.filter((p) => p.score >= minScore)]]);

describe('minScoreSweep', () => {
  it('scores entity-level, type-agnostic P / R and the leak rate at each threshold', () => {
    const rows = minScoreSweep(docs, detect);
    expect(rows.map((r) => r.minScore)).toEqual(SWEEP_MIN_SCORES);
    expect(rows[0]).toMatchObject({ minScore: 0.3, precision: 3 / 4, recall: 1, leakRate: 0 });
    expect(rows[1]).toMatchObject({ minScore: 0.5, precision: 1, recall: 1 });
    expect(rows[2]).toMatchObject({ minScore: 0.7, precision: 1, recall: 2 / 3 });
    expect(rows[4]!.leakRate).toBeCloseTo(2 / 3, 12);
  });

  it('calls the detector once per threshold, and renders a table', () => {
    const seen: number[] = [];
    const rows = minScoreSweep(docs, (m) => (seen.push(m), detect(m)), {}, [0.5, 0.95]);
    expect(seen).toEqual([0.5, 0.95]);
    expect(formatSweep(rows)).toMatch(/\| 0\.95\s+\|\s+100\.0 \|\s+33\.3 \|\s+66\.7 \|/);
  });
});
