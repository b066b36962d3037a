import words from './word-lists/nameCues.json' with { type: 'json' };

/** Words around a name that say it is one. Lower case, without trailing periods; the lists are in word-lists/. */

export const TITLES: ReadonlySet<string> = new Set(words.titles);

export const RELATIONS: ReadonlySet<string> = new Set(words.relations);

/** Weaker cues: a name often follows them, so they raise a candidate's score but never make one alone. */
export const CUES: ReadonlySet<string> = new Set(words.cues);

/** Degrees, licences and generational suffixes; laboratory, imaging and pharmacy staff sign results too. */
export const CREDENTIALS: ReadonlySet<string> = new Set(words.credentials);

/** Lower-case name particles: joined inside a name ("Ludwig van Beethoven"), never a name alone. */
export const PARTICLES: ReadonlySet<string> = new Set(words.particles);

export const MONTHS_AND_DAYS: ReadonlySet<string> = new Set(words.monthsAndDays);

/** Capitalised words that are proper nouns but not PHI: languages, peoples, religions, payers, organisations of care. */
export const PROPER_NON_PHI: ReadonlySet<string> = new Set(words.properNonPhi);

/** Words of letters and e-mails that sit next to names but never are one. */
export const NEVER_NAMES: ReadonlySet<string> = new Set(words.neverNames);

/** Function words: never part of a name, whatever their case ("The Davis", "AND"). */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(words.functionWords);
