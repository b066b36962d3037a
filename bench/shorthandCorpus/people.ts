// The people of one note and the ways their names are written. Every name is a NAME span; titles
// ("Dr"), credentials ("RN") and possessive "'s" stay outside, as the guideline says.
import { phi } from '../corpus/NoteBuilder.ts';
import type { Rng } from '../corpus/random.ts';
import { addDays, type Day } from './dates.ts';
import type { ShorthandLexicons } from './lexicons.ts';
import { FIRST_NAME_WORDS, LAST_NAME_WORDS } from './nameWords.ts';
import { PROFESSIONS } from './professions.ts';
import type { Frag } from './ShorthandBuilder.ts';

export interface Person {
  first: string;
  middle: string;
  last: string;
}
export interface Patient extends Person {
  age: number;
  sex: 'M' | 'F';
  dob: Day;
  profession: string;
}
export interface Relative extends Person {
  relation: string;
  profession: string;
}
export interface ShorthandCast {
  patient: Patient;
  relatives: Relative[];
  doctors: Person[];
  nurses: Person[];
}

const RELATIONS = [
  'wife',
  'husband',
  'son',
  'dtr',
  'daughter',
  'sister',
  'brother',
  'bro',
  'mother',
  'father',
  'niece',
  'nephew',
  'friend',
  'grandson',
  'granddaughter',
  'HCP',
];
const LETTERS = 'ABCDEFGHIJKLMNOPRSTW';

export function person(rng: Rng, lex: ShorthandLexicons): Person {
  // A quarter of names are ordinary words (Will, Hope, Fox, Young): names only by context.
  const first = rng.chance(0.2) ? rng.pick(FIRST_NAME_WORDS) : rng.pick(lex.firstNames);
  const last = rng.chance(0.25) ? rng.pick(LAST_NAME_WORDS) : rng.pick(lex.lastNames);
  return { first, middle: rng.pick([...LETTERS]), last };
}

export function shorthandCast(rng: Rng, lex: ShorthandLexicons, anchor: Day): ShorthandCast {
  const age = rng.chance(0.1) ? rng.int(90, 99) : rng.int(19, 89);
  const patient: Patient = {
    ...person(rng, lex),
    age,
    sex: rng.chance(0.5) ? 'M' : 'F',
    dob: addDays(anchor, -age * 365 - rng.int(0, 364)),
    profession: rng.pick(PROFESSIONS),
  };
  const relatives = Array.from({ length: rng.int(1, 3) }, () => ({
    ...person(rng, lex),
    relation: rng.pick(RELATIONS),
    profession: rng.pick(PROFESSIONS),
  }));
  const many = (n: number) => Array.from({ length: n }, () => person(rng, lex));
  return { patient, relatives, doctors: many(rng.int(2, 4)), nurses: many(2) };
}

export type NameForm =
  'full' | 'middle' | 'lastFirst' | 'LASTFIRST' | 'initialLast' | 'first' | 'last' | 'initials' | 'firstInitial';

const NAME_FORMS: Record<NameForm, (p: Person) => string> = {
  full: (p) => `${p.first} ${p.last}`,
  middle: (p) => `${p.first} ${p.middle}. ${p.last}`,
  lastFirst: (p) => `${p.last}, ${p.first}`,
  LASTFIRST: (p) => `${p.last}, ${p.first} ${p.middle}`.toUpperCase(),
  initialLast: (p) => `${p.first.charAt(0)}. ${p.last}`,
  first: (p) => p.first,
  last: (p) => p.last,
  initials: (p) => `${p.first.charAt(0)}${p.last.charAt(0)}`,
  firstInitial: (p) => `${p.first} ${p.last.charAt(0)}`,
};

export const nameText = (p: Person, form: NameForm): string => NAME_FORMS[form](p);

/** Nurses type names as they come: mostly as is, some lower case ("wife mary"), some caps ("dtr SUSAN"). */
export function typedCase(rng: Rng, s: string): string {
  const r = rng.next();
  return r < 0.2 ? s.toLowerCase() : r < 0.32 ? s.toUpperCase() : s;
}

export const name = (rng: Rng, p: Person, forms: readonly NameForm[]): Frag =>
  phi('NAME', nameText(p, rng.pick(forms)));

/** "Dr smith", "DR JONES", "Dr. k. patel", "Dr.Fox". */
export function drRef(rng: Rng, p: Person): Frag {
  // "Dr.Smith" (no space) is rare but real.
  const title = rng.weighted([
    ['Dr ', 4],
    ['Dr. ', 4],
    ['dr ', 3],
    ['DR ', 2],
    ['Dr.', 1],
  ] as const);
  const text = typedCase(rng, nameText(p, rng.pick<NameForm>(['last', 'last', 'last', 'initialLast', 'full'])));
  return [title, phi('NAME', title === 'DR ' ? text.toUpperCase() : text)];
}

/** Nursing sign-offs: "-jm RN", "K. Smith RN", "/kd", "Karen S, RN". */
export function nurseSignoff(rng: Rng, p: Person): Frag {
  const initials = nameText(p, 'initials');
  switch (rng.int(0, 4)) {
    case 0:
      return ['-', phi('NAME', initials.toLowerCase()), ' RN'];
    case 1:
      return [phi('NAME', nameText(p, 'initialLast')), ' RN'];
    case 2:
      return ['/', phi('NAME', initials.toLowerCase())];
    case 3:
      return [phi('NAME', nameText(p, 'firstInitial')), ', RN'];
    default:
      return [phi('NAME', nameText(p, 'full')), ' RN'];
  }
}
