import type { OcrWord, PixelBox } from '../../core/Image.ts';
import { samePlace } from './addMissedLines.ts';
import { legibleText } from './readsUpright.ts';
import { findUnreadInk, typeMarks } from './findUnreadInk.ts';
import type { Mark } from './labelMarks.ts';
import { cropGrey, enlargeGrey, stretchGrey, turnGrey, type GreyImage, type QuarterTurn } from './GreyImage.ts';
import { STACK_GAP as GAP, stackStrips, stripAt, type StackedStrip } from './stackStrips.ts';
import { unturnWords } from './unturnWords.ts';

/** Line height (pixels) the engine reads best at; a line is enlarged towards it, at most MAX_SCALE times. */
const GOOD_LINE_HEIGHT = 40;
const MAX_SCALE = 4;
/** At most this many lines, and this many pixels of them enlarged, are read: one more read of a page at most. */
const MAX_LINES = 40;
const MAX_STACK_PIXELS = 6_000_000;
/** A line with less text than this (confidence × letters and digits) is specks read as marks. */
const MIN_LINE_TEXT = 3;
/** New words replace the words under them when they hold this many times their text. */
const SURER = 1.1;

/** Reads one grey image (upright, as given) and returns its words in that image's pixels. */
export type ReadImage = (image: GreyImage) => Promise<OcrWord[]>;

interface Strip extends StackedStrip {
  line: PixelBox;
  crop: PixelBox;
  scale: number;
}

/**
 * Reads the lines of type that no word was read from (findUnreadInk.ts), each cut out with its own
 * contrast stretched to the full range and enlarged, all stacked in one image and read in one pass, and
 * adds the words found there. `words` are in the page's pixels, read with the page turned clockwise by
 * `turn`; lines are looked for on the page turned the same way, where they run across.
 */
export async function readUnreadInk(
  grey: GreyImage,
  words: readonly OcrWord[],
  turn: QuarterTurn,
  read: ReadImage,
  upright: GreyImage = turnGrey(grey, turn),
  marks: readonly Mark[] = typeMarks(upright),
): Promise<OcrWord[]> {
  const back = ((360 - turn) % 360) as QuarterTurn;
  const uprightWords = unturnWords(words, back, upright.width, upright.height);
  const strips = await stripsOf(upright, findUnreadInk(upright, uprightWords, marks));
  if (strips.length === 0) return [...words];
  const found: OcrWord[] = [];
  for (const word of await read(stackStrips(strips))) {
    const strip = stripAt(strips, word.box.top + word.box.height / 2);
    if (!strip) continue;
    const onPage = fromStrip(word, strip);
    // The crop's margin may catch a neighbouring line's edge: only words on the line itself count.
    const middle = onPage.box.top + onPage.box.height / 2;
    if (middle >= strip.line.top && middle <= strip.line.top + strip.line.height)
      found.push({ ...onPage, lineId: `${strips.indexOf(strip)}`, blockId: `${strips.indexOf(strip)}` });
  }
  return withLinesRead([...words], unturnWords(found, turn, grey.width, grey.height));
}

/**
 * Each strip's words, placed in reading order, in place of the page's words they overlap (specks and
 * fragments read as "4" where a date is) when they hold more text read surely; a strip that does not is
 * left out.
 */
function withLinesRead(words: OcrWord[], found: readonly OcrWord[]): OcrWord[] {
  let out = words;
  for (const id of new Set(found.map((w) => w.lineId))) {
    const line = found.filter((w) => w.lineId === id);
    const under = out.filter((w) => line.some((f) => samePlace(w, f)));
    if (legibleText(line) < MIN_LINE_TEXT || legibleText(line) <= SURER * legibleText(under)) continue;
    const kept = out.filter((w) => !under.includes(w));
    const top = Math.min(...line.map((w) => w.box.top));
    const at = kept.findIndex((w) => w.box.top > top);
    const added = line.map((w) => ({ ...w, lineId: `ink.${id}`, blockId: `ink.${id}` }));
    out = at < 0 ? [...kept, ...added] : [...kept.slice(0, at), ...added, ...kept.slice(at)];
  }
  return out;
}

async function stripsOf(image: GreyImage, lines: readonly PixelBox[]): Promise<Strip[]> {
  const strips: Strip[] = [];
  let top = GAP;
  let pixels = 0;
  for (const line of lines.slice(0, MAX_LINES)) {
    const scale = Math.min(MAX_SCALE, Math.max(1, GOOD_LINE_HEIGHT / line.height));
    const crop = withMargin(line, Math.ceil(line.height / 2), image);
    pixels += crop.width * crop.height * scale * scale;
    if (pixels > MAX_STACK_PIXELS) break;
    const strip = await enlargeGrey(stretchGrey(cropGrey(image, crop)), scale);
    strips.push({ line, crop, scale, image: strip, top });
    top += strip.height + GAP;
  }
  return strips;
}

function withMargin(box: PixelBox, margin: number, image: GreyImage): PixelBox {
  const left = Math.max(0, box.left - margin);
  const top = Math.max(0, box.top - margin);
  const right = Math.min(image.width, box.left + box.width + margin);
  const bottom = Math.min(image.height, box.top + box.height + margin);
  return { left, top, width: right - left, height: bottom - top };
}

/** A word read on the stack, moved back onto the (upright) page. */
function fromStrip(word: OcrWord, strip: Strip): OcrWord {
  const move = (x: number, y: number): { x: number; y: number } => ({
    x: (x - GAP) / strip.scale + strip.crop.left,
    y: (y - strip.top) / strip.scale + strip.crop.top,
  });
  const topLeft = move(word.box.left, word.box.top);
  return {
    ...word,
    box: {
      left: topLeft.x,
      top: topLeft.y,
      width: word.box.width / strip.scale,
      height: word.box.height / strip.scale,
    },
    polygon: word.polygon.map((p) => move(p.x, p.y)),
  };
}
