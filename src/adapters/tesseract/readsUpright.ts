import type { OcrWord } from '../../core/Image.ts';
import type { QuarterTurn } from './GreyImage.ts';

/** Words read from the page turned clockwise by `turn` degrees and enlarged `scale` times, in that image's pixels. */
export interface TurnedRead {
  turn: QuarterTurn;
  scale: number;
  words: OcrWord[];
}

export type ReadPage = (turn: QuarterTurn, scale: number) => Promise<TurnedRead>;

/**
 * Legible words at which a read is taken as upright without trying other turns. A page the right way
 * up gives dozens (a 1 MP letter: 40-90); a page turned 90° or 270° gives none, and one upside down
 * at most a handful (digits such as 0, 1 and 8 read the same). Sparse pages (a radiograph's corners:
 * 3-7) fall below it and pay for one more read.
 */
export const READS_WELL = 10;
/**
 * An upright page reads mostly as legible words (60-70 % on exploration pages, 14 % on the noisiest); one upside
 * down gives a few by chance, and large type a dozen or more ("uo oydis", "Aue pamoys": 14 of 196 words on a
 * discharge summary at 21 px, which READS_WELL alone took for upright). Under this share the page is read
 * upside down too, and the read with more legible words kept.
 */
const MOSTLY_LEGIBLE = 0.2;
/** Below this, the page is tried sideways too. */
const READS_AS_NOTHING = 3;
/**
 * Type smaller than this (pixels, see typeSize: about 10-11 px type, 12-14 px in a narrow face) is read again
 * enlarged: tesseract finds and binarises lines of such small type badly, worst light on dark (11-12 px
 * corner text on a radiograph: 0-4 of 12 words at 1×, 12 of 12 at 2×).
 */
export const SMALL_TEXT_PX = 12;

/** Words the engine is sure of, with at least three letters or digits in a row: garbage rarely has them. */
export function legibleWordCount(words: readonly OcrWord[]): number {
  return legibleWords(words).length;
}

/**
 * How much text a read holds, weighed by the engine's confidence: the sum over words of confidence times
 * letters and digits. Two reads of one page (or line) compare by it: the one with more text read surely wins.
 */
export function legibleText(words: readonly OcrWord[]): number {
  return words.reduce((sum, w) => sum + w.confidence * (w.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0), 0);
}

function legibleWords(words: readonly OcrWord[]): OcrWord[] {
  return words.filter((w) => w.confidence >= 0.85 && /[\p{L}\p{N}]{3}/u.test(w.text));
}

/**
 * The size of the page's type: the median over legible words of each word's height, or of 1.9 times its
 * mean letter width when that is less (specks and blur stuck to a word make its box tall: 10 px type on a
 * noisy fax gave 28 px boxes, letters 5-6 px wide). In pixels of the page as given; undefined with fewer
 * than 3 legible words.
 */
function typeSize(read: TurnedRead): number | undefined {
  const sizes = legibleWords(read.words)
    .map((w) => Math.min(w.box.height, (1.9 * w.box.width) / Math.max(1, [...w.text].length)) / read.scale)
    .sort((a, b) => a - b);
  return sizes.length < READS_AS_NOTHING ? undefined : sizes[Math.floor(sizes.length / 2)];
}

/**
 * The read to keep, trying the page's orientation and type size (tesseract's own OSD needs its legacy
 * engine and another 4 MB of data, and gives up on sparse pages). Upright first, which is enough for
 * almost every page; upside down when it reads badly; sideways both ways when neither reads as anything.
 * Whichever turn wins is read again enlarged when its type is small; a page that reads as nothing any
 * way round is tried enlarged upright and upside down, for type too small to read at all. The read with the most legible words wins; a tie keeps
 * the earlier, so an upright page is never turned on a coin toss. `enlargeBy` is 1 when the page is too
 * large to enlarge.
 */
export async function readsUpright(read: ReadPage, enlargeBy: number): Promise<TurnedRead> {
  const best = new BestRead(await read(0, 1));
  if (best.score < READS_WELL || best.score < MOSTLY_LEGIBLE * best.read.words.length)
    best.consider(await read(180, 1));
  // Both sideways turns are read: the wrong one is the right one upside down, and large clear type read
  // upside down still gives a dozen "legible" words ("sajesop" for "Morales"), enough to stop at.
  if (best.score < READS_AS_NOTHING) for (const turn of [90, 270] as const) best.consider(await read(turn, 1));
  const size = typeSize(best.read);
  if (enlargeBy > 1 && size !== undefined && size < SMALL_TEXT_PX) best.consider(await read(best.read.turn, enlargeBy));
  if (best.score >= READS_AS_NOTHING || enlargeBy === 1) return best.read;
  for (const turn of [0, 180] as const) {
    best.consider(await read(turn, enlargeBy));
    if (best.score >= READS_WELL) break;
  }
  return best.read;
}

class BestRead {
  score: number;
  constructor(public read: TurnedRead) {
    this.score = legibleWordCount(read.words);
  }

  /** Keeps `candidate` when it reads better. */
  consider(candidate: TurnedRead): void {
    const score = legibleWordCount(candidate.words);
    if (score > this.score && score >= READS_AS_NOTHING) [this.read, this.score] = [candidate, score];
  }
}
