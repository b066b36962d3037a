import type { OcrWord, PixelBox } from '../../core/Image.ts';

/** A word read on a crop, moved onto the page; its line and block ids kept apart from the page's own. */
export function moveWord(word: OcrWord, region: PixelBox, prefix: string): OcrWord {
  return {
    ...word,
    box: { ...word.box, left: word.box.left + region.left, top: word.box.top + region.top },
    polygon: word.polygon.map((p) => ({ x: p.x + region.left, y: p.y + region.top })),
    lineId: `${prefix}.${word.lineId}`,
    blockId: `${prefix}.${word.blockId}`,
  };
}
