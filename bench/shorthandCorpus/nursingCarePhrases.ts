// ICU shorthand for skin, lines, family and charting (times, plans, ranges with a unit), none of it PHI;
// icuShorthand.ts puts skin, lines and family in SYSTEMS and exports the charting phrases.
import { clock, i, type Phrase } from './shorthandPhrase.ts';

const time: Phrase = (rng) =>
  rng.pick([clock(rng), `@ ${clock(rng)}`, `at ${clock(rng)}`, `${clock(rng)}-${clock(rng)}`]);

export const SKIN: Phrase[] = [
  () => 'coccyx intact',
  () => 'turned q2h',
  () => 'turned and repositioned q2h',
  (r) => `stage ${i(r, 1, 3)} on sacrum`,
  () => 'heels boggy, off loaded',
  () => 'duoderm to coccyx',
  () => 'pat dry, no breakdown',
  () => 'skin intact',
  () => 'ecchymotic areas arms',
  () => 'wound bed pink',
  () => 'dsg c/d/i',
  () => 'site marked',
];

export const LINES: Phrase[] = [
  () => 'R IJ TLC',
  () => 'L SC TLC',
  () => 'L radial aline',
  () => 'R fem aline',
  () => 'art line dampened, flushed',
  () => 'PIV x2',
  () => 'PICC R arm',
  () => 'swan in place',
  () => 'cordis L IJ',
  () => 'OGT placement confirmed by CXR',
  () => 'all lines intact',
  () => 'aline drawing well',
  () => 'chest tube to -20 sx, no air leak',
];

export const CHARTING: Phrase[] = [
  () => 'see flowsheet',
  () => 'see carevue',
  () => 'see flowsheet for details',
  () => 'see MAR',
  () => 'meds per MAR',
  () => 'cont to mon',
  () => 'will cont to monitor',
  () => '1st step',
  () => 'cont rehab',
  () => 'early evening',
  () => 'at home',
  time,
  () => 'call bell in reach',
  () => 'HOB > 30',
  () => 'day team aware',
  () => 'paged team',
  // Ranges carry a unit or a noun: a bare "6-8" is a nursing date by the guideline.
  () => 'MD aware',
  () => 'resident aware',
  () => 'no major events overnight',
  (r) => `${i(r, 5, 7)}-${i(r, 8, 9)} loose stools`,
  (r) => `goal ${i(r, 6, 9) * 100}-${i(r, 10, 14) * 100}cc neg`,
  (r) => `sleeping ${i(r, 1, 3)}-${i(r, 4, 5)} hrs at a time`,
  () => 'long term plan unclear',
  () => 'home meds held',
  () => 'at home on coumadin',
  () => 'lives at home',
  () => 'CT scan this afternoon',
  () => 'to OR 3 in am',
  () => 'back from IR',
  () => 'OSH records requested',
  () => 'may need PT consult',
];

export const FAMILY: Phrase[] = [
  () => 'family in to visit',
  () => 'spoke w/ family',
  () => 'HCP aware',
  () => 'code status discussed',
  () => 'DNR/DNI',
  () => 'CMO discussed w/ family',
  () => 'SW following',
  () => 'chaplain in',
  () => 'family meeting planned',
];
