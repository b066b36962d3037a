/**
 * Letter ranges spelled out: Latin, Latin-1 and Latin Extended, Greek, Cyrillic, Hebrew, Arabic, Indic,
 * CJK and others, without the punctuation blocks (U+2000-U+2BFF). V8 runs `\p{L}` with the `u` flag
 * several times slower, and these patterns run over every note.
 */
export const LETTER_RANGES = 'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u1FFF\\u2C00-\\uD7FF\\uF900-\\uFFEF';

/** Rewrites `\p{L}` (and `\p{N}`) in a pattern to explicit ranges and drops the `u` flag. */
export function fastLetters(re: RegExp): RegExp {
  let source = '';
  let inClass = false;
  for (let i = 0; i < re.source.length; i++) {
    const ch = re.source[i] as string;
    if (ch === '\\') {
      const next = re.source.slice(i, i + 5);
      if (next === '\\p{L}' || next === '\\p{N}') {
        const ranges = next === '\\p{L}' ? LETTER_RANGES : '0-9';
        source += inClass ? ranges : `[${ranges}]`;
        i += 4;
        continue;
      }
      source += re.source.slice(i, i + 2);
      i++;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    source += ch;
  }
  return new RegExp(source, re.flags.replace('u', ''));
}
