import type { OcrWord, PixelBox } from '../../core/Image.ts';
import { lineKey } from '../../core/lineKey.ts';
import { cropGrey, enlargeGrey, invertGrey, turnGrey, type GreyImage, type QuarterTurn } from './GreyImage.ts';
import { legibleText } from './readsUpright.ts';
import { STACK_GAP as GAP, stackStrips, stripAt } from './stackStrips.ts';
import { unturnWords } from './unturnWords.ts';

/** A word read with less confidence than this is unsure: its line is read again. */
export const UNSURE = 0.7;
/** Line height (pixels) the engine reads best at; unsure lines are enlarged towards it. */
const GOOD_LINE_HEIGHT = 40;
/** Lines already this close to a good height are not read again: enlarging would not help them. */
const MIN_SCALE = 1.5;
const MAX_SCALE = 4;
/**
 * At most this many lines, and this many pixels of them enlarged, are read again: the second read costs
 * at most about as much as the page's own (a bad scan is all unsure lines; the rest of them stay as read).
 */
const MAX_LINES = 60;
const MAX_STACK_PIXELS = 8_000_000;

/** Reads one grey image (upright, as given) and returns its words in that image's pixels. */
export type ReadImage = (image: GreyImage) => Promise<OcrWord[]>;

interface Strip {
  lineId: string;
  line: readonly OcrWord[];
  crop: PixelBox;
  scale: number;
  image: GreyImage;
  top: number;
}

/**
 * Lines with an unsure word, read again enlarged: small type on a noisy or blurred scan comes out as
 * garbage at its own size ("kamal.sihramanian@anl", confidence 0) and is read right at 3× (an e-mail
 * address, a link, a name). All such lines are cut out, enlarged so a line is ~40 px high, turned as the
 * page was read, stacked one under another with white between them and read in one pass, so a page costs
 * one more read at most. A line's new words replace its old ones when they are read with more confidence.
 * `words` are in the page's pixels; the result too, in the same order. Lines of words that `keep` says
 * are read as well as they can be are left as they are.
 */
export async function rereadUnsureLines(
  grey: GreyImage,
  words: readonly OcrWord[],
  turn: QuarterTurn,
  read: ReadImage,
  keep: (word: OcrWord) => boolean = () => false,
): Promise<OcrWord[]> {
  const strips = await stripsOf(grey, unsureLines(words.filter((w) => !keep(w))), turn);
  if (strips.length === 0) return [...words];
  const stack = stackStrips(strips);
  const found = await read(stack);
  const byLine = new Map<string, OcrWord[]>();
  for (const word of found) {
    const strip = stripAt(strips, word.box.top + word.box.height / 2);
    if (!strip) continue;
    const back = unturnWords(
      [shiftWord(word, -GAP, -strip.top)],
      turn,
      strip.crop.width,
      strip.crop.height,
      strip.scale,
    )[0] as OcrWord;
    const onPage = shiftWord(back, strip.crop.left, strip.crop.top);
    // The crop's margin may catch a neighbouring line's edge: only words on the line itself count.
    if (!onLine(onPage, strip.line, turn)) continue;
    byLine.set(strip.lineId, [...(byLine.get(strip.lineId) ?? []), onPage]);
  }
  return replaceBetterLines(words, byLine, turn);
}

/** Unsure lines' word groups, by line id, with the boxes of their words. */
function unsureLines(words: readonly OcrWord[]): Map<string, OcrWord[]> {
  const lines = new Map<string, OcrWord[]>();
  for (const word of words) lines.set(lineKey(word), [...(lines.get(lineKey(word)) ?? []), word]);
  for (const [key, line] of lines) if (!isUnsureLine(line)) lines.delete(key);
  return new Map([...lines].slice(0, MAX_LINES));
}

/** A line with an unsure word of two letters or digits or more in it. */
function isUnsureLine(line: readonly OcrWord[]): boolean {
  return line.some((w) => w.confidence < UNSURE && /[\p{L}\p{N}]{2}/u.test(w.text));
}

async function stripsOf(grey: GreyImage, lines: Map<string, OcrWord[]>, turn: QuarterTurn): Promise<Strip[]> {
  const strips: Strip[] = [];
  let top = GAP;
  let pixels = 0;
  for (const [lineId, line] of lines) {
    // A line printed sideways is as thick as its words are wide on the page.
    const height = median(line.map((w) => (turn === 90 || turn === 270 ? w.box.width : w.box.height)));
    const scale = Math.min(MAX_SCALE, GOOD_LINE_HEIGHT / Math.max(1, height));
    if (scale < MIN_SCALE) continue;
    const crop = lineCrop(line, grey, height);
    pixels += crop.width * crop.height * scale * scale;
    if (pixels > MAX_STACK_PIXELS) break;
    const cut = cropGrey(grey, crop);
    const image = turnGrey(await enlargeGrey(meanOf(cut) < 128 ? invertGrey(cut) : cut, scale), turn);
    strips.push({ lineId, line, crop, scale, image, top });
    top += image.height + GAP;
  }
  return strips;
}

/** The line's words' bounds with half a line height of margin, inside the page. */
function lineCrop(line: readonly OcrWord[], grey: GreyImage, height: number): PixelBox {
  const margin = Math.ceil(height / 2);
  const left = Math.max(0, Math.floor(Math.min(...line.map((w) => w.box.left)) - margin));
  const top = Math.max(0, Math.floor(Math.min(...line.map((w) => w.box.top)) - margin));
  const right = Math.min(grey.width, Math.ceil(Math.max(...line.map((w) => w.box.left + w.box.width)) + margin));
  const bottom = Math.min(grey.height, Math.ceil(Math.max(...line.map((w) => w.box.top + w.box.height)) + margin));
  return { left, top, width: right - left, height: bottom - top };
}

/** The word's centre lies across the line, between its words' top and bottom (left and right when sideways). */
function onLine(word: OcrWord, line: readonly OcrWord[], turn: QuarterTurn): boolean {
  const sideways = turn === 90 || turn === 270;
  const centre = sideways ? word.box.left + word.box.width / 2 : word.box.top + word.box.height / 2;
  const from = Math.min(...line.map((w) => (sideways ? w.box.left : w.box.top)));
  const to = Math.max(...line.map((w) => (sideways ? w.box.left + w.box.width : w.box.top + w.box.height)));
  return centre >= from && centre <= to;
}

function shiftWord(word: OcrWord, dx: number, dy: number): OcrWord {
  return {
    ...word,
    box: { ...word.box, left: word.box.left + dx, top: word.box.top + dy },
    polygon: word.polygon.map((p) => ({ x: p.x + dx, y: p.y + dy })),
  };
}

/** Each line whose new read is surer replaces its words, in reading order, keeping the line's place and ids. */
function replaceBetterLines(words: readonly OcrWord[], byLine: Map<string, OcrWord[]>, turn: QuarterTurn): OcrWord[] {
  const out: OcrWord[] = [];
  const done = new Set<string>();
  for (const word of words) {
    const key = lineKey(word);
    const fresh = byLine.get(key);
    if (
      !fresh ||
      !surer(
        fresh,
        words.filter((w) => lineKey(w) === key),
      )
    ) {
      out.push(word);
      continue;
    }
    if (done.has(key)) continue;
    done.add(key);
    out.push(
      ...fresh
        .sort((a, b) => alongLine(a, turn) - alongLine(b, turn))
        .map((w) => ({ ...w, lineId: word.lineId, blockId: word.blockId })),
    );
  }
  return out;
}

/**
 * Where a word sits along its line as the line reads, in the page as given: left to right upright; on a
 * page read turned 90° clockwise a line runs up the image (bottom to top), at 270° down it, at 180° right
 * to left.
 */
function alongLine(word: OcrWord, turn: QuarterTurn): number {
  const x = word.box.left + word.box.width / 2;
  const y = word.box.top + word.box.height / 2;
  return turn === 0 ? x : turn === 90 ? -y : turn === 180 ? -x : y;
}

/** More text read surely, by a margin: a tie keeps the first read. */
function surer(fresh: readonly OcrWord[], old: readonly OcrWord[]): boolean {
  return legibleText(fresh) > legibleText(old) * 1.1;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function meanOf(image: GreyImage): number {
  let sum = 0;
  for (const v of image.pixels) sum += v;
  return image.pixels.length === 0 ? 255 : sum / image.pixels.length;
}
