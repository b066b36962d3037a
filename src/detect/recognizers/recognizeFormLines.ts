import type { Candidate } from '../Candidate.ts';
import type { Lexicon } from '../Lexicon.ts';
import { PARTICLES } from '../nameCues.ts';

// "Employer: Takahashi & Sons Realty", "Company: Acme": on a form the whole value names where the person works.
const EMPLOYER_FIELD =
  /(?:^|\n|[|;]|\t| {2,})[ \t]*(?:employer|employed\s+(?:by|at)|company|place\s+of\s+work|workplace)[ \t]*:[ \t]*(\p{L}[^\n|;:]{1,60}?)[ \t]*\.?[ \t]*(?=\n|$|[|;])/giu;
// Values that name no employer.
const NO_EMPLOYER =
  /^(?:none|n\/a|na|unemployed|retired|self(?:[ -]employed)?|student|homemaker|disabled|unknown|not\s+working|on\s+file)$/i;
// "SHAPIRO, AVI A" on a prescription label, "OTIENO, IBRAHIMA O" on a radiograph, "Ho, Lei - Chart" in a
// browser tab, "DE LEON, EKATERINA", "DELA CRUZ, RODEL s" (the initial misread in lower case): a line that is
// only "Surname, Given [I]" (or starts a title before " - " or " | "), the surname of up to three words.
const NAME_LINE =
  /(?:^|\n)[ \t]*((?:\p{Lu}[\p{L}'’-]*[ \t]+){0,2}\p{Lu}[\p{L}'’-]+,[ \t]+\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{L}\.?)?)[ \t]*(?=\n|$|[ \t]+[-–|][ \t])/gu;

// "Miles Stone" over "772 Holly Street, Spokane": the line right above a street address, two or three
// capitalised words alone, is whom the address belongs to (a prescription label, a letter's address block).
const ADDRESSEE_LINE =
  /(?:^|\n)[ \t]*(\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}\.)?(?:[ \t]+\p{Lu}[\p{L}'’-]+){1,2})[ \t]*\n[ \t]*\d{1,6}[A-Za-z]?[ \t]+\p{Lu}\p{L}/gu;

// The line after a name line starts a postal address: a house number and a capitalised street, or a PO box.
const ADDRESS_LINE_START = /^[^\n]*\n[ \t]*(?:\d{1,6}[A-Za-z]?[ \t]+\p{Lu}\p{L}|p\.?[ \t]?o\.?[ \t]*box[ \t]+\d)/iu;

/** Particles that start a surname written in capitals ("DE LEON", "DELA CRUZ", "VAN DER BERG"): no evidence either way. */
const SURNAME_PARTICLES = new Set([...PARTICLES, 'dela', 'della', 'delos', 'los', 'mac', 'mc', 'abu', 'ap']);

/** Values of form fields and label lines whose shape alone says what they are. */
export function recognizeFormLines(text: string, lexicon: Lexicon): Candidate[] {
  const out: Candidate[] = [];
  if (/employ|company|work/i.test(text)) {
    for (const m of text.matchAll(EMPLOYER_FIELD)) {
      const value = m[1] ?? '';
      if (NO_EMPLOYER.test(value)) continue;
      const start = m.index + m[0].lastIndexOf(value);
      out.push({ start, end: start + value.length, type: 'ADDRESS', score: 0.8 });
    }
  }
  if (text.includes(',')) {
    for (const m of text.matchAll(NAME_LINE)) {
      const value = m[1] ?? '';
      const start = m.index + m[0].indexOf(value);
      if (
        !looksLikeNames(value, lexicon) &&
        !(hasClearName(value, lexicon) && hasNoClinicalWord(value, lexicon)) &&
        !(isAddressBelow(text, start + value.length) && hasNoClinicalWord(value, lexicon))
      )
        continue;
      out.push({ start, end: start + value.length, type: 'NAME', score: 0.75 });
    }
  }
  for (const m of text.matchAll(ADDRESSEE_LINE)) {
    const value = m[1] ?? '';
    if (!isAddressee(value, lexicon)) continue;
    const start = m.index + m[0].indexOf(value);
    out.push({ start, end: start + value.length, type: 'NAME', score: 0.7 });
  }
  return out;
}

/** A person's name by the name lists: a word of it is a given name or a surname, and none is clinical ("Home Address" is no one). */
function isAddressee(value: string, lexicon: Lexicon): boolean {
  // Two letters are a name too ("Bo Do" over "378 Birch Circle").
  const words = value
    .split(/\s+/)
    .filter((w) => w.length > 1 && !w.endsWith('.'))
    .map((w) => w.toLowerCase());
  return (
    words.some((w) => lexicon.firstNames.has(w) || lexicon.personNames.has(w)) &&
    !words.some((w) => lexicon.clinicalWords.has(w))
  );
}

/** "SNOW, YOUNG" above "195 Bridge St": whose address it is, though both words are everyday English. */
function isAddressBelow(text: string, end: number): boolean {
  return ADDRESS_LINE_START.test(text.slice(end, end + 200));
}

/**
 * "VILLANUEVA, BISHOP": a word of the line is a name and no English word, so the other, though everyday
 * English, is the given name ("NEURO, CV" has none such, "Hashimoto, Graves" names diseases).
 */
function hasClearName(value: string, lexicon: Lexicon): boolean {
  const words = value
    .split(/[,\s]+/)
    .filter((w) => w.length > 2)
    .map((w) => w.toLowerCase());
  // "Hashimoto, Graves" is a problem list of eponyms, not a person.
  if (words.some((w) => lexicon.eponyms.has(w) || lexicon.eponymStarts.has(w))) return false;
  // "DE NOVO, STABLE": a word the non-PHI whitelist has, and no name list, is the note's own word.
  const named = (w: string): boolean =>
    lexicon.firstNames.has(w) || lexicon.personNames.has(w) || lexicon.nameWords.has(w);
  if (words.some((w) => lexicon.safeWords.has(w) && !named(w))) return false;
  return words.some(
    (w) =>
      (lexicon.firstNames.has(w) || lexicon.personNames.has(w)) &&
      !lexicon.commonWords.has(w) &&
      !lexicon.knownWords.has(w) &&
      !lexicon.safeWords.has(w),
  );
}

function hasNoClinicalWord(value: string, lexicon: Lexicon): boolean {
  return value
    .split(/[,\s]+/)
    .filter((w) => w.length > 1)
    .every((w) => !lexicon.clinicalWords.has(w.toLowerCase()));
}

/**
 * Both words could be names: none is a clinical word or a word of the non-PHI whitelist unless a name
 * list has it, so "NEURO, CV" and "Lasix, Metoprolol" (a line of a problem or medication list) stay.
 */
function looksLikeNames(value: string, lexicon: Lexicon): boolean {
  const words = value
    .split(/[,\s]+/)
    .filter((w) => w.length > 1)
    .map((w) => w.toLowerCase().replace(/[’']s$/, ''))
    .filter((w) => !SURNAME_PARTICLES.has(w));
  return (
    words.length >= 2 &&
    words.every((w) => {
      const named = lexicon.firstNames.has(w) || lexicon.personNames.has(w);
      const ordinary = lexicon.clinicalWords.has(w) || lexicon.safeWords.has(w) || lexicon.commonWords.has(w);
      return named || !ordinary;
    })
  );
}
