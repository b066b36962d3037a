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

/** A table grid line (horizontal or vertical), in page pixels. */
export interface GridLine {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Layout {
  words: PlacedWord[];
  bars: PlacedBar[];
  rules: number[];
  grid: GridLine[];
  /** The content box's left and right edges (the margins). */
  left: number;
  right: number;
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
  const tables = {
    false: await advances({ family, bold: false }, allText),
    true: await advances({ family, bold: true }, allText),
  };
  const layout: Layout = { words: [], bars: [], rules: [], grid: [], left: margin, right: width - margin };
  let y = margin;
  // The line under the last grid row so far: drawn when the grid ends (or the page does).
  let gridEnd: GridLine | undefined;
  const closeGrid = () => {
    if (gridEnd) layout.grid.push(gridEnd);
    gridEnd = undefined;
  };
  for (const [r, row] of rows.entries()) {
    const fs = Math.round(size * (row.scale ?? 1));
    const lineH = fs * LINE_HEIGHT;
    if (row.fromBottom && !rows[r - 1]?.fromBottom) {
      const rest = rows
        .slice(r)
        .reduce(
          (sum, next) => sum + ((next.gapBefore ?? 0) + 1) * Math.round(size * (next.scale ?? 1)) * LINE_HEIGHT,
          0,
        );
      y = Math.max(y, height - margin - rest);
    }
    y += (row.gapBefore ?? 0) * lineH;
    if (y + lineH > height - margin) break;
    // Grid rows keep their text a pad away from the vertical lines drawn just before each cell.
    const pad = row.grid ? Math.max(3, fs * 0.3) : 0;
    let lines = 1;
    row.cells.forEach((cell, i) => {
      const next = row.cells[i + 1];
      const start = margin + cell.at * content;
      const end = next && !cell.wrap ? margin + next.at * content - fs * WORD_GAP - pad : width - margin;
      const bold = cell.bold ?? false;
      const table = tables[bold ? 'true' : 'false'];
      const words = splitWords(cell.runs).map((word) => ({ word, w: estimateWidth(table, word.text, fs) }));
      let [x, line] = [start, 0];
      if (cell.align === 'right' && !cell.wrap) {
        const total = words.reduce((sum, { w }) => sum + w, 0) + fs * WORD_GAP * Math.max(0, words.length - 1);
        x = Math.max(start, end - total - 1);
      }
      const left = x;
      for (const { word, w } of words) {
        if (x + w > end && x > left) {
          if (!cell.wrap || y + (line + 2) * lineH > height - margin) break;
          [x, line] = [start, line + 1];
        }
        if (x + w > end) break;
        const baseline = Math.round(y + line * lineH + fs * 1.05);
        layout.words.push({
          ...word,
          x: Math.round(x),
          baseline,
          size: fs,
          bold,
          colour: cell.colour ?? '#000',
          estWidth: w,
          limitX: end,
        });
        x += w + fs * WORD_GAP;
      }
      lines = Math.max(lines, line + 1);
    });
    const rowH = lines * lineH;
    if (row.background)
      layout.bars.push({ top: Math.round(y - fs * 0.1), height: Math.round(rowH), colour: row.background });
    if (row.rule) layout.rules.push(Math.round(y + rowH - fs * 0.12));
    if (row.grid && row.grid.length > 0) {
      const xs = row.grid.map((f) => Math.round(margin + f * content + (f >= 1 ? pad : -pad)));
      const [x1, x2] = [Math.min(...xs), Math.max(...xs)];
      const top = Math.round(y - fs * 0.15);
      const bottom = Math.round(y + rowH - fs * 0.05);
      layout.grid.push({ x1, y1: top, x2, y2: top }, ...xs.map((x) => ({ x1: x, y1: top, x2: x, y2: bottom })));
      gridEnd = { x1, y1: bottom, x2, y2: bottom };
    } else {
      closeGrid();
    }
    y += rowH;
  }
  closeGrid();
  return layout;
}
