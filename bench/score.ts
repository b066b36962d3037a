// Precision / recall / F1 for PHI span predictions, entity level (any overlap) and character level,
// type-agnostic and type-aware, per gold/predicted type and overall, plus the leak rate.
// Semantics match the shared peer benchmark's scorer (test/unit/bench/score.test.ts proves it), so
// our numbers can be put next to the peers' without a footnote. Offsets are UTF-16, half-open.
import { PHI_TYPES } from '../src/core/PhiEntity.ts';

export interface GoldSpan {
  start: number;
  end: number;
  type: string;
}
/** A predicted span; no type (or a type outside the known set) still counts as masked text. */
export interface PredSpan {
  start: number;
  end: number;
  type?: string | undefined;
}
export interface GoldDoc {
  id: string;
  text: string;
  spans: GoldSpan[];
  style?: string;
}

export interface Counts {
  tpP: number;
  nP: number;
  tpR: number;
  nR: number;
}
export interface Prf extends Counts {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}
export interface EntityScores {
  agnostic: Prf;
  aware: Prf;
  fullCoverRecall: number | null;
  leakRate: number | null;
}
export interface LevelScores {
  entity: EntityScores;
  char: { agnostic: Prf; aware: Prf };
}
export interface Scores extends LevelScores {
  perType: Record<string, LevelScores>;
}
export interface ScoreOptions {
  countWhitespace?: boolean;
}

/** Null when a denominator is 0; F1 is null only when both P and R are (a missing side counts as 0). */
export function prf(c: Counts): Prf {
  const precision = c.nP > 0 ? c.tpP / c.nP : null;
  const recall = c.nR > 0 ? c.tpR / c.nR : null;
  let f1: number | null = null;
  if (precision !== null || recall !== null) {
    const p = precision ?? 0;
    const r = recall ?? 0;
    f1 = p + r > 0 ? (2 * p * r) / (p + r) : 0;
  }
  return { ...c, precision, recall, f1 };
}

// One accumulator per scope (overall, or one type): P counts come from predictions (of that type),
// R counts from gold spans (of that type).
interface Acc {
  entAg: Counts;
  entAw: Counts;
  chrAg: Counts;
  chrAw: Counts;
  gold: number;
  covered: number;
}
const zero = (): Counts => ({ tpP: 0, nP: 0, tpR: 0, nR: 0 });
const newAcc = (): Acc => ({ entAg: zero(), entAw: zero(), chrAg: zero(), chrAw: zero(), gold: 0, covered: 0 });

const overlaps = (a: PredSpan, b: PredSpan): boolean => a.start < b.end && b.start < a.end;

function countP(c: Counts, n: number, hit: boolean): void {
  c.nP += n;
  if (hit) c.tpP += n;
}
function countR(c: Counts, n: number, hit: boolean): void {
  c.nR += n;
  if (hit) c.tpR += n;
}

function scoreEntities(gold: GoldSpan[], pred: PredSpan[], all: Acc, byType: Map<string, Acc>): void {
  for (const p of pred) {
    const any = gold.some((g) => overlaps(p, g));
    const same = gold.some((g) => g.type === p.type && overlaps(p, g));
    for (const acc of [all, p.type === undefined ? undefined : byType.get(p.type)]) {
      if (!acc) continue;
      countP(acc.entAg, 1, any);
      countP(acc.entAw, 1, same);
    }
  }
  for (const g of gold) {
    const any = pred.some((p) => overlaps(p, g));
    const same = pred.some((p) => p.type === g.type && overlaps(p, g));
    for (const acc of [all, byType.get(g.type)]) {
      if (!acc) continue;
      countR(acc.entAg, 1, any);
      countR(acc.entAw, 1, same);
    }
  }
}

/** prefix[i] = counted characters in text[0, i). Whitespace is skipped unless asked for. */
function countedPrefix(text: string, countWhitespace: boolean): Int32Array {
  const prefix = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) prefix[i + 1] = prefix[i]! + (countWhitespace || !/\s/.test(text[i]!) ? 1 : 0);
  return prefix;
}

const clamp = <S extends PredSpan>(s: S, n: number): S => ({
  ...s,
  start: Math.max(0, Math.min(n, s.start)),
  end: Math.max(0, Math.min(n, s.end)),
});

/**
 * Character level by sweeping the segments between span boundaries: inside a segment the sets of
 * gold and predicted types are constant, so each segment counts as a block of `w` characters.
 * Returns the counted segments no prediction covers, for the leak check.
 */
function scoreChars(
  doc: GoldDoc,
  pred: PredSpan[],
  all: Acc,
  byType: Map<string, Acc>,
  countWs: boolean,
): Array<[number, number]> {
  const n = doc.text.length;
  const prefix = countedPrefix(doc.text, countWs);
  const gold = doc.spans.map((s) => clamp(s, n));
  const preds = pred.map((s) => clamp(s, n));
  const cuts = [
    ...new Set([0, n, ...gold.flatMap((s) => [s.start, s.end]), ...preds.flatMap((s) => [s.start, s.end])]),
  ].sort((a, b) => a - b);
  const unmasked: Array<[number, number]> = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const a = cuts[k]!;
    const b = cuts[k + 1]!;
    const w = prefix[b]! - prefix[a]!;
    if (w === 0) continue;
    const covers = (s: PredSpan): boolean => s.start <= a && s.end >= b;
    const gTypes = new Set(gold.filter(covers).map((s) => s.type));
    const pTypes = new Set(preds.filter(covers).map((s) => s.type));
    const inGold = gTypes.size > 0;
    const masked = pTypes.size > 0;
    if (!masked) unmasked.push([a, b]);
    countR(all.chrAg, inGold ? w : 0, masked);
    countP(all.chrAg, masked ? w : 0, inGold);
    for (const t of gTypes) {
      const acc = byType.get(t)!;
      countR(acc.chrAg, w, masked);
      countR(acc.chrAw, w, pTypes.has(t));
    }
    for (const t of pTypes) {
      const acc = t === undefined ? undefined : byType.get(t);
      if (!acc || t === undefined) continue; // unknown predicted type: masks text but is never type-matched
      countP(acc.chrAg, w, inGold);
      countP(acc.chrAw, w, gTypes.has(t));
    }
  }
  return unmasked;
}

/** A gold span leaks when one of its counted characters is not masked by any prediction. */
function scoreLeaks(gold: GoldSpan[], unmasked: Array<[number, number]>, all: Acc, byType: Map<string, Acc>): void {
  for (const g of gold) {
    const full = !unmasked.some(([a, b]) => a < g.end && g.start < b);
    for (const acc of [all, byType.get(g.type)!]) {
      acc.gold++;
      if (full) acc.covered++;
    }
  }
}

function finish(acc: Acc): LevelScores {
  const fullCoverRecall = acc.gold > 0 ? acc.covered / acc.gold : null;
  return {
    entity: {
      agnostic: prf(acc.entAg),
      aware: prf(acc.entAw),
      fullCoverRecall,
      leakRate: fullCoverRecall === null ? null : 1 - fullCoverRecall,
    },
    char: { agnostic: prf(acc.chrAg), aware: prf(acc.chrAw) },
  };
}

/** Score predictions (by doc id; a missing id means no spans) against a gold corpus. */
export function score(
  docs: readonly GoldDoc[],
  predById: ReadonlyMap<string, readonly PredSpan[]>,
  opts: ScoreOptions = {},
): Scores {
  const byType = new Map<string, Acc>(PHI_TYPES.map((t) => [t, newAcc()]));
  for (const d of docs) for (const s of d.spans) if (!byType.has(s.type)) byType.set(s.type, newAcc());
  const all = newAcc();
  for (const doc of docs) {
    const pred = (predById.get(doc.id) ?? []).filter((p) => p.end > p.start);
    scoreEntities(doc.spans, pred, all, byType);
    const unmasked = scoreChars(doc, pred, all, byType, !!opts.countWhitespace);
    scoreLeaks(doc.spans, unmasked, all, byType);
  }
  // Overall type-aware char scores are the micro sum of the per-type ones (unknown types never match).
  for (const acc of byType.values()) for (const k of ['tpP', 'nP', 'tpR', 'nR'] as const) all.chrAw[k] += acc.chrAw[k];
  return { ...finish(all), perType: Object.fromEntries([...byType].map(([t, acc]) => [t, finish(acc)])) };
}
