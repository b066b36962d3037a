// Markdown tables padded to aligned columns, so they read well in a terminal and render on GitHub.

export type Align = 'l' | 'r';

/** Column 0 is left-aligned and the rest right-aligned unless `align` says otherwise. */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly Align[],
): string {
  const al = (i: number): Align => align?.[i] ?? (i === 0 ? 'l' : 'r');
  const width = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const cell = (s: string, i: number) => (al(i) === 'l' ? s.padEnd(width[i]!) : s.padStart(width[i]!));
  const line = (cells: readonly string[]) => `| ${header.map((_, i) => cell(cells[i] ?? '', i)).join(' | ')} |`;
  const rule = `|${width.map((w, i) => (al(i) === 'l' ? ':' + '-'.repeat(w + 1) : '-'.repeat(w + 1) + ':')).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** A share as a percentage with one decimal; '–' when undefined (nothing to divide by). */
export const pct = (x: number | null | undefined): string =>
  x === null || x === undefined ? '–' : (100 * x).toFixed(1);

export const num = (x: number, digits = 0): string =>
  x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
