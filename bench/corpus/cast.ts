import type { Rng } from './random.ts';
import { CULTURES, NICKNAMES, type NameCulture } from './vocabulary/names.ts';
import { PROFESSIONS } from './vocabulary/professions.ts';

export type Sex = 'M' | 'F';

export interface Person {
  first: string;
  /** Full middle name; forms may shorten it to an initial. */
  middle?: string;
  last: string;
  sex: Sex;
  nick?: string;
}

export interface Relative {
  person: Person;
  /** 'wife', 'son', 'dtr'... as the note would say it. */
  relation: string;
  profession?: string;
}

export interface Patient extends Person {
  /** Age in years (or months for infants). */
  age: number;
  ageUnit: 'year' | 'month';
  dob: Date;
  /** Empty for children. */
  profession: string;
}

export function isMinor(p: Person): boolean {
  const pt = p as Partial<Patient>;
  return pt.ageUnit === 'month' || (pt.age !== undefined && pt.age < 18);
}

/** Everybody a note may mention, so that one person is named consistently (and in several forms) within a doc. */
export interface Cast {
  patient: Patient;
  relatives: Relative[];
  /** Physicians: attending, consultants, PCP, referring... in that order. */
  doctors: Person[];
  nurses: Person[];
}

function pickCulture(rng: Rng): NameCulture {
  return rng.weighted(CULTURES.map((c) => [c, c.weight] as const));
}

export function makePerson(rng: Rng, options: { sex?: Sex; last?: string; culture?: NameCulture } = {}): Person {
  const culture = options.culture ?? pickCulture(rng);
  const sex: Sex = options.sex ?? (rng.chance(0.5) ? 'M' : 'F');
  // A share of people have a given name from another culture than their surname.
  const firstCulture = rng.chance(0.15) ? pickCulture(rng) : culture;
  const first = rng.pick(sex === 'M' ? firstCulture.male : firstCulture.female);
  let last = options.last ?? rng.pick(culture.surnames);
  if (!options.last && rng.chance(0.04)) last = `${last}-${rng.pick(pickCulture(rng).surnames)}`;
  // Word processors turn O'Brien into O’Brien.
  if (last.includes("'") && rng.chance(0.2)) last = last.replace(/'/gu, '\u2019');
  const person: Person = { first, last, sex };
  if (rng.chance(0.55)) {
    const middleCulture = rng.chance(0.7) ? culture : pickCulture(rng);
    const middle = rng.pick(sex === 'M' ? middleCulture.male : middleCulture.female);
    if (middle !== first) person.middle = middle;
  }
  const nicks = NICKNAMES[first];
  if (nicks && rng.chance(0.6)) person.nick = rng.pick(nicks);
  return person;
}

function patientAge(rng: Rng): { age: number; unit: 'year' | 'month' } {
  const band = rng.weighted([
    ['infant', 1],
    ['child', 3],
    ['young', 14],
    ['middle', 30],
    ['old', 38],
    ['very old', 12],
  ] as const);
  switch (band) {
    case 'infant':
      return { age: rng.int(1, 23), unit: 'month' };
    case 'child':
      return { age: rng.int(2, 17), unit: 'year' };
    case 'young':
      return { age: rng.int(18, 39), unit: 'year' };
    case 'middle':
      return { age: rng.int(40, 64), unit: 'year' };
    case 'old':
      return { age: rng.int(65, 89), unit: 'year' };
    default:
      return { age: rng.int(90, 104), unit: 'year' };
  }
}

const RELATIONS_SPOUSE: Record<Sex, readonly string[]> = {
  M: ['wife', 'partner', 'spouse'],
  F: ['husband', 'partner', 'spouse'],
};
const RELATIONS_OTHER: readonly (readonly [string, Sex | undefined])[] = [
  ['daughter', 'F'],
  ['dtr', 'F'],
  ['son', 'M'],
  ['sister', 'F'],
  ['brother', 'M'],
  ['mother', 'F'],
  ['father', 'M'],
  ['niece', 'F'],
  ['nephew', 'M'],
  ['granddaughter', 'F'],
  ['grandson', 'M'],
  ['friend', undefined],
  ['neighbor', undefined],
  ['HCP', undefined],
  ['cousin', undefined],
  ['aunt', 'F'],
  ['daughter-in-law', 'F'],
];

const RELATIONS_CHILD: readonly (readonly [string, Sex | undefined])[] = [
  ['grandmother', 'F'],
  ['grandfather', 'M'],
  ['aunt', 'F'],
  ['uncle', 'M'],
  ['sister', 'F'],
  ['brother', 'M'],
  ['foster mother', 'F'],
  ['guardian', undefined],
  ['stepfather', 'M'],
];

export function makeCast(rng: Rng, anchor: Date): Cast {
  const culture = pickCulture(rng);
  const base = makePerson(rng, { culture });
  const { age, unit } = patientAge(rng);
  const dob = new Date(anchor.getTime());
  if (unit === 'year') dob.setUTCFullYear(dob.getUTCFullYear() - age);
  else dob.setUTCMonth(dob.getUTCMonth() - age);
  dob.setUTCDate(dob.getUTCDate() - rng.int(1, 360));
  const grownUp = unit === 'year' && age >= 18;
  const patient: Patient = { ...base, age, ageUnit: unit, dob, profession: grownUp ? rng.pick(PROFESSIONS) : '' };

  const relatives: Relative[] = [];
  const adult = unit === 'year' && age >= 18;
  if (adult && rng.chance(0.7)) {
    const sex: Sex = rng.chance(0.9) ? (patient.sex === 'M' ? 'F' : 'M') : patient.sex;
    const sameName = rng.chance(0.6);
    relatives.push({
      person: makePerson(rng, { sex, culture, ...(sameName ? { last: patient.last } : {}) }),
      relation: rng.pick(RELATIONS_SPOUSE[patient.sex]),
      profession: rng.pick(PROFESSIONS),
    });
  }
  if (!adult) {
    relatives.push({
      person: makePerson(rng, { sex: 'F', culture, last: patient.last }),
      relation: 'mother',
      profession: rng.pick(PROFESSIONS),
    });
    relatives.push({
      person: makePerson(rng, { sex: 'M', culture, last: patient.last }),
      relation: 'father',
      profession: rng.pick(PROFESSIONS),
    });
  }
  for (let i = rng.int(1, 3); i > 0; i--) {
    const [relation, sex] = rng.pick(adult ? RELATIONS_OTHER : RELATIONS_CHILD);
    const kin = !['friend', 'neighbor', 'HCP'].includes(relation);
    relatives.push({
      person: makePerson(rng, {
        ...(sex ? { sex } : {}),
        ...(kin && rng.chance(0.5) ? { culture, last: patient.last } : {}),
      }),
      relation,
      profession: rng.pick(PROFESSIONS),
    });
  }

  const doctors = Array.from({ length: 5 }, () => makePerson(rng));
  const nurses = Array.from({ length: 3 }, () => makePerson(rng));
  return { patient, relatives, doctors, nurses };
}

/** The i-th element of a non-empty list (wraps). */
export function nth<T>(items: readonly T[], i: number): T {
  if (items.length === 0) throw new Error('nth of an empty list');
  return items[i % items.length] as T;
}
