import type { OcrWord } from '../../core/Image.ts';
import { lineKey } from '../../core/lineKey.ts';
import { legibleText } from './readsUpright.ts';

/** A run with less text than this (confidence × letters and digits) is specks read as marks: not added. */
const MIN_RUN_TEXT = 3;
/** Share of the smaller box two words must share to be the same place on the page. */
const SAME_PLACE = 0.3;

/**
 * The words of `first`, with the words of `second` that lie where `first` read nothing (runs of them
 * along a line), each run placed in reading order before the first word printed below its top. Both
 * reads are of the same image (same pixels). Nothing of `first` is replaced: where both read text, the
 * first read stands (on exploration pages, replacing lines by the surer read lost as many PHI words as it
 * won); the second read only finds what the first missed. Added runs keep their own line and block ids
 * under `prefix`, apart from the first read's.
 */
export function addMissedLines(first: readonly OcrWord[], second: readonly OcrWord[], prefix: string): OcrWord[] {
  let out = [...first];
  const missed = linesOf(second).flatMap((line) =>
    runsOver(line, (word) => !first.some((other) => samePlace(word, other))),
  );
  missed.forEach((run, n) => {
    if (legibleText(run) < MIN_RUN_TEXT) return;
    const top = Math.min(...run.map((w) => w.box.top));
    const at = out.findIndex((w) => w.box.top > top);
    const added = run.map((w) => ({
      ...w,
      lineId: `${prefix}.${w.lineId}.${n}`,
      blockId: `${prefix}.${w.blockId}.${n}`,
    }));
    out = at < 0 ? [...out, ...added] : [...out.slice(0, at), ...added, ...out.slice(at)];
  });
  return out;
}

function linesOf(words: readonly OcrWord[]): OcrWord[][] {
  const lines = new Map<string, OcrWord[]>();
  for (const word of words) {
    lines.set(lineKey(word), [...(lines.get(lineKey(word)) ?? []), word]);
  }
  return [...lines.values()];
}

/**
 * The runs of consecutive words of a line that pass `test` ("Rx# 51876244 … Filled: 23-Aug-2012" with
 * only its left part read the first time gives the right part).
 */
function runsOver(line: readonly OcrWord[], test: (word: OcrWord) => boolean): OcrWord[][] {
  const runs: OcrWord[][] = [];
  let current: OcrWord[] = [];
  for (const word of line) {
    if (test(word)) current.push(word);
    else if (current.length > 0) {
      runs.push(current);
      current = [];
    }
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

export function samePlace(a: OcrWord, b: OcrWord): boolean {
  const width = Math.min(a.box.left + a.box.width, b.box.left + b.box.width) - Math.max(a.box.left, b.box.left);
  const height = Math.min(a.box.top + a.box.height, b.box.top + b.box.height) - Math.max(a.box.top, b.box.top);
  return (
    width > 0 &&
    height > 0 &&
    width * height >= SAME_PLACE * Math.min(a.box.width * a.box.height, b.box.width * b.box.height)
  );
}
