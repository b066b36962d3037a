import type { PhiType } from '../corpus/types.ts';
import { advances, estimateWidth, type FontFamily } from './fontMetrics.ts';
import { type Row, splitWords } from './pageSpec.ts';

/** A word placed on the page: `x` is where its <text> starts, `baseline` its y. */
export interface PlacedWord {
  text: string;
  type?: PhiType;
  x: number;
  baseline: number;
  size: number;
  bold: boolean;
  colour: string;
  /** Estimated advance width; the window in which its ink is looked for is derived from it. */
  estWidth: number;
  /** Where the next word on the line may start: the ink search stops before it. */
  limitX: number;
}

export interface PlacedBar {
  top: number;
  height: number;
  colour: string;
}

export interface Layout {
  words: PlacedWord[];
  bars: PlacedBar[];
  rules: number[];
}

export interface LayoutOptions {
  width: number;
  height: number;
  family: FontFamily;
  size: number;
}

/** Line height and word gap in font sizes: generous, so that one word's ink never enters another's window. */
export const LINE_HEIGHT = 1.7;
export const WORD_GAP = 0.4;

/** Places rows top to bottom; words that would pass the right margin wrap (wrap cells) or are dropped; rows past the bottom are dropped. */
export async function layoutPage(rows: readonly Row[], options: LayoutOptions): Promise<Layout> {
  const { width, height, family, size } = options;
  const margin = Math.round(Math.max(40, width * 0.05));
  const content = width - 2 * margin;
  const allText = rows.flatMap((r) => r.cells.flatMap((c) => c.runs.map((run) => run.text))).join('');
  const tables = { false: await advances({ family, bold: false }, allText), true: await advances({ family, bold: true }, allText) };
  const layout: Layout = { words: [], bars: [], rules: [] };
  let y = margin;
  for (const row of rows) {
    const fs = Math.round(size * (row.scale ?? 1));
    const lineH = fs * LINE_HEIGHT;
    y += (row.gapBefore ?? 0) * lineH;
    if (y + lineH > height - margin) break;
    let lines = 1;
    row.cells.forEach((cell, i) => {
      const next = row.cells[i + 1];
      const start = margin + cell.at * content;
      const end = next && !cell.wrap ? margin + next.at * content - fs * WORD_GAP : width - margin;
      const bold = cell.bold ?? false;
      const table = tables[bold ? 'true' : 'false'];
      let [x, line] = [start, 0];
      for (const word of splitWords(cell.runs)) {
        const w = estimateWidth(table, word.text, fs);
        if (x + w > end && x > start) {
          if (!cell.wrap || y + (line + 2) * lineH > height - margin) break;
          [x, line] = [start, line + 1];
        }
        if (x + w > end) break;
        const baseline = Math.round(y + line * lineH + fs * 1.05);
        layout.words.push({ ...word, x: Math.round(x), baseline, size: fs, bold, colour: cell.colour ?? '#000', estWidth: w, limitX: end });
        x += w + fs * WORD_GAP;
      }
      lines = Math.max(lines, line + 1);
    });
    const rowH = lines * lineH;
    if (row.background) layout.bars.push({ top: Math.round(y - fs * 0.1), height: Math.round(rowH), colour: row.background });
    if (row.rule) layout.rules.push(Math.round(y + rowH - fs * 0.12));
    y += rowH;
  }
  return layout;
}
