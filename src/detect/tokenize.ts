import { LETTER_RANGES, fastLetters } from './fastLetters.ts';

/** A word or number in the text, with the facts about its spelling the recognizers ask for. */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower case, possessive "'s" removed. */
  key: string;
  /** Letters only (apostrophes allowed inside). */
  alpha: boolean;
  /** "Smith": an upper-case letter followed by at least one lower-case letter. */
  capitalized: boolean;
  /** "SMITH" (two letters or more) or "J". */
  upper: boolean;
  /** First word of a sentence or of a line, where capitals say nothing. */
  sentenceStart: boolean;
  /** Capitalisation carries information on this token's line (mixed-case text). */
  caseInformative: boolean;
}

const WORD = new RegExp(`[0-9${LETTER_RANGES}]+(?:['’][${LETTER_RANGES}]+)*`, 'g');
const SENTENCE_END_CODES = new Set([...'.!?:;\n\r•*>-–(["'].map((ch) => ch.charCodeAt(0)));

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const informative = caseInformativeLines(text);
  let line = 0;
  let lineEnd = text.indexOf('\n');
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    while (lineEnd !== -1 && start > lineEnd) {
      line++;
      lineEnd = text.indexOf('\n', lineEnd + 1);
    }
    const word = match[0];
    const shape = spell(word);
    const lowerCased = shape & ASCII ? asciiLower(word, shape) : word.toLowerCase();
    const alpha = (shape & DIGITS) === 0;
    const hasLower = (shape & LOWER) !== 0;
    const hasUpper = (shape & UPPER) !== 0;
    tokens.push({
      start,
      end: start + word.length,
      text: word,
      key: lowerCased.length > 2 && (shape & APOSTROPHE) !== 0 ? lowerCased.replace(/['’]s$/, '') : lowerCased,
      alpha,
      capitalized: alpha && hasLower && (shape & FIRST_UPPER) !== 0,
      upper: alpha && hasUpper && !hasLower,
      sentenceStart: isSentenceStart(text, start),
      caseInformative: informative[line] ?? true,
    });
  }
  return tokens;
}

// A period after these ends an abbreviation, not a sentence: "Dr. Quenby", "J. Smith", "St. Anne's".
const ABBREVIATION_BEFORE_PERIOD = fastLetters(/(?:^|[^\p{L}])(?:dr|mr|mrs|ms|mx|prof|st|mt|jr|sr|rev|fr|capt|sgt|vs|approx|no|\p{L})$/iu);

const ASCII = 1;
const DIGITS = 2;
const LOWER = 4;
const UPPER = 8;
const FIRST_UPPER = 16;
const APOSTROPHE = 32;

/** One pass over a word's char codes: which kinds of characters it holds. Non-ASCII letters use case mapping. */
function spell(word: string): number {
  let shape = ASCII;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) shape |= LOWER;
    else if (c >= 65 && c <= 90) shape |= i === 0 ? UPPER | FIRST_UPPER : UPPER;
    else if (c >= 48 && c <= 57) shape |= DIGITS;
    else if (c === 39 || c === 0x2019) shape |= APOSTROPHE;
    else {
      shape &= ~ASCII;
      const ch = word[i] as string;
      if (ch !== ch.toLowerCase()) shape |= i === 0 ? UPPER | FIRST_UPPER : UPPER;
      else if (ch !== ch.toUpperCase()) shape |= LOWER;
    }
  }
  return shape;
}

function asciiLower(word: string, shape: number): string {
  return shape & UPPER ? word.toLowerCase() : word;
}

function isSentenceStart(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    // "1. Smith": a list number at a line start.
    if (c >= 48 && c <= 57) return i === 0 || text.charCodeAt(i - 1) === 10 || text.charCodeAt(i - 1) === 13;
    if (c === 46 && ABBREVIATION_BEFORE_PERIOD.test(text.slice(Math.max(0, i - 8), i))) return false;
    return SENTENCE_END_CODES.has(c);
  }
  return true;
}

/**
 * Per line: does capitalisation mean anything? Not in ALL-CAPS or all-lower-case text, which ICU
 * notes often are; there the recognizers lean on word lists and context instead. Short lines take
 * the verdict of the whole text.
 */
function caseInformativeLines(text: string): boolean[] {
  const whole = mixedCase(text);
  // A short line takes the text's verdict, unless it is all capitals ("GARCIA, MARIA T" in a mixed-case note).
  return text.split('\n').map((line) => (line.length >= 40 ? mixedCase(line) : whole && !allCapsWords(line)));
}

function allCapsWords(line: string): boolean {
  return /[A-Z]{2,}[^\n]*[A-Z]{2,}/.test(line) && line === line.toUpperCase();
}

function mixedCase(text: string): boolean {
  let upper = 0;
  let lower = 0;
  let words = 0;
  let capitalizedWords = 0;
  let inWord = false;
  let wordStartUpper = false;
  let wordHasLowerAfterStart = false;
  // One pass over char codes with an ASCII fast path: this runs over every line of every note.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let isUpper = code >= 65 && code <= 90;
    let isLower = code >= 97 && code <= 122;
    if (code > 127 && !isUpper && !isLower) {
      const ch = text[i] as string;
      isUpper = ch !== ch.toLowerCase();
      isLower = !isUpper && ch !== ch.toUpperCase();
    }
    if (isUpper || isLower) {
      if (!inWord) {
        inWord = true;
        words++;
        wordStartUpper = isUpper;
        wordHasLowerAfterStart = false;
      } else if (isLower) wordHasLowerAfterStart = true;
      if (isUpper) upper++;
      else lower++;
    } else if (inWord) {
      if (wordStartUpper && wordHasLowerAfterStart) capitalizedWords++;
      inWord = false;
    }
  }
  if (inWord && wordStartUpper && wordHasLowerAfterStart) capitalizedWords++;
  if (upper + lower === 0) return true;
  if (upper / (upper + lower) > 0.6) return false;
  // Lower-case text: fewer than one word in 40 starts with a capital.
  return words < 8 || capitalizedWords / words >= 0.025;
}
