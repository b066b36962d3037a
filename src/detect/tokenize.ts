import { fastLetters } from './fastLetters.ts';

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

const SENTENCE_END_CODES = new Set([...'.!?:;\n\r•*>-–(["'].map((ch) => ch.charCodeAt(0)));

/**
 * Words and numbers: runs of letters and digits, with inner apostrophes before letters ("O'Neill",
 * "patient's"). A scan over char codes: it is the same as the pattern `[0-9\p{L}]+(?:['’]\p{L}+)*` with
 * LETTER_RANGES, and several times faster, and every note goes through it.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const informative = caseInformativeLines(text);
  let line = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (!isWordCode(c)) {
      i++;
      continue;
    }
    const start = i;
    i = wordEnd(text, i + 1);
    tokens.push(makeToken(text, start, i, informative[line] ?? true));
  }
  return tokens;
}

/** The end of the word whose first char is before `i`: letters and digits, then apostrophe-letter groups. */
function wordEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n && isWordCode(text.charCodeAt(i))) i++;
  while (i + 1 < n) {
    const c = text.charCodeAt(i);
    if ((c !== 39 && c !== 0x2019) || !isLetterCode(text.charCodeAt(i + 1))) break;
    i += 2;
    while (i < n && isLetterCode(text.charCodeAt(i))) i++;
  }
  return i;
}

function makeToken(text: string, start: number, end: number, caseInformative: boolean): Token {
  const word = text.slice(start, end);
  const shape = spell(word);
  const lowerCased = shape & ASCII ? asciiLower(word, shape) : word.toLowerCase();
  const alpha = (shape & DIGITS) === 0;
  const hasLower = (shape & LOWER) !== 0;
  const hasUpper = (shape & UPPER) !== 0;
  return {
    start,
    end,
    text: word,
    key: lowerCased.length > 2 && (shape & APOSTROPHE) !== 0 ? lowerCased.replace(/['’]s$/, '') : lowerCased,
    alpha,
    capitalized: alpha && hasLower && (shape & FIRST_UPPER) !== 0,
    upper: alpha && hasUpper && !hasLower,
    sentenceStart: isSentenceStart(text, start),
    caseInformative,
  };
}

/** LETTER_RANGES as a test on one UTF-16 code. */
export function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x1fff) ||
    (c >= 0x2c00 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xffef)
  );
}

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || isLetterCode(c);
}

// A period after these ends an abbreviation, not a sentence: "Dr. Quenby", "J. Smith", "St. Anne's".
const ABBREVIATION_BEFORE_PERIOD = fastLetters(
  /(?:^|[^\p{L}])(?:dr|mr|mrs|ms|mx|prof|st|mt|jr|sr|rev|fr|capt|sgt|vs|approx|no|\p{L})$/iu,
);

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
 * the verdict of the whole text. One pass counts letters per line; the whole text's counts are their sums.
 */
export function caseInformativeLines(text: string): boolean[] {
  const lines = countCasePerLine(text);
  const whole = lines.reduce(addCounts, { upper: 0, lower: 0, words: 0, capitalizedWords: 0, start: 0, end: 0 });
  const wholeMixed = isMixedCase(whole);
  // A short line takes the text's verdict, unless it is all capitals ("GARCIA, MARIA T" in a mixed-case note).
  return lines.map((c) =>
    c.end - c.start >= 40 ? isMixedCase(c) : wholeMixed && !allCapsWords(text.slice(c.start, c.end)),
  );
}

interface CaseCounts {
  upper: number;
  lower: number;
  words: number;
  capitalizedWords: number;
  start: number;
  end: number;
}

function addCounts(sum: CaseCounts, c: CaseCounts): CaseCounts {
  sum.upper += c.upper;
  sum.lower += c.lower;
  sum.words += c.words;
  sum.capitalizedWords += c.capitalizedWords;
  return sum;
}

function isMixedCase(c: CaseCounts): boolean {
  if (c.upper + c.lower === 0) return true;
  if (c.upper / (c.upper + c.lower) > 0.6) return false;
  // Lower-case text: fewer than one word in 40 starts with a capital.
  // A short text with no capital at all ("signed: t. whitacre, rn") says nothing by its case either.
  if (c.words < 8) return c.upper > 0;
  return c.capitalizedWords / c.words >= 0.025;
}

function allCapsWords(line: string): boolean {
  return /[A-Z]{2,}[^\n]*[A-Z]{2,}/.test(line) && line === line.toUpperCase();
}

/** Letters by case, words, and capitalised words, per line, in one pass over char codes (ASCII fast path). */
export function countCasePerLine(text: string): CaseCounts[] {
  const lines: CaseCounts[] = [];
  let upper = 0;
  let lower = 0;
  let words = 0;
  let capitalizedWords = 0;
  let lineStart = 0;
  // 0: between words; 1: in a word that began with a capital; 2: such a word with a lower-case letter after it; 3: other words.
  let state = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    let kind = code >= 97 && code <= 122 ? 1 : code >= 65 && code <= 90 ? 2 : 0;
    if (code > 127) kind = caseOf(code);
    if (kind === 1) {
      lower++;
      if (state === 0) {
        words++;
        state = 3;
      } else if (state === 1) state = 2;
    } else if (kind === 2) {
      upper++;
      if (state === 0) {
        words++;
        state = 1;
      }
    } else {
      if (state === 2) capitalizedWords++;
      state = 0;
      if (code === 10) {
        lines.push({ upper, lower, words, capitalizedWords, start: lineStart, end: i });
        upper = lower = words = capitalizedWords = 0;
        lineStart = i + 1;
      }
    }
  }
  if (state === 2) capitalizedWords++;
  lines.push({ upper, lower, words, capitalizedWords, start: lineStart, end: n });
  return lines;
}

/** 1 for a lower-case letter, 2 for an upper-case one, 0 otherwise, by case mapping. */
function caseOf(code: number): number {
  const ch = String.fromCharCode(code);
  if (ch !== ch.toLowerCase()) return 2;
  return ch !== ch.toUpperCase() ? 1 : 0;
}
