// PHONE_OR_FAX, ID and EMAIL pieces. Labels ("pager", "beeper #", "MRN") stay outside the spans.
import { phi } from '../corpus/NoteBuilder.ts';
import type { Rng } from '../corpus/random.ts';
import type { Person } from './people.ts';
import type { Frag } from './ShorthandBuilder.ts';

const areaCode = (rng: Rng): string => `${rng.int(2, 9)}${rng.digits(2)}`;
const exchange = (rng: Rng): string => `${rng.int(2, 9)}${rng.digits(2)}`;

export function phoneText(rng: Rng): string {
  const [a, e, n] = [areaCode(rng), exchange(rng), rng.digits(4)];
  return rng.pick([`(${a}) ${e}-${n}`, `${a}-${e}-${n}`, `${a}.${e}.${n}`, `${e}-${n}`, `${a} ${e} ${n}`]);
}

/** "cell 617-555-0134", "h# (508) 555-0199", "617-555-0134 x4521". */
export function phoneRef(rng: Rng): Frag {
  const label = rng.pick(['', 'cell ', 'tel ', 'h# ', 'ph ', 'c: ', '#']);
  const ext = rng.chance(0.1) ? ` x${rng.digits(4)}` : '';
  return [label, phi('PHONE_OR_FAX', phoneText(rng) + ext)];
}

/** A standalone extension is one span with its "x": "call x4321". */
export const extension = (rng: Rng): Frag => phi('PHONE_OR_FAX', `x${rng.digits(rng.pick([4, 5]))}`);

/** "pager 1234", "beeper #56789", "pgr 4-5678", "p#12345". */
export function pagerRef(rng: Rng): Frag {
  const label = rng.pick(['pager ', 'pager #', 'beeper #', 'beeper ', 'pgr ', 'pg ', 'p#']);
  const number = rng.pick([rng.digits(4), rng.digits(5), `${rng.int(1, 9)}-${rng.digits(4)}`]);
  return [label, phi('PHONE_OR_FAX', number)];
}

export function mrnRef(rng: Rng): Frag {
  const label = rng.pick(['MRN ', 'MRN: ', 'MR# ', 'Unit No: ', 'mrn ', 'Med Rec #']);
  return [label, phi('ID', rng.chance(0.3) ? `00${rng.digits(6)}` : rng.digits(rng.int(6, 8)))];
}

export const accessionRef = (rng: Rng): Frag => [
  rng.pick(['Accession #: ', 'Acc: ', 'ACC# ']),
  phi('ID', rng.chance(0.5) ? `${rng.letters(2)}${rng.digits(7)}` : `${rng.digits(8)}`),
];

export function emailText(p: Person, domain: string): string {
  const user = `${p.first.charAt(0)}${p.last}`.toLowerCase();
  return `${user}@${domain}`;
}
