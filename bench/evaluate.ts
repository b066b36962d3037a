// The pure part of `npm run eval`: score a corpus overall, per type and per style, and render
// the tables. The CLI (bench/eval.ts) only loads data, runs the detector and prints.
import { PHI_TYPES } from '../src/core/PhiEntity.ts';
import { score, type GoldDoc, type PredSpan, type Prf, type ScoreOptions, type Scores } from './score.ts';
import { num, pct, table } from './table.ts';

export interface StyleScores {
  docs: number;
  goldSpans: number;
  scores: Scores;
}
export interface EvalReport {
  corpus: { docs: number; chars: number; goldSpans: number; predSpans: number };
  scores: Scores;
  /** Null when no doc has a `style` (external corpora). */
  byStyle: Record<string, StyleScores> | null;
}

function spansIn(docs: readonly GoldDoc[], preds: ReadonlyMap<string, readonly PredSpan[]>): number {
  return docs.reduce((n, d) => n + (preds.get(d.id)?.length ?? 0), 0);
}

export function evaluate(
  docs: readonly GoldDoc[],
  preds: ReadonlyMap<string, readonly PredSpan[]>,
  opts: ScoreOptions = {},
): EvalReport {
  const styles = new Map<string, GoldDoc[]>();
  for (const d of docs) {
    if (d.style === undefined) continue;
    const list = styles.get(d.style) ?? [];
    if (!list.length) styles.set(d.style, list);
    list.push(d);
  }
  const byStyle =
    styles.size === 0
      ? null
      : Object.fromEntries(
          [...styles]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([style, ds]) => [
              style,
              {
                docs: ds.length,
                goldSpans: ds.reduce((n, d) => n + d.spans.length, 0),
                scores: score(ds, preds, opts),
              },
            ]),
        );
  return {
    corpus: {
      docs: docs.length,
      chars: docs.reduce((n, d) => n + d.text.length, 0),
      goldSpans: docs.reduce((n, d) => n + d.spans.length, 0),
      predSpans: spansIn(docs, preds),
    },
    scores: score(docs, preds, opts),
    byStyle,
  };
}

const prfCells = (m: Prf) => [pct(m.precision), pct(m.recall), pct(m.f1)];

function overallTable(s: Scores): string {
  return table(
    ['level', 'P', 'R', 'F1'],
    [
      ['entity, type-agnostic', ...prfCells(s.entity.agnostic)],
      ['entity, type-aware', ...prfCells(s.entity.aware)],
      ['char, type-agnostic', ...prfCells(s.char.agnostic)],
      ['char, type-aware', ...prfCells(s.char.aware)],
    ],
  );
}

// Recall columns are per gold type; the precision columns are per *predicted* type.
function perTypeTable(s: Scores): string {
  const types = [...new Set([...PHI_TYPES, ...Object.keys(s.perType)])];
  const rows = types.map((t) => {
    const { entity: e, char: c } = s.perType[t]!;
    return [
      t,
      String(e.agnostic.nR),
      pct(e.agnostic.recall),
      pct(e.aware.recall),
      pct(c.agnostic.recall),
      pct(e.leakRate),
      String(e.agnostic.nP),
      pct(e.agnostic.precision),
      pct(e.aware.precision),
    ];
  });
  return table(['type', 'gold', 'ent R', 'ent R typed', 'char R', 'leak', 'pred', 'ent P', 'ent P typed'], rows);
}

function styleTable(byStyle: Record<string, StyleScores>): string {
  const rows = Object.entries(byStyle).map(([style, { docs, goldSpans, scores: s }]) => [
    style,
    String(docs),
    String(goldSpans),
    pct(s.entity.agnostic.recall),
    pct(s.entity.agnostic.precision),
    pct(s.entity.leakRate),
  ]);
  return table(['style', 'docs', 'gold', 'ent R', 'ent P', 'leak'], rows);
}

export function formatReport(r: EvalReport): string {
  const s = r.scores;
  const fc = s.entity.fullCoverRecall;
  const leaked = fc === null ? 0 : Math.round((1 - fc) * r.corpus.goldSpans);
  const out = [
    `${num(r.corpus.docs)} docs, ${num(r.corpus.chars)} chars, ${num(r.corpus.goldSpans)} gold spans, ${num(r.corpus.predSpans)} predicted spans.`,
    'Entity level = any overlap; char level ignores whitespace; type-aware = the prediction type must match.',
    '',
    '### Overall',
    '',
    overallTable(s),
    '',
    `Leak rate: ${pct(s.entity.leakRate)}% of gold spans (${num(leaked)}) have a character no prediction masks.`,
    '',
    '### Per type (recall by gold type, precision by predicted type, in %)',
    '',
    perTypeTable(s),
  ];
  if (r.byStyle) out.push('', '### Per style (type-agnostic entity level, in %)', '', styleTable(r.byStyle));
  return out.join('\n');
}
