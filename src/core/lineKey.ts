import type { OcrWord } from './Image.ts';

/** The printed line a word belongs to: block and line ids together (line ids repeat across blocks). */
export function lineKey(word: OcrWord): string {
  return `${word.blockId}/${word.lineId}`;
}
