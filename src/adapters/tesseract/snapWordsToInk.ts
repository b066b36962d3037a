import type { OcrWord, PixelBox, Point } from '../../core/Image.ts';
import type { Mark } from './labelMarks.ts';

/** Marks of a word overlap its line vertically by this share of the smaller height. */
const SAME_LINE_OVERLAP = 0.5;
/** Letters of one word lie at most this share of their line's mark height apart (a space is about twice that). */
const LETTER_GAP = 0.25;
const MIN_LETTER_GAP_PX = 2;
/** A box this many times as high as the marks under it spans lines: it is left as it is. */
const MAX_BOX_HEIGHTS = 1.6;
/** A word's box grows by at most this many of its marks' heights on either side. */
const MAX_GROWTH_HEIGHTS = 2;
/** findUnreadInk's tallest type mark (px). */
const MAX_MARK_HEIGHT = 60;

/**
 * Each word's box and outline grown to the ink marks of its letters (type marks of the page as findUnreadInk
 * finds them, in the same pixels as `words`): the marks its box touches, and the marks beside those no wider
 * apart than letters are, up to the next word's box. On light type under grain tesseract's boxes hold only the
 * darkest strokes ("Salem" boxed 24 × 6 px over 44 × 12 px of ink, its first letter outside), and a mask drawn
 * on them leaves part of the word legible. Boxes only grow; a word with no mark under it is left as it is. (On a
 * page read turned, words go back onto the page with their boxes the bounds of their outlines, as every word does.)
 */
export function snapWordsToInk(words: readonly OcrWord[], marks: readonly Mark[]): OcrWord[] {
  const byTop = [...marks].sort((a, b) => a.top - b.top);
  return words.map((word, i) => {
    const grown = inkBox(word.box, marksNear(byTop, word.box), words, i);
    return grown ? grow(word, grown) : word;
  });
}

/** The marks (sorted by top) that reach into the box's rows: a type mark is at most MAX_MARK_HEIGHT px high. */
function marksNear(byTop: readonly Mark[], box: PixelBox): Mark[] {
  let low = 0;
  let high = byTop.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((byTop[mid] as Mark).top < box.top - MAX_MARK_HEIGHT) low = mid + 1;
    else high = mid;
  }
  const out: Mark[] = [];
  for (let k = low; k < byTop.length && (byTop[k] as Mark).top < box.top + box.height; k++) out.push(byTop[k] as Mark);
  return out;
}

function inkBox(box: PixelBox, near: readonly Mark[], words: readonly OcrWord[], self: number): PixelBox | undefined {
  const right = box.left + box.width - 1;
  const bottom = box.top + box.height - 1;
  const onLine = near.filter((m) => sameLine(m, box.top, bottom));
  const touched = onLine.filter((m) => m.right >= box.left - 1 && m.left <= right + 1);
  if (touched.length === 0) return undefined;
  const height = median(touched.map((m) => m.bottom - m.top + 1));
  // A box over several lines' letters (the engine's junk on small tilted type) is no word to grow.
  if (box.height > MAX_BOX_HEIGHTS * height) return undefined;
  const gap = Math.max(MIN_LETTER_GAP_PX, Math.round(LETTER_GAP * height));
  const reach = { left: box.left - MAX_GROWTH_HEIGHTS * height, right: right + MAX_GROWTH_HEIGHTS * height };
  // The boxes of the words beside it (those whose rows come within a mark's height of its own).
  const others = words
    .filter(
      (w, k) =>
        k !== self && w.box.top <= bottom + MAX_MARK_HEIGHT && w.box.top + w.box.height > box.top - MAX_MARK_HEIGHT,
    )
    .map((w) => w.box);
  // A mark is the word's only within reach and not centred in another word (blur runs words into one mark).
  const isOwn = (m: Mark): boolean => m.left >= reach.left && m.right <= reach.right && !inOtherWord(m, others);
  const under = touched.filter(isOwn);
  if (under.length === 0) return undefined;
  const taken = new Set(under);
  // Letters chain from the box's edges too: where the engine drew them there is ink, if too faint to be a mark.
  let span = {
    left: Math.min(box.left, ...under.map((m) => m.left)),
    right: Math.max(right, ...under.map((m) => m.right)),
  };
  for (let added = true; added;) {
    added = false;
    for (const m of onLine) {
      if (taken.has(m) || !isOwn(m)) continue;
      const beside = m.right >= span.left - gap - 1 && m.left <= span.right + gap + 1;
      if (!beside) continue;
      taken.add(m);
      span = { left: Math.min(span.left, m.left), right: Math.max(span.right, m.right) };
      added = true;
    }
  }
  const ink = [...taken];
  const top = Math.min(box.top, ...ink.map((m) => m.top));
  const low = Math.max(bottom, ...ink.map((m) => m.bottom));
  const left = Math.min(box.left, span.left);
  return { left, top, width: Math.max(right, span.right) - left + 1, height: low - top + 1 };
}

function sameLine(m: Mark, top: number, bottom: number): boolean {
  const overlap = Math.min(m.bottom, bottom) - Math.max(m.top, top) + 1;
  return overlap >= SAME_LINE_OVERLAP * Math.min(m.bottom - m.top + 1, bottom - top + 1);
}

function inOtherWord(m: Mark, boxes: readonly PixelBox[]): boolean {
  const x = (m.left + m.right) / 2;
  const y = (m.top + m.bottom) / 2;
  return boxes.some((b) => x >= b.left && x < b.left + b.width && y >= b.top && y < b.top + b.height);
}

/** The word with its box `to` and its outline's corners moved out by as much as the box grew on each side. */
function grow(word: OcrWord, to: PixelBox): OcrWord {
  const { box } = word;
  const delta = {
    left: box.left - to.left,
    top: box.top - to.top,
    right: to.left + to.width - (box.left + box.width),
    bottom: to.top + to.height - (box.top + box.height),
  };
  if (delta.left <= 0 && delta.top <= 0 && delta.right <= 0 && delta.bottom <= 0) return word;
  const cx = box.left + box.width / 2;
  const cy = box.top + box.height / 2;
  const polygon = word.polygon.map((p): Point => ({
    x: p.x < cx ? p.x - Math.max(0, delta.left) : p.x + Math.max(0, delta.right),
    y: p.y < cy ? p.y - Math.max(0, delta.top) : p.y + Math.max(0, delta.bottom),
  }));
  // The box, which lays the page's text out in lines and cells, grows along the line only: a word's letters
  // reach as far as the next word, but a speck or a rule's remnant above them would move it to another line.
  return { ...word, box: { ...to, top: box.top, height: box.height }, polygon };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
