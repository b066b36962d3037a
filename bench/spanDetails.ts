// `--details N` for synthetic corpora: the leaked and spurious spans with some context, so a
// recognizer author can see *why* a number moved. It prints corpus text, so never for real PHI.
import type { GoldDoc, PredSpan } from './score.ts';

export interface SpanDetail {
  id: string;
  type: string;
  start: number;
  end: number;
  partly: boolean;
  context: string;
}
export interface Details {
  missed: SpanDetail[];
  spurious: SpanDetail[];
}

const CONTEXT = 30;

/** The span in ⟦ ⟧ with up to 30 characters either side, control characters escaped. */
export function excerpt(text: string, start: number, end: number): string {
  const a = Math.max(0, start - CONTEXT);
  const b = Math.min(text.length, end + CONTEXT);
  const s = `${a > 0 ? '…' : ''}${text.slice(a, start)}⟦${text.slice(start, end)}⟧${text.slice(end, b)}${b < text.length ? '…' : ''}`;
  return JSON.stringify(s).slice(1, -1);
}

const overlaps = (a: PredSpan, b: PredSpan) => a.start < b.end && b.start < a.end;

/**
 * Missed = gold spans with a non-whitespace character no prediction masks (the leaks; `partly`
 * when some prediction touches them). Spurious = predictions that touch no gold span.
 */
export function spanDetails(
  docs: readonly GoldDoc[],
  preds: ReadonlyMap<string, readonly PredSpan[]>,
  limit: number,
): Details {
  const missed: SpanDetail[] = [];
  const spurious: SpanDetail[] = [];
  for (const d of docs) {
    if (missed.length >= limit && spurious.length >= limit) break;
    const ps = (preds.get(d.id) ?? []).filter((p) => p.end > p.start);
    const masked = new Uint8Array(d.text.length);
    for (const p of ps) masked.fill(1, Math.max(0, p.start), Math.min(d.text.length, p.end));
    const detail = (s: PredSpan, partly: boolean): SpanDetail => ({
      id: d.id,
      type: s.type ?? '(none)',
      start: s.start,
      end: s.end,
      partly,
      context: excerpt(d.text, s.start, s.end),
    });
    for (const g of d.spans) {
      if (missed.length >= limit) break;
      let leaks = false;
      for (let i = g.start; i < g.end && !leaks; i++) leaks = !masked[i] && !/\s/.test(d.text[i]!);
      if (leaks)
        missed.push(
          detail(
            g,
            ps.some((p) => overlaps(p, g)),
          ),
        );
    }
    for (const p of ps) {
      if (spurious.length >= limit) break;
      if (!d.spans.some((g) => overlaps(p, g))) spurious.push(detail(p, false));
    }
  }
  return { missed, spurious };
}

export function formatDetails({ missed, spurious }: Details): string {
  const line = (s: SpanDetail) =>
    `- ${s.id} [${s.start},${s.end}) ${s.type}${s.partly ? ' (partly masked)' : ''}: ${s.context}`;
  return [
    `### Missed (leaked) spans: first ${missed.length}`,
    '',
    ...missed.map(line),
    '',
    `### Spurious spans: first ${spurious.length}`,
    '',
    ...spurious.map(line),
  ].join('\n');
}
