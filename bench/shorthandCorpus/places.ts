// ADDRESS pieces: named institutions and their initials, wards named after a person plus a number,
// room numbers, street addresses. Generic places (MICU, OSH, rehab, home) are written as plain text elsewhere.
import { phi } from '../corpus/NoteBuilder.ts';
import type { Rng } from '../corpus/random.ts';
import type { ShorthandLexicons } from './lexicons.ts';
import { LAST_NAME_WORDS } from './nameWords.ts';
import type { Frag } from './ShorthandBuilder.ts';

export interface Institution {
  name: string;
  initials: string | null;
}
export type InstitutionKind = 'hospital' | 'rehab' | 'nursing';

// Names made of ordinary words: a word-based detector sees nothing unusual in them.
const WORD_NAMES = [
  'Sacred Heart',
  'Holy Cross',
  'Good Samaritan',
  'Mercy General',
  'Holy Family',
  'Saint Vincent',
  'Lakeview',
  'Riverside',
  'Brookside',
  'Pine Ridge',
  'Hillcrest',
  'Fairview',
  'Valley Regional',
  'North Shore',
  'South Shore',
  'Morningside',
  'Hope Valley',
  'Our Lady of Mercy',
  'Saint Anne',
  'Baptist',
  'Methodist',
  'Providence',
  'Mount Carmel',
  'Shady Grove',
  'Heritage',
  'Evergreen',
  'Bayview',
  'Highland',
  'Union',
  'Cape Cod',
  'Good Shepherd',
];
const SUFFIXES: Record<InstitutionKind, readonly string[]> = {
  hospital: ['', '', ' Hospital', ' Medical Center', ' General Hospital', ' Regional Medical Center'],
  rehab: [' Rehab', ' Rehabilitation Hospital', ' Rehab Center'],
  nursing: [' Nursing Home', ' Manor', ' Skilled Nursing', ' Nursing and Rehab'],
};

// Initials that clinicians read as something else (LVH, SAH, NPH insulin, TSH, SH = social history...).
const CLINICAL_ACRONYMS = new Set([
  'SH',
  'FH',
  'PMH',
  'PSH',
  'HPI',
  'LVH',
  'RVH',
  'BPH',
  'SAH',
  'ICH',
  'IVH',
  'PPH',
  'NPH',
  'TSH',
  'LDH',
  'PTH',
  'ADH',
  'FSH',
  'LH',
  'GH',
  'ACTH',
  'ICU',
  'CCU',
  'CMV',
  'HTN',
  'MVH',
  'CHF',
  'MCH',
  'HH',
  'UMH',
  'ROH',
  'DOH',
  'RH',
  'MRH',
]);

function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w !== 'of')
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
}

function institutionName(rng: Rng, lex: ShorthandLexicons, kind: InstitutionKind): string {
  const suffix = rng.pick(SUFFIXES[kind]);
  if (rng.chance(0.55)) {
    const base = rng.pick(WORD_NAMES);
    // "Mercy General" takes no second "General Hospital".
    return /General|Regional/.test(base) && kind === 'hospital' ? base + rng.pick(['', ' Hospital']) : base + suffix;
  }
  const last = rng.chance(0.3) ? rng.pick(LAST_NAME_WORDS) : rng.pick(lex.lastNames);
  return `${last}${rng.pick([' Memorial', ' General', ''])}${suffix || ' Hospital'}`;
}

export function institution(
  rng: Rng,
  lex: ShorthandLexicons,
  kind: InstitutionKind,
  neutralWords: ReadonlySet<string>,
): Institution {
  const name = institutionName(rng, lex, kind);
  let initials = initialsOf(name);
  if (initials.length === 2 && kind === 'hospital') initials += 'H';
  // Initials that collide with a clinical acronym or a neutral word would make the gold ambiguous.
  const usable =
    initials.length >= 2 &&
    initials.length <= 4 &&
    !CLINICAL_ACRONYMS.has(initials) &&
    !neutralWords.has(initials.toLowerCase());
  return { name, initials: usable ? initials : null };
}

/** The institution by initials when it has usable ones (half the time), else by name. */
export function institutionRef(rng: Rng, inst: Institution): Frag {
  return phi('ADDRESS', inst.initials && rng.chance(0.5) ? inst.initials : inst.name);
}

const DIRECTIONS = ['West', 'East', 'North', 'South'];

/** "Feldberg 7", "Reisman 4", "Baker 4 West", "7 North". */
export function wardText(rng: Rng, lex: ShorthandLexicons): string {
  const n = rng.int(1, 12);
  if (rng.chance(0.15)) return `${n} ${rng.pick(DIRECTIONS)}`;
  const who = rng.chance(0.3) ? rng.pick(LAST_NAME_WORDS) : rng.pick(lex.lastNames);
  return rng.chance(0.2) ? `${who} ${n} ${rng.pick(DIRECTIONS)}` : `${who} ${n}`;
}

/** "rm 412", "room 12": the number alone is the span (the guideline is silent; see README.md). */
export function roomRef(rng: Rng): Frag {
  return [
    rng.pick(['rm ', 'room ', 'Rm ', 'Room ', 'rm #']),
    phi('ADDRESS', String(rng.chance(0.6) ? rng.int(100, 999) : rng.int(1, 40))),
  ];
}

const STREETS = [
  'Oak',
  'Maple',
  'Elm',
  'Cedar',
  'Pleasant',
  'Prospect',
  'Highland',
  'Summer',
  'Water',
  'Mill',
  'Chestnut',
  'Walnut',
  'Spring',
  'Park',
  'River',
  'Forest',
  'Lincoln',
  'Franklin',
];
const STREET_TYPES = ['St', 'Street', 'Ave', 'Rd', 'Road', 'Lane', 'Dr', 'Way', 'Blvd'];
const TOWNS: readonly (readonly [string, string, string])[] = [
  ['Framingham', 'MA', '017'],
  ['Worcester', 'MA', '016'],
  ['Quincy', 'MA', '021'],
  ['Lowell', 'MA', '018'],
  ['Brockton', 'MA', '023'],
  ['Salem', 'MA', '019'],
  ['Nashua', 'NH', '030'],
  ['Concord', 'NH', '033'],
  ['Dover', 'NH', '038'],
  ['Providence', 'RI', '029'],
  ['Warwick', 'RI', '028'],
  ['Hartford', 'CT', '061'],
  ['Bangor', 'ME', '044'],
  ['Burlington', 'VT', '054'],
  ['Albany', 'NY', '122'],
];

/** Letterhead lines: street, then "Town, ST 01234" (split at the comma: three spans in all). */
export function postalAddress(rng: Rng): Frag[][] {
  const [town, state, zip3] = rng.pick(TOWNS);
  const street = `${rng.int(1, 999)} ${rng.pick(STREETS)} ${rng.pick(STREET_TYPES)}`;
  return [[phi('ADDRESS', street)], [phi('ADDRESS', town), ', ', phi('ADDRESS', `${state} ${zip3}${rng.digits(2)}`)]];
}
