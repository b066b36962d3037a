import type { OcrWord, PixelBox } from '../../core/Image.ts';
import { addMissedLines } from './addMissedLines.ts';
import { besideBand, blankBands } from './blankBands.ts';
import { cropGrey, type GreyImage, type QuarterTurn } from './GreyImage.ts';
import { moveWord } from './moveWord.ts';
import type { TurnedRead } from './readsUpright.ts';
import { unturnWords } from './unturnWords.ts';

/** Least strip read on either side of a dark band for the lines beside it: two lines of 14 px type. */
const BESIDE_BAND_PX = 40;

/**
 * Reads the lines beside each dark band again with the bands painted out, and adds those the page's
 * read missed (blankBands.ts says why the engine misses them). Only a strip around each band is read:
 * twice the band's thickness on either side, at least BESIDE_BAND_PX. `readImage` is the extractor's read.
 */
export async function readBesideBands(
  readImage: (grey: GreyImage, turn: QuarterTurn, scale: number) => Promise<TurnedRead>,
  grey: GreyImage,
  bands: readonly PixelBox[],
  best: TurnedRead,
  words: OcrWord[],
): Promise<OcrWord[]> {
  const blanked = blankBands(grey, bands);
  const across = best.turn % 180 === 0 ? 'vertical' : 'horizontal';
  let out = words;
  for (const [n, band] of bands.entries()) {
    const thickness = across === 'vertical' ? band.height : band.width;
    const strip = besideBand(band, Math.max(2 * thickness, BESIDE_BAND_PX), across, grey);
    const crop = cropGrey(blanked, strip);
    const read = await readImage(crop, best.turn, best.scale);
    const found = unturnWords(read.words, best.turn, crop.width, crop.height, best.scale).map((w) =>
      moveWord(w, strip, `beside${n}`),
    );
    out = addMissedLines(out, found, 'beside');
  }
  return out;
}
