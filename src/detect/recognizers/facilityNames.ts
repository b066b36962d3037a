import type { Candidate } from '../Candidate.ts';
import { fastLetters } from '../fastLetters.ts';
import { keywordStart, matchAtTokens } from '../matchAtTokens.ts';
import { FUNCTION_WORDS } from '../nameCues.ts';
import type { Token } from '../tokenize.ts';
import addressWords from '../word-lists/recognizeAddresses.json' with { type: 'json' };
import type { AddressLexicon } from './AddressLexicon.ts';

// Named care facilities and organisations: one to five name words before a facility word.
const FACILITY_WORD = `(?:${addressWords.facilityWordPatterns.join('|')})`;
// Facility words are found first, then the naming words before them on the same line: scanning from
// every word for up to five names and a facility word costs far more on long notes. The pattern is
// tried only at tokens that can start it (FACILITY_STARTS).
const FACILITY_AT = new RegExp(`${FACILITY_WORD}\\b(?:\\s+(?:of|at)\\s+[A-Z][A-Za-z]+(?:\\s+[A-Z][A-Za-z]+)?)?`, 'iy');
const FACILITY_STARTS = keywordStart(new Set(addressWords.facilityStarts));
const NAME_WORD = fastLetters(/^(?:\p{L}[\p{L}'’&.-]*|&)$/u);
const STRONG_FACILITY =
  /(?:hospital|cent(?:er|re)|clinic|pediatrics|infirmary|nursing\s+home|rehab\w*|hospice|manor|institute|group|associates|partners|practice|living|care|home|healthcare|health|system|pharmacy|apothecary|drugs?|drugstore|chemists?|medicine)$/i;

/** Words that describe a facility without naming it: inside a name they continue it, alone they name nothing. */
const DESCRIPTORS: ReadonlySet<string> = new Set(addressWords.descriptors);
const GENERIC_FACILITY_WORDS: ReadonlySet<string> = new Set(addressWords.genericFacilityWords);

/** Named facilities, practices, stores and schools: "Mercy General Hospital", "seen at Spaulding rehab". */
export function facilityNames(text: string, tokens: readonly Token[], lexicon: AddressLexicon): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matchAtTokens(text, tokens, FACILITY_AT, FACILITY_STARTS)) {
    const before = wordsBeforeFacility(text, m.index);
    if (before) pushFacility(out, text, m.index - before.length, before + m[0], lexicon, m[0].split(/\s+/).length);
  }
  return out;
}

/** Up to five words (and "of the") right before `end` on its line, with the spaces after them. */
function wordsBeforeFacility(text: string, end: number): string | undefined {
  let start = end;
  let words = 0;
  let pos = end;
  while (words < 7) {
    let wordEnd = pos;
    while (wordEnd > 0 && (text[wordEnd - 1] === ' ' || text[wordEnd - 1] === '\t')) wordEnd--;
    if (wordEnd === pos && pos !== end) break;
    let wordStart = wordEnd;
    while (wordStart > 0 && !/\s/.test(text[wordStart - 1] ?? ' ')) wordStart--;
    const word = text.slice(wordStart, wordEnd);
    if (!NAME_WORD.test(word)) break;
    start = wordStart;
    pos = wordStart;
    if (!/^(?:of|the)$/i.test(word)) words++;
  }
  return start < end ? text.slice(start, end) : undefined;
}

/**
 * Keep the naming words before a facility word: capitalised ones ("Mercy General Hospital"), or in
 * text without capitals, words that are not everyday English ("admitted to brigham hospital").
 * Leading generic words ("the", "outside") are dropped; a facility with no naming word is no PHI.
 */
function pushFacility(
  out: Candidate[],
  text: string,
  start: number,
  value: string,
  lexicon: AddressLexicon,
  facilityLength: number,
): void {
  const isCommonWord = (w: string) => lexicon.isCommonWord(w);
  const all = value.split(/\s+/);
  let first = all.length - 2;
  const uncased = !lineHasLowerCase(text, start) || !/\p{Lu}/u.test(value);
  // Without capitals, only a word real notes never use as an ordinary word names the place.
  const isNaming = (w: string) =>
    uncased ? isNamingWord(w.toLowerCase(), (x) => lexicon.isSafeWord(x)) : isNamingWord(w, isCommonWord);
  while (first >= 0 && isNaming(all[first] ?? '')) first--;
  // "RIVERSIDE NURSING HOME", "sunrise assisted living": before a facility name of two or more words the
  // word right before it names it even when it is an ordinary word ("PT GIVEN HOSPITAL" is no name).
  const fullFacility = uncased && facilityLength >= 2;
  const beforeFacility = all.length - facilityLength - 1;
  if (fullFacility && first >= beforeFacility && isOrdinaryNameWord(all[beforeFacility] ?? '', lexicon))
    first = beforeFacility - 1;
  // Without capitals, "good shepherd rehab": an everyday word right before a naming word belongs to the name.
  if (
    uncased &&
    first >= 0 &&
    first < all.length - 2 &&
    /^\p{L}+$/u.test(all[first] ?? '') &&
    !FUNCTION_WORDS.has((all[first] ?? '').toLowerCase())
  )
    first--;
  for (let i = 0; i <= first; i++) start += (all[i] ?? '').length + 1;
  const words = all.slice(first + 1);
  const naming = words
    .slice(0, -1)
    .filter((w) => !GENERIC_FACILITY_WORDS.has(w.toLowerCase()) && !DESCRIPTORS.has(w.toLowerCase()));
  const facility = words[words.length - 1] ?? '';
  if (
    naming.length === 0 ||
    isDepartment(naming, facility, lexicon) ||
    isDrugDescribed(naming, facility, lexicon, text, start + words.join(' ').length)
  )
    return;
  // Philter's test: a word real notes never use as an ordinary word names something ("good shepherd
  // rehab"); "cont rehab", "pulm rehab" and "acute rehab" are made of such ordinary words.
  const distinctive = naming.some((w) => !lexicon.isSafeWord(w.toLowerCase().replace(/['’]s$/, '')));
  const capitalised = hasNamingCapital(text, start, words);
  const strong = STRONG_FACILITY.test(value) ? distinctive || capitalised || fullFacility : distinctive;
  if (!strong) return;
  // Without capitals, a word no note uses as an ordinary word before "Medical Center" is as good as a capital.
  const named = capitalised || (uncased && (distinctive || fullFacility));
  out.push({
    start,
    end: start + words.join(' ').length,
    type: 'ADDRESS',
    score: named ? (STRONG_FACILITY.test(value) ? 0.94 : 0.85) : 0.6,
  });
}

// "Cobblestone Drug | Ph: 602 555 0112": a phone on the line says the words before "Drug" name a store, not a kind of drug.
const CONTACT_AFTER = /^[^\n]{0,12}?(?:\b(?:ph|phone|tel|fax)\b|\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}\b)/i;

function hasContactAfter(text: string, end: number): boolean {
  return CONTACT_AFTER.test(text.slice(end, end + 40));
}

/** A word that can name a facility: letters, not a function, generic or descriptive word, not clinical. */
function isOrdinaryNameWord(word: string, lexicon: AddressLexicon): boolean {
  const key = word.toLowerCase();
  if (!/^\p{L}[\p{L}'’-]*$/u.test(word) || FUNCTION_WORDS.has(key) || GENERIC_FACILITY_WORDS.has(key)) return false;
  return !DESCRIPTORS.has(key) && !lexicon.isClinicalWord(key);
}

/** "Renal Clinic", "Post-ICU Clinic", "Pain Service": a department named by its specialty names no place. */
function isDepartment(naming: string[], facility: string, lexicon: AddressLexicon): boolean {
  if (!/^(?:clinic|cent(?:er|re)|unit|service|department|dept|program|programme|lab|laboratory)$/i.test(facility))
    return false;
  const parts = naming.flatMap((w) => w.toLowerCase().split('-')).filter((p) => p.length > 0);
  return (
    parts.some((p) => lexicon.isClinicalWord(p)) &&
    parts.every((p) => lexicon.isClinicalWord(p) || lexicon.isSafeWord(p))
  );
}

/**
 * "Antiepileptic Drug", "Study Drug", "Illicit Drugs": a drug described by an everyday, clinical or
 * adjective-like word names no drugstore; "Kingsbridge Drug" does. Likewise "Behavioral Health".
 */
function isDrugDescribed(
  naming: string[],
  facility: string,
  lexicon: AddressLexicon,
  text: string,
  end: number,
): boolean {
  const ordinary = (w: string): boolean =>
    lexicon.isSafeWord(w) || lexicon.isClinicalWord(w) || lexicon.isCommonWord(w);
  // "Behavioral Health", "Student Health": a kind of care; "Kang & Darwish Women's Health" names a practice.
  if (/^health$/i.test(facility)) return naming.every((w) => ordinary(w.toLowerCase().replace(/['’]s$/, '')));
  if (!/^drugs?$/i.test(facility) || hasContactAfter(text, end)) return false;
  const last = (naming[naming.length - 1] ?? '').toLowerCase();
  return (
    lexicon.isSafeWord(last) || lexicon.isClinicalWord(last) || /(?:ic|al|ory|ive|ed|ant|ent|ing|ous|ar)$/.test(last)
  );
}

/**
 * A capital that says "name": "Mercy Hospital", "seen at Spaulding rehab". At the start of a line or
 * sentence a capital says nothing ("Cont rehab plan", "Propofol inc to 40"), unless the facility word
 * has one too or another naming word does.
 */
function hasNamingCapital(text: string, start: number, words: string[]): boolean {
  if (!lineHasLowerCase(text, start)) return false;
  const naming = words.slice(0, -1);
  if (!naming.some((w) => /^[A-Z]/.test(w))) return false;
  const facility = words[words.length - 1] ?? '';
  if (/^[A-Z]/.test(facility) || naming.slice(1).some((w) => /^[A-Z]/.test(w))) return true;
  return !atSentenceStart(text, start);
}

export function lineHasLowerCase(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let lineEnd = text.indexOf('\n', at);
  if (lineEnd < 0) lineEnd = text.length;
  return /\p{Ll}/u.test(text.slice(lineStart, lineEnd));
}

/** Nothing but bullets or numbering before `start` on its line, or a sentence's end right before it. */
function atSentenceStart(text: string, start: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  return /^[\s\-*•>\d.)]*$/.test(before) || /[.!?:;]\s*$/.test(before);
}

function isNamingWord(word: string, isCommonWord: (w: string) => boolean): boolean {
  if (/^(?:st\.?|saint|mount|mt\.?|of|the|&|and)$/i.test(word)) return true;
  // A sentence ends before the facility ("at 10:30 AM. ID clinic"); abbreviations name nothing.
  if (/\.$/.test(word) || /^[A-Z]{1,2}$/.test(word)) return false;
  if (DESCRIPTORS.has(word.toLowerCase())) return true;
  if (GENERIC_FACILITY_WORDS.has(word.toLowerCase()))
    return (
      /^[A-Z]/.test(word) &&
      !/^(?:the|a|an|from|to|at|in|and|or|with|was|is|by|for|on|his|her|their|our|this|that|any|no)$/i.test(word)
    );
  return /^[A-Z]/.test(word) || !isCommonWord(word.toLowerCase().replace(/['’]s$/, ''));
}
