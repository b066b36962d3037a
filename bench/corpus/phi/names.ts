import { isMinor, type Person } from '../cast.ts';
import { phi, type Fragment, type PhiPiece } from '../NoteBuilder.ts';
import type { Rng } from '../random.ts';

export type NameForm =
  | 'full'
  | 'fullMiddle'
  | 'fullMiddleInitial'
  | 'lastFirst'
  | 'lastFirstMiddle'
  | 'initialLast'
  | 'initialsLast'
  | 'first'
  | 'last'
  | 'initials'
  | 'initialsDotted'
  | 'nick'
  | 'nickLast'
  | 'upperLastFirst'
  | 'lastCommaInitial';

const initial = (name: string): string => name.match(/\p{Lu}/u)?.[0] ?? name.charAt(0).toUpperCase();
/** Initials of every capitalized part: "van der Berg" gives "B", "O'Brien" gives "O", "Smith-Jones" gives "S". */
const surnameInitial = (last: string): string =>
  initial(last.split(/\s+/u).find((part) => /^\p{Lu}/u.test(part)) ?? last);

export function formatName(p: Person, form: NameForm): string {
  const mid = p.middle;
  switch (form) {
    case 'full':
      return `${p.first} ${p.last}`;
    case 'fullMiddle':
      return mid ? `${p.first} ${mid} ${p.last}` : `${p.first} ${p.last}`;
    case 'fullMiddleInitial':
      return mid ? `${p.first} ${initial(mid)}. ${p.last}` : `${p.first} ${p.last}`;
    case 'lastFirst':
      return `${p.last}, ${p.first}`;
    case 'lastFirstMiddle':
      return mid ? `${p.last}, ${p.first} ${initial(mid)}.` : `${p.last}, ${p.first}`;
    case 'initialLast':
      return `${initial(p.first)}. ${p.last}`;
    case 'initialsLast':
      return mid ? `${initial(p.first)}.${initial(mid)}. ${p.last}` : `${initial(p.first)}. ${p.last}`;
    case 'first':
      return p.first;
    case 'last':
      return p.last;
    case 'initials':
      return `${initial(p.first)}${surnameInitial(p.last)}`;
    case 'initialsDotted':
      return `${initial(p.first)}.${surnameInitial(p.last)}.`;
    case 'nick':
      return p.nick ?? p.first;
    case 'nickLast':
      return `${p.nick ?? p.first} ${p.last}`;
    case 'upperLastFirst':
      return `${p.last}, ${p.first}${mid ? ` ${initial(mid)}` : ''}`.toUpperCase();
    case 'lastCommaInitial':
      return `${p.last}, ${initial(p.first)}.`;
  }
}

export function name(p: Person, form: NameForm = 'full'): PhiPiece {
  return phi('NAME', formatName(p, form));
}

/** A random form, weighted toward what is common in running text. */
export function anyName(rng: Rng, p: Person): PhiPiece {
  return name(
    p,
    rng.weighted<NameForm>([
      ['full', 10],
      ['fullMiddleInitial', 4],
      ['fullMiddle', 1],
      ['lastFirst', 2],
      ['lastFirstMiddle', 1],
      ['initialLast', 2],
      ['first', 3],
      ['last', 2],
      ['nick', 1],
      ['nickLast', 1],
      ['upperLastFirst', 1],
      ['initialsLast', 1],
    ]),
  );
}

export function courtesyTitle(rng: Rng, p: Person): string {
  if (p.sex === 'M') return rng.pick(['Mr. ', 'Mr. ', 'Mr ', 'Mr. ']);
  return rng.pick(['Mrs. ', 'Ms. ', 'Ms ', 'Mrs ', 'Miss ', 'Ms. ']);
}

/** "Mr. Smith", "Mrs. Ana Lopez", "Ms Patel": the title stays outside the span. */
export function titled(rng: Rng, p: Person, form: NameForm = rng.chance(0.75) ? 'last' : 'full'): Fragment {
  if (isMinor(p)) return name(p, form === 'last' ? 'first' : form);
  return [courtesyTitle(rng, p), name(p, form)];
}

/** "Dr. Lee", "Dr Anna Lee", "Anna Lee, MD", "LEE, ANNA MD"... credentials and titles stay outside the span. */
export function doctor(rng: Rng, p: Person): Fragment {
  const cred = rng.pick(['MD', 'MD', 'M.D.', 'DO', 'MD, PhD', 'MBBS', 'MD, FACC', 'MD, MPH']);
  switch (rng.int(0, 9)) {
    case 0:
    case 1:
    case 2:
      return ['Dr. ', name(p, 'last')];
    case 3:
      return ['Dr ', name(p, 'last')];
    case 4:
      return ['Dr. ', name(p, rng.pick(['full', 'fullMiddleInitial'] as const))];
    case 5:
      return [name(p, rng.pick(['full', 'fullMiddleInitial'] as const)), `, ${cred}`];
    case 6:
      return ['Dr. ', name(p, 'initialLast')];
    case 7:
      return [name(p, 'full'), ` ${cred}`];
    case 8:
      return [rng.chance(0.8) ? 'Dr. ' : 'Prof. ', name(p, 'full')];
    default:
      return [name(p, 'lastFirstMiddle'), `, ${cred}`];
  }
}

/** A doctor as written in a terse nursing note: "dr smith", "Dr. S", "MD Smith" (lower-casing is the style's job). */
export function doctorTerse(rng: Rng, p: Person): Fragment {
  switch (rng.int(0, 4)) {
    case 0:
      return ['Dr ', name(p, 'last')];
    case 1:
      return ['Dr. ', name(p, 'last')];
    case 2:
      return ['MD ', name(p, 'last')];
    case 3:
      return [name(p, 'last'), ' (MD)'];
    default:
      return ['Dr. ', name(p, 'last')];
  }
}

/** Nurse / clinician signature: "Jane Doe, RN", "J. Doe RN", "jd rn", "/JD". */
export function signature(rng: Rng, p: Person, cred = 'RN'): Fragment {
  switch (rng.int(0, 5)) {
    case 0:
      return [name(p, 'full'), `, ${cred}`];
    case 1:
      return [name(p, 'initialLast'), ` ${cred}`];
    case 2:
      return [name(p, 'initials'), ` ${cred}`];
    case 3:
      return ['/', name(p, 'initials')];
    case 4:
      return [name(p, 'fullMiddleInitial'), `, ${cred}, BSN`];
    default:
      return [name(p, 'first'), ` ${cred}`];
  }
}

/** A name in lower case ("wife mary called"): used where notes are sloppy about case. */
export function lowerName(p: Person, form: NameForm = 'first'): PhiPiece {
  return phi('NAME', formatName(p, form).toLowerCase());
}
