import { phi, type Fragment, type PhiPiece } from '../NoteBuilder.ts';
import type { Rng } from '../random.ts';
import { CULTURES } from '../vocabulary/names.ts';
import {
  CLINIC_TYPES,
  COMPANY_KINDS,
  COMPANY_WORDS,
  COUNTRIES,
  FACILITY_TYPES,
  HOSPITAL_TYPES,
  PLACE_WORDS,
  SAINTS,
  STREET_NAMES,
  STREET_SUFFIXES,
  US_CITIES,
  US_STATES,
  WARD_DIRECTIONS,
  WORLD_CITIES,
} from '../vocabulary/places.ts';

const A = (text: string): PhiPiece => phi('ADDRESS', text);

function anySurname(rng: Rng): string {
  return rng.pick(rng.pick(CULTURES).surnames);
}

export function streetLine(rng: Rng, withUnit = false): string {
  if (rng.chance(0.05)) return `PO Box ${rng.int(10, 9999)}`;
  const num = rng.weighted([
    [String(rng.int(1, 99)), 3],
    [String(rng.int(100, 999)), 4],
    [String(rng.int(1000, 29999)), 3],
    [`${rng.int(1, 300)}${rng.pick(['A', 'B', '1/2'])}`, 1],
  ] as const);
  const street = rng.chance(0.15)
    ? `${rng.pick(['North', 'South', 'East', 'West', 'N.', 'S.', 'W.', 'E.'])} ${rng.pick(STREET_NAMES)}`
    : rng.pick(STREET_NAMES);
  const line = `${num} ${street} ${rng.weighted(STREET_SUFFIXES)}${rng.chance(0.2) ? '.' : ''}`;
  return withUnit ? `${line} ${unit(rng)}` : line;
}

export function unit(rng: Rng): string {
  return rng.pick([
    `Apt ${rng.int(1, 40)}${rng.pick(['', 'A', 'B', 'C'])}`,
    `Apt. ${rng.int(1, 12)}`,
    `#${rng.int(1, 60)}`,
    `Unit ${rng.int(1, 30)}`,
    `Suite ${rng.int(100, 900)}`,
    `Floor ${rng.int(2, 9)}`,
    `Apartment ${rng.int(1, 20)}`,
  ]);
}

export function zip(rng: Rng): string {
  const five = String(rng.int(1001, 99950)).padStart(5, '0');
  return rng.chance(0.15) ? `${five}-${rng.digits(4)}` : five;
}

export function usCity(rng: Rng): { city: string; state: string; stateName: string } {
  const [city, state] = rng.pick(US_CITIES);
  const stateName = US_STATES.find(([abbr]) => abbr === state)?.[1] ?? state;
  return { city, state, stateName };
}

/**
 * A US postal address. Address spans are split at commas and line breaks (each comma- or line-separated part is
 * one ADDRESS span), so "12 Oak St, Apt 4, Boston, MA 02114" gives "12 Oak St" | "Apt 4" | "Boston" | "MA 02114".
 */
export function usAddress(rng: Rng, layout: 'line' | 'block' = rng.chance(0.6) ? 'line' : 'block'): Fragment {
  const { city, state, stateName } = usCity(rng);
  const stateText = rng.chance(0.85) ? state : stateName;
  const street = streetLine(rng, rng.chance(0.15));
  const separateUnit = rng.chance(0.2) ? unit(rng) : undefined;
  const z = zip(rng);
  if (layout === 'block') {
    return [
      A(street),
      ...(separateUnit ? ['\n', A(separateUnit)] : []),
      '\n',
      A(city),
      ', ',
      A(rng.chance(0.9) ? `${stateText} ${z}` : stateText),
    ];
  }
  const tail: Fragment[] = rng.chance(0.85)
    ? [', ', A(`${stateText} ${z}`)]
    : rng.chance(0.5)
      ? [', ', A(stateText)]
      : [];
  return [A(street), ...(separateUnit ? [', ', A(separateUnit)] : []), ', ', A(city), ...tail];
}

/** A UK-style address block ("221B Baker Street\nLondon NW1 6XE\nUnited Kingdom"). */
export function ukAddress(rng: Rng): Fragment {
  const post = `${rng.pick(['SW1A', 'NW1', 'E2', 'M14', 'LS6', 'B15', 'G12', 'EH8', 'CF10', 'BT9'])} ${rng.int(1, 9)}${rng.letters(2)}`;
  const town = rng.pick([
    'London',
    'Manchester',
    'Leeds',
    'Birmingham',
    'Glasgow',
    'Edinburgh',
    'Cardiff',
    'Belfast',
    'Bristol',
    'Oxford',
  ]);
  return [
    A(
      `${rng.int(1, 240)} ${rng.pick(STREET_NAMES)} ${rng.pick(['Road', 'Street', 'Lane', 'Gardens', 'Crescent', 'Close', 'Way', 'Terrace'])}`,
    ),
    '\n',
    A(`${town} ${post}`),
    ...(rng.chance(0.5) ? ['\n', A('United Kingdom')] : []),
  ];
}

/** A city mention with optional state or country: "Worcester, MA", "Lagos, Nigeria", "Tucson". */
export function cityMention(rng: Rng): Fragment {
  if (rng.chance(0.3)) {
    const [city, country] = rng.pick(WORLD_CITIES);
    return rng.chance(0.5) ? [A(city), ', ', A(country)] : A(city);
  }
  const { city, state, stateName } = usCity(rng);
  const r = rng.int(0, 3);
  if (r === 0) return A(city);
  return [A(city), ', ', A(r === 1 ? stateName : state)];
}

export function country(rng: Rng): PhiPiece {
  return A(rng.pick(COUNTRIES));
}

export function stateName(rng: Rng): PhiPiece {
  return A(usCity(rng).stateName);
}

export function hospitalName(rng: Rng): string {
  switch (rng.int(0, 9)) {
    case 0:
    case 1:
      return `${rng.pick(['St. ', 'St ', 'Saint '])}${rng.pick(SAINTS)}'s ${rng.pick(HOSPITAL_TYPES)}`;
    case 2:
      return `${rng.pick(['Mercy', 'Good Samaritan', 'Sacred Heart', 'Holy Cross', 'Providence', 'Beth Israel', 'Mount Sinai', 'Presbyterian', 'Baptist', 'Methodist', 'Lutheran'])} ${rng.pick(HOSPITAL_TYPES)}`;
    case 3:
    case 4:
      return `${usCity(rng).city} ${rng.pick(HOSPITAL_TYPES)}`;
    case 5:
    case 6:
      return `${rng.pick(PLACE_WORDS)} ${rng.pick(HOSPITAL_TYPES)}`;
    case 7:
      return `${anySurname(rng)} ${rng.pick(['Memorial Hospital', 'Medical Center', 'Hospital', 'Clinic'])}`;
    case 8:
      return `${rng.pick(['University of ', ''])}${usCity(rng).stateName} ${rng.pick(['Medical Center', 'University Hospital', 'Health System'])}`;
    default:
      return rng.pick([
        'SBMC',
        'MGH',
        'BWH',
        'BMC',
        'RIH',
        'UMMC',
        'NYP',
        'HUP',
        'SJMC',
        'MGMC',
        'LGH',
        'CHOP',
        'UCSF',
        'BIDMC',
        'NWH',
        'SEMC',
      ]);
  }
}

export function hospital(rng: Rng): PhiPiece {
  return A(hospitalName(rng));
}

/** Nursing homes, rehabs, SNFs, hospices: "Riverside Nursing Home", "Oakview Rehab". */
export function facility(rng: Rng): PhiPiece {
  const head = rng.chance(0.7)
    ? rng.pick(PLACE_WORDS)
    : rng.chance(0.5)
      ? `${anySurname(rng)}`
      : `${rng.pick(['St. ', 'Saint '])}${rng.pick(SAINTS)}'s`;
  return A(`${head} ${rng.pick(FACILITY_TYPES)}`);
}

export function clinic(rng: Rng): PhiPiece {
  const head = rng.pick([
    rng.pick(PLACE_WORDS),
    usCity(rng).city,
    anySurname(rng),
    `${anySurname(rng)} ${rng.pick(['&', 'and'])} ${anySurname(rng)}`,
  ]);
  return A(`${head} ${rng.pick(CLINIC_TYPES)}`);
}

/** A named ward or unit: "Ellison 10", "Baker 4 West", "4 North", "Ward 7B", "Blake 12". */
export function ward(rng: Rng): PhiPiece {
  switch (rng.int(0, 5)) {
    case 0:
    case 1:
      return A(`${anySurname(rng)} ${rng.int(2, 22)}`);
    case 2:
      return A(`${anySurname(rng)} ${rng.int(2, 12)} ${rng.pick(WARD_DIRECTIONS)}`);
    case 3:
      return A(`${rng.int(2, 14)} ${rng.pick(WARD_DIRECTIONS)}`);
    case 4:
      return A(`Ward ${rng.int(1, 30)}${rng.pick(['', 'A', 'B'])}`);
    default:
      return A(
        `${rng.pick(['Phillips', 'Ellison', 'Baker', 'Blake', 'White', 'Bigelow', 'Lunder', 'Shapiro', 'Feldberg', 'Farr', 'Reisman', 'Stoneman'])} ${rng.int(3, 14)}`,
      );
  }
}

/** An employer ("Atlas Trucking", "Hughes Roofing", "Worcester Public Schools"): ADDRESS by our guideline. */
export function employer(rng: Rng): PhiPiece {
  const head = rng.pick([rng.pick(COMPANY_WORDS), anySurname(rng), usCity(rng).city, `${anySurname(rng)} & Sons`]);
  return A(`${head} ${rng.pick(COMPANY_KINDS)}`);
}
