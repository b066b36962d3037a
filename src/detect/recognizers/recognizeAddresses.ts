import type { Candidate } from '../Candidate.ts';
import { STATE_CODE_PATTERN, STATE_NAME_PATTERN } from '../usStates.ts';
import { fastLetters } from '../fastLetters.ts';
import { keywordStart, matchAtTokens } from '../matchAtTokens.ts';
import type { Token } from '../tokenize.ts';
import { FUNCTION_WORDS } from '../nameCues.ts';

const SUFFIX =
  '(?:street|st|avenue|ave|av|road|rd|boulevard|blvd|bivd|lane|ln|drive|dr|court|ct|place|pl|pi|terrace|ter|way|circle|cir|highway|hwy|parkway|pkwy|square|sq|trail|trl|row|alley|aly|plaza|plz|pike|turnpike|tpke|crescent|cres|close|grove|gardens|heights|hts|path|point|pt|ridge|run|walk|loop|bend|crossing|xing|commons|mews|expressway|expy|freeway|fwy|route|rte)';
// "Schoo! Rd": an "l" read as "!" by OCR stays inside the word; "Bivd" is how a scan reads "Blvd".
const STREET_WORD = "(?:[A-Za-z][A-Za-z'’.!-]*|\\d+(?:st|nd|rd|th))";
// Street parts stay on one line: a street never runs on past a line break.
// A word right after the suffix ends the match (STREET is case-blind, so any word: "3 sec pt refused" is no
// street, nor "40 St Mary"), unless it starts the unit ("249B River St Apt 5").
const UNIT_WORD = '(?:apt|apartment|unit|suite|ste|fl|floor|rm|room|bldg|building)';
// "Apt .7C": a scan may put a speck before the unit's number.
const UNIT = `(?:,?\\s*(?:${UNIT_WORD}|#)\\.?\\s*[#.]?\\s*[A-Za-z0-9-]+)?`;
const STREET = new RegExp(
  `(?<![:\\d])\\b\\d{1,6}[A-Za-z]?(?:-\\d+)?[ \\t]+(?:[NSEW]\\.?[ \\t]+|north[ \\t]+|south[ \\t]+|east[ \\t]+|west[ \\t]+)?(?:${STREET_WORD}[ \\t]+){1,3}${SUFFIX}\\b(?!\\.?[ \\t]+(?!${UNIT_WORD}\\b)[A-Z][a-z])\\.?${UNIT}`,
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
const UNIT_ALONE = /\b(?:apt|apartment|suite|ste|unit)\.?\s*#?\s*\d+[A-Z]?\b/gi;
// "rm 412", "Room 12B": a room number says where the patient is (PHI under i2b2 and DetectPHI alike).
const ROOM = /\b(?:room|rm)\.?\s*#?\s*(\d{1,4}[A-Z]?)\b(?![.:]\d|\s*(?:am|pm|%|mg|ml|cc)\b)/gi;
// A ZIP right after a place the other patterns found ("Salem 01970", "Lappeenranta, 53650"), with the
// state before it even when OCR misread its code ("Spokane, VIA 76282" for WA, "Detroit, NI 43703").
const TRAILING_ZIP = /^[,\s]{1,3}(?:[A-Za-z]{1,3}\.?[ \t]{1,2})?\d{5}(?:-\d{4})?\b/;
// "on Main St", "off broadway st": a street named without a house number.
const STREET_NO_NUMBER = new RegExp(`(?:on|off|at|near|to)[ \\t]+((?:${STREET_WORD}[ \\t]+){1,2}${SUFFIX})\\b(?!\\.?[ \\t]+[A-Z][a-z])`, 'iy');
const STREET_NO_NUMBER_START = keywordStart(new Set(['on', 'off', 'at', 'near', 'to']));
// "Location: Khumalo 8", "transferred to Baker 6": a ward named after a person or a place.
const WARD_WITH_CUE = fastLetters(/(?:location|unit|ward|floor|transferred\s+to|transfer\s+to|admitted\s+to|moved\s+to|placed\s+for|bed\s+(?:on|in|for)|to\s+the\s+floor\s+on)\s*:?[ \t]+(\p{L}[\p{L}'’-]+(?:[ \t]\p{L}[\p{L}'’-]+)?[ \t]+\d{1,2}\p{L}?)(?![\p{L}\d])/iyu);
const WARD_CUE_START = keywordStart(new Set(['location', 'unit', 'ward', 'floor', 'transferred', 'transfer', 'admitted', 'moved', 'placed', 'bed', 'to']));
// The patient's employer: "works at Metro Insurance", "a mechanic at Smith Logistics", "laid off ... at X".
const EMPLOYER = /(?:works?|worked|working|employed|employee|job|laid\s+off|retired|(?:is|was)\s+an?)\s+(?:[a-z-]+\s+){0,3}(?:at|for)[ \t]+((?:[A-Z][A-Za-z&'’.-]*[ \t]?){1,4})/iy;
const EMPLOYER_START = keywordStart(new Set(['work', 'works', 'worked', 'working', 'employed', 'employee', 'job', 'laid', 'retired', 'is', 'was']));
const PHARMACY_CHAIN = /\b(?:CVS|Walgreens|Rite[ -]Aid|Walmart|Costco|Kroger|Safeway|Publix|Duane Reade|Boots|Wegmans|Meijer|H-E-B|Target Pharmacy)\b/gi;
const PHARMACY_NAMES = ['cvs', 'walgreens', 'rite', 'walmart', 'costco', 'kroger', 'safeway', 'publix', 'duane', 'boots', 'wegmans', 'meijer', 'h-e-b', 'target'];
const PO_BOX = /\bp\.?\s?o\.?\s*box\s+\d+\b/gi;
// "Little Rock, | AR 61271": a scan may set the state and ZIP apart as another cell; with the ZIP it is still the place.
const CITY_STATE_ZIP = new RegExp(
  `\\b([A-Z][A-Za-z.'’-]+(?:[ \\t]+[A-Z][A-Za-z.'’-]+){0,2}),[ \\t]*(?:(?:${STATE_CODE_PATTERN}|${STATE_NAME_PATTERN})\\.?(?:,?\\s+\\d{5}(?:-\\d{4})?)?|\\|[ \\t]+(?:${STATE_CODE_PATTERN})\\.?,?\\s+\\d{5}(?:-\\d{4})?)\\b`,
  'g',
);
// "Baton Rouge. LA 70801": a scan reads the comma as a period; the state code and ZIP after it still say place.
const CITY_PERIOD_STATE_ZIP = new RegExp(
  `\\b[A-Z][A-Za-z'’-]+(?:[ \\t]+[A-Z][A-Za-z'’-]+){0,2}\\.[ \\t]*(?:${STATE_CODE_PATTERN})\\.?,?[ \\t]+\\d{5}(?:-\\d{4})?\\b`,
  'g',
);
const STATE_ZIP = new RegExp(`\\b(?:${STATE_CODE_PATTERN})(?:\\s+|-)\\d{5}(?:-\\d{4})?\\b`, 'g');
const ZIP_CUE = /\b(?:zip(?:\s*code)?|postal\s+code|postcode)\s*[:#]?\s*(\d{5}(?:-\d{4})?)\b/gi;
const STATE_NAME = new RegExp(`\\b(?:${STATE_NAME_PATTERN})\\b`, 'g');
// A UK postcode, with the post town written before it on the same line ("London E2 7SK").
const UK_POSTCODE = /\b(?:[A-Z][a-z]+[ \t]+)?[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}\b/g;

// Named care facilities and organisations: one to five name words before a facility word.
const FACILITY_WORD =
  '(?:hospital|medical\\s+cent(?:er|re)|health\\s+cent(?:er|re)|urgent\\s+care|group|associates|partners|healthcare|health\\s+care|health\\s+system|health|clinic|infirmary|nursing\\s+home|nursing\\s+facility|rehab(?:ilitation)?(?:\\s+(?:cent(?:er|re)|hospital|facility))?|hospice(?:\\s+house)?|care\\s+cent(?:er|re)|medical\\s+group|medical\\s+associates|family\\s+practice|family\\s+medicine|pediatrics|cancer\\s+cent(?:er|re)|heart\\s+institute|institute|sanatorium|manor|assisted\\s+living|senior\\s+living|retirement\\s+home|care\\s+home|home\\s+care|university|college|school|academy|church|pharmacy|apothecary|drugstore|drugs?|chemists?|laboratories|corporation|corp|inc|llc|company|co)';
// Facility words are found first, then the naming words before them on the same line: scanning from
// every word for up to five names and a facility word costs far more on long notes. The pattern is
// tried only at tokens that can start it (FACILITY_STARTS).
const FACILITY_AT = new RegExp(`${FACILITY_WORD}\\b(?:\\s+(?:of|at)\\s+[A-Z][A-Za-z]+(?:\\s+[A-Z][A-Za-z]+)?)?`, 'iy');
const FACILITY_STARTS = keywordStart(new Set(['hospital', 'medical', 'health', 'urgent', 'group', 'associates', 'partners', 'healthcare', 'clinic', 'infirmary', 'nursing', 'rehab', 'rehabilitation', 'hospice', 'care', 'family', 'pediatrics', 'cancer', 'heart', 'institute', 'sanatorium', 'manor', 'assisted', 'senior', 'retirement', 'home', 'university', 'college', 'school', 'academy', 'church', 'pharmacy', 'apothecary', 'drugstore', 'drug', 'drugs', 'chemist', 'chemists', 'laboratories', 'corporation', 'corp', 'inc', 'llc', 'company', 'co']));
const NAME_WORD = fastLetters(/^(?:\p{L}[\p{L}'’&.-]*|&)$/u);
const STRONG_FACILITY = /(?:hospital|cent(?:er|re)|clinic|pediatrics|infirmary|nursing\s+home|rehab\w*|hospice|manor|institute|group|associates|partners|practice|living|care|home|healthcare|health|system|pharmacy|apothecary|drugs?|drugstore|chemists?|medicine)$/i;
// Hospital wards and units named after people or places: "Ellison 10", "Baker 6 West", "4 North".
const WARD = /(?:ward|unit|wing|floor|building|bldg|pavilion|tower)\s+#?\d+[A-Z]?\b|\d{1,2}\s*(?:north|south|east|west)\b/iy;
const WARD_WORDS = new Set(['ward', 'unit', 'wing', 'floor', 'building', 'bldg', 'pavilion', 'tower']);
const WARD_START = (token: Token) => !token.alpha || WARD_WORDS.has(token.key);

/** Words that describe a facility without naming it: inside a name they continue it, alone they name nothing. */
const DESCRIPTORS = new Set(['general', 'community', 'regional', 'memorial', 'county', 'university', 'medical', 'health', 'care', 'state', 'city', "children's", 'mental', 'psychiatric', 'nursing', 'home', 'rehab', 'cancer', 'heart', 'surgical', 'specialty', 'family', 'women\'s', 'veterans']);
const GENERIC_FACILITY_WORDS = new Set(['acute', 'subacute', 'skilled', 'long', 'term', 'long-term', 'short', 'short-term', 'inpatient', 'outpatient', 'new', 'previous', 'prior', 'current', 'the', 'a', 'an', 'this', 'that', 'his', 'her', 'their', 'our', 'outside', 'other', 'local', 'same', 'another', 'from', 'to', 'at', 'in', 'of', 'general', 'community', 'nursing', 'home', 'rehab', 'medical', 'health', 'care', 'primary', 'private', 'state', 'public', 'county', 'city', 'regional', 'memorial', 'children\'s', 'university', 'mental', 'psychiatric', 'va', 'osh', 'any', 'no', 'and', 'or', 'with', 'was', 'is', 'by', 'for', 'on']);

export interface AddressLexicon {
  isCommonWord(word: string): boolean;
  /** A word real clinical notes use as a non-name ("cont", "propofol"): it names no facility by itself. */
  isSafeWord(word: string): boolean;
  /** Clinical vocabulary: specialties, abbreviations, drugs ("renal", "icu"). */
  isClinicalWord(word: string): boolean;
  /** A given name or surname, also one that is a word ("ashworth", "hollister"). */
  isPersonName(word: string): boolean;
  isCity(name: string): boolean;
}

/** Places found by any recognizer take a ZIP code that follows them. */
export function extendWithZip(text: string, candidates: Candidate[]): void {
  for (const c of candidates) {
    if (c.type !== 'ADDRESS' || c.score < 0.5) continue;
    const zip = TRAILING_ZIP.exec(text.slice(c.end, c.end + 16));
    if (zip) c.end += zip[0].length;
  }
}

export function recognizeAddresses(text: string, tokens: readonly Token[], lexicon: AddressLexicon, lower = text.toLowerCase()): Candidate[] {
  const isCommonWord = (w: string) => lexicon.isCommonWord(w);
  const out: Candidate[] = [];
  const add = (start: number, value: string, score: number) => {
    const trimmed = value.replace(/[\s,.;:]+$/, '');
    if (trimmed) out.push({ start, end: start + trimmed.length, type: 'ADDRESS', score });
  };
  for (const m of text.matchAll(STREET)) if (isStreetName(m[0].split(/\s+/).slice(1, -1), isCommonWord)) add(m.index, m[0], 0.9);
  if (/\d{5}/.test(text)) {
    for (const m of text.matchAll(STREET_BEFORE_CITY)) if (isStreetName(m[0].split(/\s+/).slice(1, -1), isCommonWord)) add(m.index, m[0], 0.9);
  }
  if (text.includes(',')) {
    for (const m of text.matchAll(NAMED_STREET_BEFORE_CITY)) if (isStreetName(m[0].split(/\s+/).filter((w) => !/^(?:\d|\|)/.test(w)).slice(0, -1), isCommonWord)) add(m.index, m[0], 0.8);
  }
  for (const m of text.matchAll(PO_BOX)) add(m.index, m[0], 0.95);
  for (const m of text.matchAll(UNIT_ALONE)) add(m.index, m[0], 0.8);
  if (/\b(?:rm|room)\b/.test(lower)) for (const m of text.matchAll(ROOM)) add(m.index + m[0].length - (m[1] ?? '').length, m[1] ?? '', 0.8);
  for (const m of matchAtTokens(text, tokens, STREET_NO_NUMBER, STREET_NO_NUMBER_START)) {
    const value = m[1] ?? '';
    if (isStreetName(value.split(/\s+/).slice(0, -1), isCommonWord)) add(m.index + m[0].length - value.length, value, 0.75);
  }
  for (const m of matchAtTokens(text, tokens, WARD_WITH_CUE, WARD_CUE_START)) {
    const value = m[1] ?? '';
    const first = value.split(/\s/)[0]?.toLowerCase() ?? '';
    // "placed for ward 30" is generic; "placed for Bigelow 11" names the ward after someone.
    if (['ward', 'unit', 'floor', 'room', 'rm', 'bed', 'the', 'a', 'icu', 'micu', 'sicu', 'ccu', 'pod'].includes(first)) continue;
    if (!namesAWard(value, text, m.index, lexicon)) continue;
    add(m.index + m[0].length - value.length, value, 0.85);
  }
  for (const m of matchAtTokens(text, tokens, EMPLOYER, EMPLOYER_START)) pushEmployer(out, text, m.index + m[0].length - (m[1] ?? '').length, m[1] ?? '', isCommonWord);
  if (PHARMACY_NAMES.some((name) => lower.includes(name))) for (const m of text.matchAll(PHARMACY_CHAIN)) add(m.index, m[0], 0.7);
  for (const m of text.matchAll(CITY_STATE_ZIP)) {
    // "Lindqvist, MD" is a doctor, "Salem, OR" a place: a bare two-letter code needs a ZIP or a known city.
    const codeOnly = /,\s*[A-Z]{2}\.?$/.test(m[0]);
    if (codeOnly && !lexicon.isCity((m[1] ?? '').toLowerCase())) continue;
    add(m.index, m[0], 0.9);
  }
  for (const m of text.matchAll(STATE_ZIP)) add(m.index, m[0], 0.95);
  if (/\d{5}/.test(text)) for (const m of text.matchAll(CITY_PERIOD_STATE_ZIP)) add(m.index, m[0], 0.9);
  for (const m of text.matchAll(ZIP_CUE)) add(m.index + m[0].length - (m[1] ?? '').length, m[1] ?? '', 0.95);
  for (const m of text.matchAll(STATE_NAME)) add(m.index, m[0], 0.75);
  for (const m of text.matchAll(UK_POSTCODE)) if (/\d/.test(m[0]) && m[0].length >= 5) add(m.index, m[0], 0.6);
  for (const m of matchAtTokens(text, tokens, FACILITY_AT, FACILITY_STARTS)) {
    const before = wordsBeforeFacility(text, m.index);
    if (before) pushFacility(out, text, m.index - before.length, before + m[0], lexicon, m[0].split(/\s+/).length);
  }
  for (const m of matchAtTokens(text, tokens, WARD, WARD_START)) add(m.index, m[0], 0.6);
  return out;
}

function pushEmployer(out: Candidate[], text: string, start: number, value: string, isCommonWord: (w: string) => boolean): void {
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
  if (!name || !/^[A-Z]/.test(name) && kept.every((w) => isCommonWord(w.toLowerCase()))) return;
  if (kept.every((w) => isCommonWord(w.toLowerCase()) && !/^[A-Z][a-z]/.test(w) && !/^[A-Z]{2,6}$/.test(w))) return;
  if (/^(?:The|This|That|His|Her|Their|Home|Night|Work)$/.test(kept[0] ?? '')) return;
  out.push({ start, end: start + name.length, type: 'ADDRESS', score: 0.7 });
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
function pushFacility(out: Candidate[], text: string, start: number, value: string, lexicon: AddressLexicon, facilityLength: number): void {
  const isCommonWord = (w: string) => lexicon.isCommonWord(w);
  const all = value.split(/\s+/);
  let first = all.length - 2;
  const uncased = !lineHasLowerCase(text, start) || !/\p{Lu}/u.test(value);
  // Without capitals, only a word real notes never use as an ordinary word names the place.
  const isNaming = (w: string) => (uncased ? isNamingWord(w.toLowerCase(), (x) => lexicon.isSafeWord(x)) : isNamingWord(w, isCommonWord));
  while (first >= 0 && isNaming(all[first] ?? '')) first--;
  // "RIVERSIDE NURSING HOME", "sunrise assisted living": before a facility name of two or more words the
  // word right before it names it even when it is an ordinary word ("PT GIVEN HOSPITAL" is no name).
  const fullFacility = uncased && facilityLength >= 2;
  const beforeFacility = all.length - facilityLength - 1;
  if (fullFacility && first >= beforeFacility && isOrdinaryNameWord(all[beforeFacility] ?? '', lexicon)) first = beforeFacility - 1;
  // Without capitals, "good shepherd rehab": an everyday word right before a naming word belongs to the name.
  if (uncased && first >= 0 && first < all.length - 2 && /^\p{L}+$/u.test(all[first] ?? '') && !FUNCTION_WORDS.has((all[first] ?? '').toLowerCase())) first--;
  for (let i = 0; i <= first; i++) start += (all[i] ?? '').length + 1;
  const words = all.slice(first + 1);
  const naming = words.slice(0, -1).filter((w) => !GENERIC_FACILITY_WORDS.has(w.toLowerCase()) && !DESCRIPTORS.has(w.toLowerCase()));
  const facility = words[words.length - 1] ?? '';
  if (naming.length === 0 || isDepartment(naming, facility, lexicon) || isDrugDescribed(naming, facility, lexicon, text, start + words.join(' ').length)) return;
  // Philter's test: a word real notes never use as an ordinary word names something ("good shepherd
  // rehab"); "cont rehab", "pulm rehab" and "acute rehab" are made of such ordinary words.
  const distinctive = naming.some((w) => !lexicon.isSafeWord(w.toLowerCase().replace(/['’]s$/, '')));
  const capitalised = hasNamingCapital(text, start, words);
  const strong = STRONG_FACILITY.test(value) ? distinctive || capitalised || fullFacility : distinctive;
  if (!strong) return;
  // Without capitals, a word no note uses as an ordinary word before "Medical Center" is as good as a capital.
  const named = capitalised || (uncased && (distinctive || fullFacility));
  out.push({ start, end: start + words.join(' ').length, type: 'ADDRESS', score: named ? (STRONG_FACILITY.test(value) ? 0.94 : 0.85) : 0.6 });
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
  if (!/^(?:clinic|cent(?:er|re)|unit|service|department|dept|program|programme|lab|laboratory)$/i.test(facility)) return false;
  const parts = naming.flatMap((w) => w.toLowerCase().split('-')).filter((p) => p.length > 0);
  return parts.some((p) => lexicon.isClinicalWord(p)) && parts.every((p) => lexicon.isClinicalWord(p) || lexicon.isSafeWord(p));
}

/**
 * "Antiepileptic Drug", "Study Drug", "Illicit Drugs": a drug described by an everyday, clinical or
 * adjective-like word names no drugstore; "Kingsbridge Drug" does. Likewise "Behavioral Health".
 */
function isDrugDescribed(naming: string[], facility: string, lexicon: AddressLexicon, text: string, end: number): boolean {
  const ordinary = (w: string): boolean => lexicon.isSafeWord(w) || lexicon.isClinicalWord(w) || lexicon.isCommonWord(w);
  // "Behavioral Health", "Student Health": a kind of care; "Kang & Darwish Women's Health" names a practice.
  if (/^health$/i.test(facility)) return naming.every((w) => ordinary(w.toLowerCase().replace(/['’]s$/, '')));
  if (!/^drugs?$/i.test(facility) || hasContactAfter(text, end)) return false;
  const last = (naming[naming.length - 1] ?? '').toLowerCase();
  return lexicon.isSafeWord(last) || lexicon.isClinicalWord(last) || /(?:ic|al|ory|ive|ed|ant|ent|ing|ous|ar)$/.test(last);
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

function lineHasLowerCase(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let lineEnd = text.indexOf('\n', at);
  if (lineEnd < 0) lineEnd = text.length;
  return /\p{Ll}/u.test(text.slice(lineStart, lineEnd));
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
  return words.some((w) => !lexicon.isSafeWord(w.toLowerCase()) || named(w.toLowerCase()) || (cased && /^\p{Lu}\p{Ll}/u.test(w)));
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
  if (GENERIC_FACILITY_WORDS.has(word.toLowerCase())) return /^[A-Z]/.test(word) && !/^(?:the|a|an|from|to|at|in|and|or|with|was|is|by|for|on|his|her|their|our|this|that|any|no)$/i.test(word);
  return /^[A-Z]/.test(word) || !isCommonWord(word.toLowerCase().replace(/['’]s$/, ''));
}


const NOT_STREET_WORDS = new Set(['by', 'to', 'with', 'from', 'at', 'on', 'in', 'the', 'and', 'of', 'for', 'pt', 'x', 'q', 'per', 'times', 'mg', 'mcg', 'ml', 'units', 'unit', 'tab', 'tabs', 'days', 'day', 'weeks', 'hours', 'hrs', 'min', 'was', 'is', 'saw', 'seen', 'called', 'see', 'per', 'or', 'am', 'pm']);

/** "14 by Dr Smith" and "5 mg PO daily" are not streets; "12 Oak St" is. */
/** The words between the house number and the street suffix ("Oak" of "12 Oak St"). */
function isStreetName(original: string[], isCommonWord: (word: string) => boolean): boolean {
  const words = original.map((w) => w.toLowerCase().replace(/[.,]$/, ''));
  if (words.some((w) => NOT_STREET_WORDS.has(w))) return false;
  // Mixed case: street names are capitalised ("12 Oak St"). Otherwise one word must not be everyday English.
  if (original.every((w) => /^(?:[A-Z][a-z'’.-]|\d+(?:st|nd|rd|th)$|[NSEW]\.?$)/.test(w))) return true;
  return words.some((w) => !isCommonWord(w) || /\d/.test(w));
}
