import type { OcrWord, PixelBox } from '../../core/Image.ts';
import type { Binarization } from './Binarization.ts';
import { enlargement } from './enlargement.ts';
import { eraseRuleLines } from './eraseRuleLines.ts';
import { invertBand, type GreyImage, type QuarterTurn } from './GreyImage.ts';
import { moveWord } from './moveWord.ts';
import { legibleWordCount, type TurnedRead } from './readsUpright.ts';
import { unturnWords } from './unturnWords.ts';

/** One OCR pass over an image turned clockwise by `turn` and enlarged `scale` times (the extractor's read). */
type Read = (grey: GreyImage, turn: QuarterTurn, scale: number, binarization: Binarization) => Promise<TurnedRead>;

/**
 * Reads a dark band of the page again, inverted and enlarged, turned as the page read best: tesseract
 * takes a dark band for a picture and often reads nothing on it (the name, date of birth and MRN in an
 * EHR's banner, a pharmacy's name and phone on a label's black header). The band's new words replace
 * those first read there when more of them are legible; where the engine read the band well itself
 * (large type), its words stay. Words come back in the page's pixels.
 */
export async function rereadDark(
  readImage: Read,
  grey: GreyImage,
  region: PixelBox,
  n: number,
  best: TurnedRead,
  words: OcrWord[],
  grainy: boolean,
): Promise<OcrWord[]> {
  // The band's edges, inverted, are thin dark lines along it: erased like any rule.
  const band = invertBand(grey, region);
  const crop = { ...eraseRuleLines(band), inBand: band.inBand };
  const inside = (w: OcrWord): boolean =>
    centreInside(w.box, region) && crop.inBand(w.box.left + w.box.width / 2, w.box.top + w.box.height / 2);
  // A band is small: it is read at the page's scale and enlarged, and the read with more legible words
  // kept (enlarging helps small type, and hurts a noisy scan's). On a grainy scan each is also read with
  // thresholds per neighbourhood, which keep light, thin type the noise would swallow (a pharmacy's
  // name in a light face on a noisy label: read only that way).
  const scales = [...new Set([best.scale, Math.max(best.scale, enlargement(crop))])];
  const ways: Binarization[] = grainy ? ['otsu', 'sauvola'] : ['otsu'];
  const reads = await Promise.all(
    scales.flatMap((scale) =>
      ways.map(async (way) => {
        const read = await readImage(crop, best.turn, scale, way);
        return unturnWords(read.words, best.turn, crop.width, crop.height, scale)
          .map((w) => moveWord(w, region, `dark${n}`))
          .filter(inside);
      }),
    ),
  );
  const found = reads.reduce((a, b) => (legibleWordCount(b) > legibleWordCount(a) ? b : a));
  if (legibleWordCount(found) <= legibleWordCount(words.filter(inside))) return words;
  const kept = words.filter((w) => !inside(w));
  // Reading order: the band's words go before the first word printed below the band's top (the region's
  // top for a band askew: its words are read left to right).
  const at = kept.findIndex((w) => w.box.top > region.top);
  return at < 0 ? [...kept, ...found] : [...kept.slice(0, at), ...found, ...kept.slice(at)];
}

function centreInside(box: PixelBox, region: PixelBox): boolean {
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  return x >= region.left && x <= region.left + region.width && y >= region.top && y <= region.top + region.height;
}
