import type { OcrWord } from '../../core/Image.ts';
import type { QuarterTurn } from './GreyImage.ts';

/** Words read from the page turned clockwise by `turn` degrees, in the turned page's pixels. */
export interface TurnedRead {
  turn: QuarterTurn;
  words: OcrWord[];
}

/**
 * Legible words at which a read is taken as upright without trying other turns. A page the right way
 * up gives dozens (a 1 MP letter: 40-90); a page turned 90° or 270° gives none, and one upside down
 * at most a handful (digits such as 0, 1 and 8 read the same). Sparse pages (a radiograph's corners:
 * 3-7) fall below it and pay for one more read.
 */
export const READS_WELL = 10;
/** Below this, the page is tried sideways too. */
const READS_AS_NOTHING = 3;

/** Words the engine is sure of, with at least three letters or digits in a row: garbage rarely has them. */
export function legibleWordCount(words: readonly OcrWord[]): number {
  return words.filter((w) => w.confidence >= 0.85 && /[\p{L}\p{N}]{3}/u.test(w.text)).length;
}

/**
 * The page's orientation by trying it (tesseract's own OSD needs its legacy engine and another 4 MB
 * of data, and gives up on sparse pages): upright first, which is enough for almost every page; then
 * upside down; then, when neither reads as anything, sideways both ways. The read with the most
 * legible words wins; a tie keeps the earlier, so an upright page is never turned on a coin toss.
 */
export async function readsUpright(read: (turn: QuarterTurn) => Promise<TurnedRead>): Promise<TurnedRead> {
  let best = await read(0);
  let bestScore = legibleWordCount(best.words);
  if (bestScore >= READS_WELL) return best;
  const attempts: QuarterTurn[][] = [[180], [90, 270]];
  for (const [i, turns] of attempts.entries()) {
    if (i > 0 && bestScore >= READS_AS_NOTHING) break;
    for (const turn of turns) {
      const candidate = await read(turn);
      const score = legibleWordCount(candidate.words);
      if (score > bestScore && score >= READS_AS_NOTHING) [best, bestScore] = [candidate, score];
      if (bestScore >= READS_WELL) return best;
    }
  }
  return best;
}
