import type { Person } from '../cast.ts';
import { phi, type Fragment, type PhiPiece } from '../NoteBuilder.ts';
import type { Rng } from '../random.ts';

const AREA_CODES = [
  '617',
  '508',
  '781',
  '978',
  '413',
  '401',
  '603',
  '212',
  '718',
  '646',
  '917',
  '201',
  '973',
  '215',
  '412',
  '202',
  '301',
  '410',
  '305',
  '786',
  '404',
  '312',
  '773',
  '313',
  '216',
  '614',
  '713',
  '214',
  '512',
  '210',
  '602',
  '303',
  '801',
  '206',
  '503',
  '415',
  '510',
  '408',
  '213',
  '310',
  '619',
  '702',
  '808',
  '907',
  '615',
  '504',
  '414',
  '612',
  '816',
  '314',
];

function exchange(rng: Rng): string {
  return rng.chance(0.35) ? '555' : String(rng.int(200, 989));
}

/** A phone or fax number in one of many formats (the span covers an attached extension). */
export function phoneNumber(rng: Rng): string {
  const area = rng.pick(AREA_CODES);
  const ex = exchange(rng);
  const line = rng.chance(0.3) ? `01${rng.digits(2)}` : rng.digits(4);
  let num: string;
  switch (rng.int(0, 13)) {
    case 0:
    case 1:
    case 2:
      num = `(${area}) ${ex}-${line}`;
      break;
    case 3:
    case 4:
    case 5:
      num = `${area}-${ex}-${line}`;
      break;
    case 6:
      num = `${area}.${ex}.${line}`;
      break;
    case 7:
      num = `${area}${ex}${line}`;
      break;
    case 8:
      num = `${area} ${ex} ${line}`;
      break;
    case 9:
      num = `+1 ${area} ${ex} ${line}`;
      break;
    case 10:
      num = `1-${rng.pick(['800', '888', '877'])}-${ex}-${line}`;
      break;
    case 11:
      num = `${ex}-${line}`;
      break;
    case 12:
      num = `(${area})${ex}-${line}`;
      break;
    default:
      num = internationalPhone(rng);
  }
  if (rng.chance(0.1))
    num += rng.pick([` x${rng.digits(4)}`, ` ext. ${rng.digits(4)}`, ` ext ${rng.digits(3)}`, ` x${rng.digits(3)}`]);
  return num;
}

function internationalPhone(rng: Rng): string {
  switch (rng.int(0, 6)) {
    case 0:
      return `+44 20 7946 0${rng.digits(3)}`;
    case 1:
      return `+44 7700 900${rng.digits(3)}`;
    case 2:
      return `+91 98${rng.digits(3)} ${rng.digits(5)}`;
    case 3:
      return `+234 803 ${rng.digits(3)} ${rng.digits(4)}`;
    case 4:
      return `+52 55 ${rng.digits(4)} ${rng.digits(4)}`;
    case 5:
      return `+353 1 ${rng.digits(3)} ${rng.digits(4)}`;
    default:
      return `011-${rng.pick(['509', '63', '351', '84'])}-${rng.digits(3)}-${rng.digits(4)}`;
  }
}

export function phone(rng: Rng): PhiPiece {
  return phi('PHONE_OR_FAX', phoneNumber(rng));
}

/** A labelled phone: "tel (617) 555-0143", "Fax: 617-555-0199", "cell 617 555 0101". Labels stay outside. */
export function labeledPhone(rng: Rng, label?: string): Fragment {
  const l =
    label ??
    rng.pick([
      'Tel: ',
      'Phone: ',
      'Ph: ',
      'tel ',
      'cell ',
      'Cell: ',
      'Mobile: ',
      'Home: ',
      'Work: ',
      'Fax: ',
      'F: ',
      'T: ',
      'P: ',
    ]);
  return [l, phone(rng)];
}

/** Pagers, beepers and bare extensions: the label and "#" stay outside, "x" glued to digits stays inside. */
export function pager(rng: Rng): Fragment {
  switch (rng.int(0, 7)) {
    case 0:
      return ['pager ', phi('PHONE_OR_FAX', `${rng.int(1, 9)}-${rng.digits(4)}`)];
    case 1:
      return ['pgr ', phi('PHONE_OR_FAX', rng.digits(5))];
    case 2:
      return ['beeper #', phi('PHONE_OR_FAX', rng.digits(5))];
    case 3:
      return ['Pager: ', phi('PHONE_OR_FAX', `${rng.digits(3)}-${rng.digits(4)}`)];
    case 4:
      return ['p. ', phi('PHONE_OR_FAX', rng.digits(5))];
    case 5:
      return ['bleep ', phi('PHONE_OR_FAX', rng.digits(4))];
    case 6:
      return ['ext. ', phi('PHONE_OR_FAX', rng.digits(4))];
    default:
      return [phi('PHONE_OR_FAX', `x${rng.digits(4)}`)];
  }
}

const FREE_MAIL = [
  'gmail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'aol.com',
  'comcast.net',
  'verizon.net',
  'icloud.com',
  'protonmail.com',
  'msn.com',
];

/** ASCII local part from a name: "José de la Cruz" gives "jose.delacruz". */
function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/ß/gu, 'ss')
    .replace(/ł/gu, 'l')
    .replace(/đ/giu, 'd')
    .replace(/ø/gu, 'o')
    .toLowerCase()
    .replace(/[^a-z]/gu, '');
}

export function emailAddress(rng: Rng, p: Person, domain?: string): string {
  const f = slug(p.first);
  const l = slug(p.last);
  const local = rng.pick([
    `${f}.${l}`,
    `${f.charAt(0)}${l}`,
    `${f}${l}${rng.int(1, 99)}`,
    `${f}_${l}`,
    `${l}.${f}`,
    `${f}${l.charAt(0)}`,
    `${f.charAt(0)}.${l}`,
  ]);
  return `${local}@${domain ?? rng.pick(FREE_MAIL)}`;
}

export function email(rng: Rng, p: Person, domain?: string): PhiPiece {
  return phi('EMAIL', emailAddress(rng, p, domain));
}

/** A hospital e-mail domain from a facility name: "St. Brigid's Medical Center" gives "stbrigids.org". */
export function domainFor(facility: string, rng: Rng): string {
  const words = facility.split(/\s+/u).map(slug).filter(Boolean);
  const core = words.length > 2 ? words.slice(0, 2).join('') : words.join('');
  return `${core || 'hospital'}.${rng.pick(['org', 'org', 'edu', 'com', 'net', 'nhs.uk'])}`;
}

export function url(rng: Rng, domain: string): PhiPiece {
  const path = rng.pick([
    '/portal/login',
    '/mychart',
    '/patients/records',
    `/results/${rng.digits(6)}`,
    '/refer',
    '/appointments',
    `/pacs/viewer?study=${rng.digits(8)}`,
    '/forms/release-of-information.pdf',
    '',
    '/',
  ]);
  const host = rng.pick([`www.${domain}`, `portal.${domain}`, `mychart.${domain}`, domain, `ehr.${domain}`]);
  const text = rng.weighted([
    [`https://${host}${path}`, 6],
    [`http://${host}${path}`, 2],
    [`${host}${path}`, 2],
  ] as const);
  return phi('URL', text.replace(/\/$/u, rng.chance(0.5) ? '/' : ''));
}

/** An IP address: annotated ID (Comprehend Medical has no IP type). */
export function ipAddress(rng: Rng): PhiPiece {
  const first = rng.pick(['10', '172', '192', String(rng.int(11, 223))]);
  return phi('ID', `${first}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`);
}
