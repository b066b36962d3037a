import type { Candidate } from '../Candidate.ts';
import { STATE_CODE_PATTERN, STATE_NAME_PATTERN } from '../usStates.ts';
import { fastLetters } from '../fastLetters.ts';
import { keywordStart, matchAtTokens } from '../matchAtTokens.ts';
import type { Token } from '../tokenize.ts';
import { FUNCTION_WORDS } from '../nameCues.ts';
import addressWords from '../word-lists/recognizeAddresses.json' with { type: 'json' };
import type { AddressLexicon } from './AddressLexicon.ts';
import { addressLinesWithZip } from './addressLinesWithZip.ts';
import { knownCityStart } from './knownCityStart.ts';
import { citiesBetween } from './citiesBetween.ts';
import { foldLatinAccents } from './foldLatinAccents.ts';
import { facilityNames, lineHasLowerCase } from './facilityNames.ts';

export type { AddressLexicon } from './AddressLexicon.ts';

const SUFFIX = `(?:${addressWords.streetSuffixes.join('|')})`;
// "Schoo! Rd": an "l" read as "!" by OCR stays inside the word; "Bivd" is how a scan reads "Blvd".
const STREET_WORD = "(?:[A-Za-z][A-Za-z'’.!-]*|\\d+(?:st|nd|rd|th))";
// Street parts stay on one line: a street never runs on past a line break.
// A word right after the suffix ends the match (STREET is case-blind, so any word: "3 sec pt refused" is no
// street, nor "40 St Mary"), unless it starts the unit ("249B River St Apt 5").
const UNIT_WORD = `(?:${addressWords.unitWords.join('|')})`;
// "Apt .7C": a scan may put a speck before the unit's number.
const UNIT = `(?:,?\\s*(?:${UNIT_WORD}|#)\\.?\\s*[#.]?\\s*[A-Za-z0-9-]+)?`;
// ("86S. School Street", "78'S. Meadow Court": a scan may join the house number and the direction.)
const STREET = new RegExp(
  `(?<![:\\d])\\b\\d{1,6}(?:['’]?[A-Za-z]\\.?)?(?:-\\d+)?[ \\t]+(?:[NSEW]\\.?[ \\t]+|north[ \\t]+|south[ \\t]+|east[ \\t]+|west[ \\t]+)?(?:${STREET_WORD}[ \\t]+){1,3}${SUFFIX}\\b(?!\\.?[ \\t]+(?!${UNIT_WORD}\\b)[A-Z][a-z])\\.?${UNIT}`,
  'gi',
);
// "lives at 42 Alder Lane with her son": in prose a street is followed by a function word, which STREET's
// any-word stop refuses. Only suffixes that are no clinical word end such a street ("3 sec pt with", "2 laps
// walk with" are none), and in mixed-case text its words are capitalised.
const PROSE_SUFFIX = `(?:${addressWords.proseStreetSuffixes.join('|')})`;
const PROSE_STREET_END = `(?:${addressWords.proseStreetEnders.join('|')})`;
const STREET_IN_PROSE = new RegExp(
  `(?<![:\\d])\\b\\d{1,6}[A-Za-z]?(?:-\\d+)?[ \\t]+(?:[NSEW]\\.?[ \\t]+)?(?:${STREET_WORD}[ \\t]+){1,3}${PROSE_SUFFIX}\\.?(?=[ \\t]+${PROSE_STREET_END}\\b)`,
  'gi',
);
// "172 Aspen St. Milwaukee, WI 53202": the city follows the street without a comma; a state code and ZIP
// further along the line show that the capitalised word after the suffix starts the city, not "St Mary".
// ("MA-67637": a scan may read the space before the ZIP as a hyphen.)
const STATE_ZIP_AHEAD = `[^\\n]{0,40}?\\b(?:${STATE_CODE_PATTERN})\\.?,?(?:[ \\t]+|-)\\d{5}\\b`;
const STREET_BEFORE_CITY = new RegExp(
  `(?<![:\\d])\\b\\d{1,6}[A-Za-z]?(?:-\\d+)?[ \\t]+(?:[NSEW]\\.?[ \\t]+)?(?:${STREET_WORD}[ \\t]+){1,3}${SUFFIX}\\b\\.?(?=[ \\t]+[A-Z]${STATE_ZIP_AHEAD})`,
  'gi',
);
// "Poplar St, | Milwaukee, | WI 53202", "25533 | Huntington Trail, | New Bedford, MA 9948.": a capitalised street
// whose house number the scan lost or set apart, before a city and a state code (the ZIP may be misread) on its line.
const NAMED_STREET_BEFORE_CITY = new RegExp(
  `(?<![\\w.])(?:\\d{1,6}[A-Za-z]?[ \\t]+(?:\\|[ \\t]+)?)?(?:[A-Z][a-z'’]+[ \\t]+){1,2}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Boulevard|Blvd|Way|Terrace|Ter|Trail|Circle|Parkway|Pkwy)\\b\\.?(?=,[ \\t|]+[A-Z][^\\n]{0,40}?,[ \\t|]*(?:${STATE_CODE_PATTERN})\\b)`,
  'g',
);
// "64 Willow | Ct, Wilmington, DE 69973", "318 Fifth Or, Little Rock, AR 26157", "23272 | Ocean | Ave, | Kansas |
// City, | MO 98505": on a scanned label the street
// before "City, ST 12345" may be split into cells or have its suffix misread; the house number, the capitalised
// words up to the comma and the city, state code and ZIP after it still make it the street.
const HOUSE_STREET_BEFORE_CITY = new RegExp(
  `(?<![\\w.:])\\d{1,6}[A-Za-z]?(?:[ \\t]+\\|)?(?:[ \\t]+[A-Z][A-Za-z'’]*\\.?(?:[ \\t]+\\|)?){2,3},(?=[ \\t|]+[A-Z][A-Za-z.'’-]+(?:[ \\t]+(?:\\|[ \\t]+)?[A-Z][A-Za-z.'’-]+){0,2},[ \\t|]*(?:${STATE_CODE_PATTERN})\\.?,?[ \\t]+\\d{5})`,
  'g',
);
// "243A Summit Street Independence MO-82551": a scan may lose the comma after the street and after the city;
// the capitalised words between a street's suffix and a state code with its ZIP are still the city. The house
// number is required: "seen by Dr. Tarek Salem MO 82551" has a title, not a street, before the name.
const CITY_AFTER_STREET = new RegExp(
  `(?<![:\\d])\\b\\d{1,6}[A-Za-z]?[ \\t]+(?:[NSEW]\\.?[ \\t]+)?(?:${STREET_WORD}[ \\t]+){1,3}(?:${addressWords.streetSuffixes.map((w) => w[0]?.toUpperCase() + w.slice(1)).join('|')})\\b\\.?,?[ \\t]+((?:[A-Z][a-z'’-]+[ \\t]+){1,3})(?=(?:${STATE_CODE_PATTERN})(?:[ \\t]+|-)\\d{5}\\b)`,
  'g',
);
const UNIT_ALONE = /\b(?:apt|apartment|suite|ste|unit)\.?\s*#?\s*\d+[A-Z]?\b/gi;
// "rm 412", "Room 12B": a room number says where the patient is (PHI under i2b2 and DetectPHI alike).
const ROOM = /\b(?:room|rm)\.?\s*#?\s*(\d{1,4}[A-Z]?)\b(?![.:]\d|\s*(?:am|pm|%|mg|ml|cc)\b)/gi;
// A ZIP right after a place the other patterns found ("Salem 01970", "Lappeenranta, 53650"), with the
// state before it even when OCR misread its code ("Spokane, VIA 76282" for WA, "Detroit, NI 43703").
// At the end of its line, a ZIP a scan lost a digit of or read a mark into ("Hilo, HI 8,210", "Spokane, WA 2832").
const TRAILING_ZIP =
  /^[,\s]{1,3}(?:[A-Za-z]{1,3}\.?[ \t]{1,2})?(?:\d{5}(?:-\d{4})?\b|(\d{1,4}[,.]?\d{1,4})(?=[ \t.,]*(?:\||\n|$)))/;
// "on Main St", "off broadway st": a street named without a house number.
const STREET_NO_NUMBER = new RegExp(
  `(?:on|off|at|near|to)[ \\t]+((?:${STREET_WORD}[ \\t]+){1,2}${SUFFIX})\\b(?!\\.?[ \\t]+[A-Z][a-z])`,
  'iy',
);
const STREET_NO_NUMBER_START = keywordStart(new Set(['on', 'off', 'at', 'near', 'to']));
// "Location: Khumalo 8", "transferred to Baker 6": a ward named after a person or a place.
const WARD_WITH_CUE = fastLetters(
  /(?:location|unit|ward|floor|transferred\s+to|transfer\s+to|admitted\s+to|moved\s+to|placed\s+for|bed\s+(?:on|in|for)|to\s+the\s+floor\s+on)\s*:?[ \t]+(\p{L}[\p{L}'’-]+(?:[ \t]\p{L}[\p{L}'’-]+)?[ \t]+\d{1,2}\p{L}?)(?![\p{L}\d])/iuy,
);
const WARD_CUE_START = keywordStart(
  new Set(['location', 'unit', 'ward', 'floor', 'transferred', 'transfer', 'admitted', 'moved', 'placed', 'bed', 'to']),
);
// The patient's employer: "works at Metro Insurance", "a mechanic at Smith Logistics", "laid off ... at X".
const EMPLOYER =
  /(?:works?|worked|working|employed|employee|job|laid\s+off|retired|(?:is|was)\s+an?)\s+(?:[a-z-]+\s+){0,3}(?:at|for)[ \t]+((?:[A-Z][A-Za-z&'’.-]*[ \t]?){1,4})/iy;
const EMPLOYER_START = keywordStart(
  new Set(['work', 'works', 'worked', 'working', 'employed', 'employee', 'job', 'laid', 'retired', 'is', 'was']),
);
const PHARMACY_CHAIN =
  /\b(?:CVS|Walgreens|Rite[ -]Aid|Walmart|Costco|Kroger|Safeway|Publix|Duane Reade|Boots|Wegmans|Meijer|H-E-B|Target Pharmacy)\b/gi;
const PHARMACY_NAMES = addressWords.pharmacyNames;
// "PO-Box 6523": a scan may read the space as a hyphen.
const PO_BOX = /\bp\.?\s?o\.?(?:\s*|-)box\s+\d+\b/gi;
// "Little Rock, | AR 61271", "Bronx, NY | 77304-0658": a scan may set the state or the ZIP apart as another cell;
// with the ZIP it is still the place.
const CITY_STATE_ZIP = new RegExp(
  `\\b([A-Z][A-Za-z.'’-]+(?:[ \\t]+[A-Z][A-Za-z.'’-]+){0,2}),[ \\t]*(?:(?:${STATE_CODE_PATTERN})\\.?,?[ \\t]+\\|[ \\t]+\\d{5}(?:-\\d{4})?|(?:${STATE_CODE_PATTERN}|${STATE_NAME_PATTERN})\\.?(?:,?\\s+\\d{5}(?:-\\d{4})?)?|\\|[ \\t]+(?:${STATE_CODE_PATTERN})\\.?,?\\s+\\d{5}(?:-\\d{4})?)\\b`,
  'g',
);
// "Baton Rouge. LA 70801": a scan reads the comma as a period; the state code and ZIP after it still say place.
const CITY_PERIOD_STATE_ZIP = new RegExp(
  `\\b[A-Z][A-Za-z'’-]+(?:[ \\t]+[A-Z][A-Za-z'’-]+){0,2}\\.[ \\t]*(?:${STATE_CODE_PATTERN})\\.?,?[ \\t]+\\d{5}(?:-\\d{4})?\\b`,
  'g',
);
// ("PA.13604": a scan may read the space as a period.)
const STATE_ZIP = new RegExp(`\\b(?:${STATE_CODE_PATTERN})(?:\\s+|-|\\.)\\d{5}(?:-\\d{4})?\\b`, 'g');
// "Honolulu, | Hi 16588": after a city's comma, a state code a scan read in mixed case, with its ZIP.
const MIXED_CASE_STATE_ZIP = new RegExp(
  `(?<=,[ \\t|]{1,4})(?=[A-Z][a-z]\\b)(?:${STATE_CODE_PATTERN.split('|')
    .map((c) => c[0] + (c[1] ?? '').toLowerCase())
    .join('|')})[ \\t]+\\d{5}(?:-\\d{4})?\\b`,
  'g',
);
const ZIP_CUE = /\b(?:zip(?:\s*code)?|postal\s+code|postcode)\s*[:#]?\s*(\d{5}(?:-\d{4})?)\b/gi;
const STATE_NAME = new RegExp(`\\b(?:${STATE_NAME_PATTERN})\\b`, 'g');
// A UK postcode, with the post town written before it on the same line ("London E2 7SK").
const UK_POSTCODE = /\b(?:[A-Z][a-z]+[ \t]+)?[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}\b/g;
// Hospital wards and units named after people or places: "Ellison 10", "Baker 6 West", "4 North".
const WARD =
  /(?:ward|unit|wing|floor|building|bldg|pavilion|tower)\s+#?\d+[A-Z]?\b|\d{1,2}\s*(?:north|south|east|west)\b/iy;
const WARD_WORDS: ReadonlySet<string> = new Set(addressWords.wardWords);
const WARD_START = (token: Token) => !token.alpha || WARD_WORDS.has(token.key);
// "placed for ward 30" is generic; "placed for Bigelow 11" names the ward after someone.
const GENERIC_WARD_NAMES: ReadonlySet<string> = new Set(addressWords.genericWardNames);

/** Places found by any recognizer take a ZIP code that follows them. */
/** Four or five digits, one mark among them at most, and no year ("TX 2015" is when, not where). */
function isGarbledZip(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  return digits.length >= 4 && digits.length <= 5 && !/^(?:19|20)\d{2}$/.test(value);
}

export function extendWithZip(text: string, candidates: Candidate[]): void {
  for (const c of candidates) {
    if (c.type !== 'ADDRESS' || c.score < 0.5) continue;
    const zip = TRAILING_ZIP.exec(text.slice(c.end, c.end + 16));
    if (zip && (zip[1] === undefined || isGarbledZip(zip[1]))) c.end += zip[0].length;
  }
}

export function recognizeAddresses(
  given: string,
  tokens: readonly Token[],
  lexicon: AddressLexicon,
  lower = given.toLowerCase(),
): Candidate[] {
  // "Peñalosa Ave", "Stréet" as a scan reads it: the patterns spell letters A-Z; offsets stay the same.
  const text = foldLatinAccents(given);
  const isCommonWord = (w: string) => lexicon.isCommonWord(w);
  const out: Candidate[] = [];
  const add = (start: number, value: string, score: number) => {
    const trimmed = value.replace(/[\s,.;:]+$/, '');
    if (trimmed) out.push({ start, end: start + trimmed.length, type: 'ADDRESS', score });
  };
  for (const m of text.matchAll(STREET))
    if (isStreetName(m[0].split(/\s+/).slice(1, -1), isCommonWord)) add(m.index, m[0], 0.9);
  const mixedCase = /[a-z]/.test(text) && /[A-Z]/.test(text);
  for (const m of text.matchAll(STREET_IN_PROSE)) {
    const words = m[0].split(/\s+/).slice(1);
    if (mixedCase && !words.every((w) => /^(?:[A-Z]|\d+(?:st|nd|rd|th)$)/.test(w))) continue;
    if (isStreetName(words.slice(0, -1), isCommonWord)) add(m.index, m[0], 0.85);
  }
  if (/\d{5}/.test(text)) {
    for (const m of text.matchAll(STREET_BEFORE_CITY))
      if (isStreetName(m[0].split(/\s+/).slice(1, -1), isCommonWord)) add(m.index, m[0], 0.9);
  }
  if (text.includes(',')) {
    for (const m of text.matchAll(NAMED_STREET_BEFORE_CITY))
      if (
        isStreetName(
          m[0]
            .split(/\s+/)
            .filter((w) => !/^(?:\d|\|)/.test(w))
            .slice(0, -1),
          isCommonWord,
        )
      )
        add(m.index, m[0], 0.8);
    for (const m of text.matchAll(HOUSE_STREET_BEFORE_CITY)) {
      const words = m[0]
        .split(/\s+/)
        .filter((w) => w !== '|')
        .slice(1);
      if (endsInSuffix(words) && isStreetName(words.slice(0, -1), isCommonWord)) add(m.index, m[0], 0.8);
    }
  }
  for (const m of text.matchAll(PO_BOX)) add(m.index, m[0], 0.95);
  if (/\d{5}/.test(text))
    for (const m of text.matchAll(CITY_AFTER_STREET))
      add(m.index + m[0].length - (m[1] ?? '').length, m[1] ?? '', 0.85);
  for (const m of text.matchAll(UNIT_ALONE)) add(m.index, m[0], 0.8);
  if (/\b(?:rm|room)\b/.test(lower))
    for (const m of text.matchAll(ROOM)) add(m.index + m[0].length - (m[1] ?? '').length, m[1] ?? '', 0.8);
  for (const m of matchAtTokens(text, tokens, STREET_NO_NUMBER, STREET_NO_NUMBER_START)) {
    const value = m[1] ?? '';
    if (isStreetName(value.split(/\s+/).slice(0, -1), isCommonWord))
      add(m.index + m[0].length - value.length, value, 0.75);
  }
  for (const m of matchAtTokens(text, tokens, WARD_WITH_CUE, WARD_CUE_START)) {
    const value = m[1] ?? '';
    const first = value.split(/\s/)[0]?.toLowerCase() ?? '';
    if (GENERIC_WARD_NAMES.has(first)) continue;
    if (!namesAWard(value, text, m.index, lexicon)) continue;
    add(m.index + m[0].length - value.length, value, 0.85);
  }
  for (const m of matchAtTokens(text, tokens, EMPLOYER, EMPLOYER_START))
    pushEmployer(out, text, m.index + m[0].length - (m[1] ?? '').length, m[1] ?? '', isCommonWord);
  if (PHARMACY_NAMES.some((name) => lower.includes(name)))
    for (const m of text.matchAll(PHARMACY_CHAIN)) add(m.index, m[0], 0.7);
  for (const m of text.matchAll(CITY_STATE_ZIP)) {
    // "Lindqvist, MD" is a doctor, "Salem, OR" a place: a bare two-letter code needs a ZIP or a known city.
    const codeOnly = /,\s*[A-Z]{2}\.?$/.test(m[0]);
    const skip = codeOnly ? knownCityStart(m[1] ?? '', lexicon) : 0;
    if (skip < 0) continue;
    add(m.index + skip, m[0].slice(skip), 0.9);
  }
  for (const m of text.matchAll(STATE_ZIP)) add(m.index, m[0], 0.95);
  for (const m of text.matchAll(MIXED_CASE_STATE_ZIP)) add(m.index, m[0], 0.9);
  if (text.includes(',')) out.push(...citiesBetween(text, out));
  if (/\d{5}/.test(text)) out.push(...addressLinesWithZip(text));
  if (/\d{5}/.test(text)) for (const m of text.matchAll(CITY_PERIOD_STATE_ZIP)) add(m.index, m[0], 0.9);
  for (const m of text.matchAll(ZIP_CUE)) add(m.index + m[0].length - (m[1] ?? '').length, m[1] ?? '', 0.95);
  for (const m of text.matchAll(STATE_NAME)) add(m.index, m[0], 0.75);
  for (const m of text.matchAll(UK_POSTCODE)) if (/\d/.test(m[0]) && m[0].length >= 5) add(m.index, m[0], 0.6);
  out.push(...facilityNames(text, tokens, lexicon));
  for (const m of matchAtTokens(text, tokens, WARD, WARD_START)) add(m.index, m[0], 0.6);
  return out;
}

function pushEmployer(
  out: Candidate[],
  text: string,
  start: number,
  value: string,
  isCommonWord: (w: string) => boolean,
): void {
  const words = value.trim().split(/[ \t]+/);
  // Stop at a sentence start inside the capture ("at Acme. He smokes").
  const kept: string[] = [];
  const caps = value === value.toUpperCase();
  for (const w of words) {
    // The capture is case-blind; in mixed-case text the name ends at the first lower-case word.
    if (!caps && !/^[A-Z0-9]/.test(w)) break;
    kept.push(w.replace(/[.,]$/, ''));
    if (/[.,]$/.test(w)) break;
  }
  const name = kept.join(' ');
  // The capture is case-blind (ALL-CAPS notes); a name still needs a capital or a word no dictionary knows.
  if (!name || (!/^[A-Z]/.test(name) && kept.every((w) => isCommonWord(w.toLowerCase())))) return;
  if (kept.every((w) => isCommonWord(w.toLowerCase()) && !/^[A-Z][a-z]/.test(w) && !/^[A-Z]{2,6}$/.test(w))) return;
  if (/^(?:The|This|That|His|Her|Their|Home|Night|Work)$/.test(kept[0] ?? '')) return;
  out.push({ start, end: start + name.length, type: 'ADDRESS', score: 0.7 });
}

/**
 * "Bigelow 11", "ASHWORTH 4": a word real notes do not use as an ordinary word, a name, or a capitalised
 * word in mixed case. "unit on neo 50" is a drip rate.
 */
function namesAWard(value: string, text: string, at: number, lexicon: AddressLexicon): boolean {
  const words = value.split(/[ \t]+/).slice(0, -1);
  if (words.some((w) => FUNCTION_WORDS.has(w.toLowerCase()) || lexicon.isClinicalWord(w.toLowerCase()))) return false;
  const cased = lineHasLowerCase(text, at);
  // Wards are named after people and places: a name list or the gazetteer holding the word is enough.
  const named = (w: string) => lexicon.isPersonName(w) || lexicon.isCity(w);
  return words.some(
    (w) => !lexicon.isSafeWord(w.toLowerCase()) || named(w.toLowerCase()) || (cased && /^\p{Lu}\p{Ll}/u.test(w)),
  );
}

const NOT_STREET_WORDS: ReadonlySet<string> = new Set(addressWords.notStreetWords);

const WHOLE_SUFFIX = new RegExp(`^${SUFFIX}$`, 'i');

/**
 * The last word is a street suffix, as written or as a scan misreads one ("Or" for "Dr", "5t" for "St"):
 * "2 Tylenol PO, Boston, MA 02115" ends in no suffix, however read.
 */
function endsInSuffix(words: readonly string[]): boolean {
  const last = (words[words.length - 1] ?? '').replace(/[.,]+$/, '');
  return WHOLE_SUFFIX.test(last) || WHOLE_SUFFIX.test(last.replace(/^O/, 'D').replace(/^5/, 'S'));
}

/** "14 by Dr Smith" and "5 mg PO daily" are not streets; "12 Oak St" is. */
/** The words between the house number and the street suffix ("Oak" of "12 Oak St"). */
function isStreetName(original: string[], isCommonWord: (word: string) => boolean): boolean {
  const words = original.map((w) => w.toLowerCase().replace(/[.,]$/, ''));
  if (words.some((w) => NOT_STREET_WORDS.has(w))) return false;
  // Mixed case: street names are capitalised ("12 Oak St"). Otherwise one word must not be everyday English.
  if (original.every((w) => /^(?:[A-Z][a-z'’.-]|\d+(?:st|nd|rd|th)$|[NSEW]\.?$)/.test(w))) return true;
  return words.some((w) => !isCommonWord(w) || /\d/.test(w));
}
