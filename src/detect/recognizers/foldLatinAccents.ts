/** Latin letters with accents (Latin-1 Supplement and Latin Extended-A and B). */
const ACCENTED = /[\u00C0-\u024F]/g;

/**
 * The text with each accented Latin letter replaced by its base letter, one character for one, so that offsets
 * found in the result hold in the text ("Peñalosa" → "Penalosa"; "ß", "æ", "ø" and others with no base letter
 * of their own stay).
 */
export function foldLatinAccents(text: string): string {
  return text.replace(ACCENTED, (c) => {
    const base = c.normalize('NFD')[0] ?? c;
    return base.length === 1 && base !== c ? base : c;
  });
}
