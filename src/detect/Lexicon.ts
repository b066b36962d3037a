import { readFileSync } from 'node:fs';

/** Word lists the recognizers consult; every entry is lower case. Built by scripts/build-dictionaries.ts. */
export interface Lexicon {
  /** Everyday English (SCOWL 10-50): a capitalised one is usually a sentence start, not a name. */
  commonWords: ReadonlySet<string>;
  /** Rarer English (SCOWL 55-70). */
  knownWords: ReadonlySet<string>;
  firstNames: ReadonlySet<string>;
  /** First and last names that are not English words. */
  personNames: ReadonlySet<string>;
  cities: ReadonlySet<string>;
  countries: ReadonlySet<string>;
  clinicalWords: ReadonlySet<string>;
  /**
   * Philter's whitelist: words seen in real clinical notes that are not PHI (short forms, drugs, devices,
   * misspellings, everyday English). A word on it is a name only when context says so.
   */
  safeWords: ReadonlySet<string>;
  /** Given and family names that are also words ("summer", "bishop", "barrow"): names only in context. */
  nameWords: ReadonlySet<string>;
  eponyms: ReadonlySet<string>;
  /** First word of every city and country name -> the most words a name starting with it has. */
  placeStarts: ReadonlyMap<string, number>;
  /** First words of multi-word eponyms ("lou" of "lou_gehrig"), and of hyphenated ones ("budd" of "budd-chiari"). */
  eponymStarts: ReadonlySet<string>;
}

const DATA_DIR = new URL('./data/', import.meta.url);

function readList(file: string): Set<string> {
  const text = readFileSync(new URL(file, DATA_DIR), 'utf8');
  const set = new Set<string>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    // Hand-curated files hold several terms a line; generated ones one a line (and may contain spaces).
    const terms = file.startsWith('clinical') || file.startsWith('eponyms') ? line.split(/\s+/) : [line.trim()];
    for (const term of terms) if (term) set.add(term);
  }
  return set;
}

let cached: Lexicon | undefined;

/** Loads the lists once per process (about 150 ms, 70 MB); later calls share them. */
export function loadLexicon(): Lexicon {
  if (cached) return cached;
  const cities = readList('cities.txt');
  const countries = readList('countries.txt');
  const eponyms = readList('eponyms.txt');
  cached = {
    commonWords: readList('common-words.txt'),
    knownWords: readList('known-words.txt'),
    firstNames: readList('first-names.txt'),
    personNames: readList('person-names.txt'),
    cities,
    countries,
    clinicalWords: readList('clinical-words.txt'),
    safeWords: readList('safe-words.txt'),
    nameWords: readList('name-words.txt'),
    eponyms,
    eponymStarts: new Set([...eponyms].filter((e) => /[_-]/.test(e)).map((e) => e.split(/[_-]/)[0] ?? e)),
    placeStarts: wordCounts([...cities, ...countries]),
  };
  return cached;
}

function wordCounts(names: string[]): Map<string, number> {
  const starts = new Map<string, number>();
  for (const name of names) {
    const words = name.split(' ');
    const first = words[0] ?? name;
    starts.set(first, Math.max(starts.get(first) ?? 0, words.length));
  }
  return starts;
}
