import type { Candidate, SafeSpan } from '../Candidate.ts';
import { deaValid, npiValid, ssnValid, vinValid } from '../checksums.ts';
import { hasCueBefore } from '../context.ts';
import { keywordStart, matchAtTokens } from '../matchAtTokens.ts';
import type { Token } from '../tokenize.ts';
import idWords from '../word-lists/recognizeIds.json' with { type: 'json' };

// A label, optional "#"/"no."/":" and then the value. The value must hold a digit. Tried only at
// tokens that can start a label (LABEL_STARTS), with the letters of "MRN12345" standing for the token.
const LABELLED = new RegExp(
  String.raw`(?:${idWords.labelPatterns.join('|')})\s*(?:#|no\.?|number|num|nbr)?\s*[:#=.]?\s*([A-Z0-9][A-Z0-9-/.]*(?:[)(|\]][A-Z0-9-/.]*)?\d[A-Z0-9-]*)`,
  'iy',
);
// "10: 15-272-950", "lD: 4471093": "ID" read as "10", "1D" or "lD" on a scanned page; the value has six
// digits or more.
const MISREAD_ID_LABEL = /(?:^|\n|\|)[ \t]*(?:10|[1l|]D)[ \t]*[:#][ \t]*([A-Z0-9][A-Z0-9-/.]*\d[A-Z0-9-]*)/g;
const LABEL_STARTS = keywordStart(new Set(idWords.labelStarts));
const SSN = /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/g;
// "SS# 412 55 7789": spaced groups only after an SSN label (spaced digits are common elsewhere).
const SSN_SPACED = /\b(?:ssn|ss\s?#|social\s+security(?:\s+(?:no|number|#))?)\s*[:#.]{0,2}\s*(\d{3} \d{2} \d{4})\b/gi;
const LONG_NUMBER = /(?<![\d.,/-])\d{6,}(?![\d.,/]\d|-\d)/g;
const ALPHANUMERIC = /[A-Z]{1,4}-?\d{4,}[A-Z0-9-]*\b|\d{2,}[A-Z]{1,3}\d{3,}[A-Z0-9]*\b/iy;
// Such IDs start at a token with digits in it, or at a short word before "-1234".
const ALPHANUMERIC_START = (token: Token, text: string) =>
  !token.alpha || (token.text.length <= 4 && text[token.end] === '-');
const PLATE =
  /\b(?:plate|tag|licen[cs]e\s+plate|reg(?:istration)?)\s*(?:#|no\.?|number)?\s*[:#]?\s*([A-Z0-9]{1,4}[\s-]?[A-Z0-9]{2,5})\b/gi;

// Medical codes are not PHI: "ICD-10 I10", "CPT 99213", "LOINC 2345-7".
const CODE_CUES = idWords.codeCues;
const NOT_ID_CUES = idWords.notIdCues;

export function recognizeIds(text: string, tokens: readonly Token[], safe: SafeSpan[]): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matchAtTokens(text, tokens, LABELLED, LABEL_STARTS)) {
    const value = (m[1] ?? '').replace(/[-/.]+$/, '');
    if (!/\d/.test(value) || value.length < 4) continue;
    const start = m.index + m[0].length - (m[1] ?? '').length;
    out.push({ start, end: start + value.length, type: 'ID', score: 0.95 });
  }
  for (const m of text.matchAll(MISREAD_ID_LABEL)) {
    const value = (m[1] ?? '').replace(/[-/.]+$/, '');
    if ((value.match(/\d/g)?.length ?? 0) >= 6)
      out.push(idAt(m.index + m[0].length - (m[1] ?? '').length, value, 0.85));
  }
  for (const m of text.matchAll(SSN)) out.push(idAt(m.index, m[0], ssnValid(m[0]) ? 0.97 : 0.75));
  for (const m of text.matchAll(SSN_SPACED))
    out.push(idAt(m.index + m[0].length - (m[1] ?? '').length, m[1] ?? '', 0.95));
  for (const m of text.matchAll(LONG_NUMBER)) {
    if (hasCueBefore(text, m.index, CODE_CUES, 2)) {
      safe.push({ start: m.index, end: m.index + m[0].length });
      continue;
    }
    if (hasCueBefore(text, m.index, NOT_ID_CUES, 1)) continue;
    out.push(idAt(m.index, m[0], npiValid(m[0]) ? 0.9 : 0.75));
  }
  for (const m of matchAtTokens(text, tokens, ALPHANUMERIC, ALPHANUMERIC_START)) {
    if (hasCueBefore(text, m.index, CODE_CUES, 2) || isMedicalToken(m[0]) || isProductOfNumbers(m[0])) continue;
    out.push(idAt(m.index, m[0], 0.7));
  }
  // DEA numbers and VINs have fixed lengths and check digits: test the tokens of those lengths.
  for (const token of tokens) {
    const word = token.text;
    if (
      (word.length === 9 || word.length === 17) &&
      isAsciiAlphanumeric(word) &&
      (word.length === 9 ? deaValid(word) : vinValid(word))
    ) {
      out.push(idAt(token.start, word, 0.95));
    }
  }
  for (const m of text.matchAll(PLATE)) {
    const value = m[1] ?? '';
    if (/\d/.test(value)) out.push(idAt(m.index + m[0].length - value.length, value, 0.85));
  }
  return out;
}

function isAsciiAlphanumeric(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}

function idAt(start: number, value: string, score: number): Candidate {
  return { start, end: start + value.length, type: 'ID', score };
}

/** "14x700x100", "10X5X3": vent settings and dimensions, numbers joined by "x", are measurements. */
function isProductOfNumbers(token: string): boolean {
  return /^\d+(?:\.\d+)?(?:[x×*]\d+(?:\.\d+)?)+$/i.test(token);
}

/** Spine levels, ECG leads, strains and similar tokens that look like IDs ("L4-5", "COVID-19", "H1N1"). */
function isMedicalToken(token: string): boolean {
  return /^(?:covid-?19|sars-?cov-?2|h\d+n\d+|[cltse]\d-[cltse]?\d|hba1c|a1c|t\d{1,2}|g\d+p\d+.*|ca-?\d{2,3}(?:-\d)?|cd\d+|il-?\d+|x\d+|q\d+h?)$/i.test(
    token,
  );
}
