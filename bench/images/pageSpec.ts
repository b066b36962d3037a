import { type Fragment, isPhiPiece } from '../corpus/NoteBuilder.ts';
import type { PhiType } from '../corpus/types.ts';

/** A stretch of text; PHI runs carry their type (correct by construction, like the text corpus). */
export interface Run {
  text: string;
  type?: PhiType;
}

/** Text starting at `at` (0-1 of the content width). `wrap`: flows onto further lines up to the right margin. */
export interface Cell {
  at: number;
  runs: Run[];
  bold?: boolean;
  colour?: string;
  wrap?: boolean;
  /** `right`: the words end at the cell's right edge (the next cell's start, or the right margin). Not with `wrap`. */
  align?: 'left' | 'right';
}

/** One line of the page (more when a cell wraps). Decorations are drawn in the final image only. */
export interface Row {
  cells: Cell[];
  /** Font size factor (titles). */
  scale?: number;
  /** Full-width bar behind the row (EHR header, tabs). */
  background?: string;
  /** A light rule under the row (tables, form fields). */
  rule?: boolean;
  /** Extra space before the row, in line heights. */
  gapBefore?: number;
  /**
   * Table grid lines around the row: a horizontal line above it and vertical lines just before each of these
   * starts (0-1 of the content width; include 0 and 1 for the outer borders). The last grid row of a run of
   * grid rows also gets the line below it. Lines are mid grey (#555), a gap of 0.2 em or more from the text.
   */
  grid?: number[];
  /** This row and the ones after it are laid out against the bottom margin (radiograph corners, footers). */
  fromBottom?: boolean;
}

/** Turns a corpus Fragment (strings and PhiPieces) into runs. */
export function runs(...fragments: Fragment[]): Run[] {
  const out: Run[] = [];
  const walk = (f: Fragment): void => {
    if (typeof f === 'string' || typeof f === 'number') out.push({ text: String(f) });
    else if (isPhiPiece(f)) out.push({ text: f.text, type: f.type });
    else for (const part of f as readonly Fragment[]) walk(part);
  };
  fragments.forEach(walk);
  return out;
}

export function cell(at: number, fragments: Fragment | Fragment[], extra: Omit<Cell, 'at' | 'runs'> = {}): Cell {
  return { at, runs: runs(fragments as Fragment), ...extra };
}

/** A labelled field: bold label at `at`, value at `valueAt`. */
export function field(at: number, label: string, valueAt: number, value: Fragment): Cell[] {
  return [cell(at, label, { bold: true }), cell(valueAt, value)];
}

export interface SpecWord {
  text: string;
  type?: PhiType;
}

/**
 * Splits runs into words at whitespace. A word made of several runs ("Lee," = PHI "Lee" + ",") is PHI
 * when any of its characters is: OCR reads it as one word, and covering it covers the PHI.
 */
export function splitWords(cellRuns: readonly Run[]): SpecWord[] {
  const words: SpecWord[] = [];
  let text = '';
  let type: PhiType | undefined;
  const flush = () => {
    if (text) words.push(type ? { text, type } : { text });
    text = '';
    type = undefined;
  };
  for (const run of cellRuns) {
    for (const ch of run.text) {
      if (/\s/u.test(ch)) flush();
      else {
        text += ch;
        type ??= run.type;
      }
    }
  }
  flush();
  return words;
}
