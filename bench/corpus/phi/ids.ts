import { phi, type Fragment, type PhiPiece } from '../NoteBuilder.ts';
import type { Rng } from '../random.ts';

export type IdKind =
  | 'mrn'
  | 'ssn'
  | 'account'
  | 'member'
  | 'group'
  | 'medicare'
  | 'npi'
  | 'dea'
  | 'license'
  | 'serial'
  | 'plate'
  | 'vin'
  | 'accession'
  | 'order'
  | 'specimen'
  | 'encounter'
  | 'claim'
  | 'passport'
  | 'nhs';

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

export function idValue(rng: Rng, kind: IdKind): string {
  const yy = String(rng.int(12, 25));
  switch (kind) {
    case 'mrn':
      return rng.pick([
        rng.digits(7),
        rng.digits(8),
        `${rng.digits(3)}-${rng.digits(2)}-${rng.digits(2)}`,
        `00${rng.digits(6)}`,
        `${rng.letters(1)}${rng.digits(7)}`,
        `${rng.digits(2)}-${rng.digits(3)}-${rng.digits(3)}`,
        `MR${rng.digits(6)}`,
      ]);
    case 'ssn':
      return rng.pick([
        `${rng.int(100, 899)}-${rng.digits(2)}-${rng.digits(4)}`,
        `${rng.int(100, 899)}${rng.digits(6)}`,
        `${rng.int(100, 899)} ${rng.digits(2)} ${rng.digits(4)}`,
      ]);
    case 'account':
      return rng.pick([rng.digits(9), rng.digits(10), `A${rng.digits(8)}`, `${rng.digits(4)}-${rng.digits(6)}`]);
    case 'member':
      return rng.pick([
        `${rng.letters(3)}${rng.digits(9)}`,
        `W${rng.digits(9)}`,
        `${rng.letters(2)}${rng.digits(7)}-01`,
        `${rng.digits(3)}${rng.letters(2)}${rng.digits(5)}`,
        `ZGP${rng.digits(8)}`,
      ]);
    case 'group':
      return rng.pick([rng.digits(6), `${rng.letters(2)}${rng.digits(5)}`, `GRP-${rng.digits(5)}`]);
    case 'medicare':
      return `${rng.int(1, 9)}${rng.letters(2)}${rng.digits(1)}-${rng.letters(2)}${rng.digits(1)}-${rng.letters(2)}${rng.digits(2)}`;
    case 'npi':
      return `1${rng.digits(9)}`;
    case 'dea':
      return `${rng.pick(['A', 'B', 'F', 'M'])}${rng.letters(1)}${rng.digits(7)}`;
    case 'license':
      return rng.pick([
        `${rng.letters(2)}-${rng.digits(6)}`,
        `RN${rng.digits(6)}`,
        `${rng.digits(6)}`,
        `S${rng.digits(8)}`,
        `MD${rng.digits(5)}`,
      ]);
    case 'serial':
      return rng.pick([
        `${rng.letters(3)}${rng.digits(6)}${rng.letters(1)}`,
        `SN-${rng.digits(8)}`,
        `${rng.letters(2)}${rng.digits(3)}-${rng.digits(5)}`,
        `PJN${rng.digits(6)}H`,
      ]);
    case 'plate':
      return rng.pick([
        `${rng.int(1, 9)}${rng.letters(3)}${rng.digits(3)}`,
        `${rng.letters(3)}-${rng.digits(4)}`,
        `${rng.digits(3)} ${rng.letters(3)}`,
      ]);
    case 'vin':
      return Array.from({ length: 17 }, () => VIN_CHARS.charAt(rng.int(0, VIN_CHARS.length - 1))).join('');
    case 'accession':
      return rng.pick([
        `RAD-${yy}-${rng.digits(6)}`,
        `${rng.letters(2)}${yy}-${rng.digits(5)}`,
        `E${rng.digits(8)}`,
        `ACC${rng.digits(7)}`,
        `S${yy}-${rng.digits(4)}`,
        `${yy}-${rng.letters(1)}-${rng.digits(5)}`,
      ]);
    case 'order':
      return rng.pick([`ORD-${rng.digits(7)}`, rng.digits(9), rng.digits(8), `RX${rng.digits(7)}`]);
    case 'specimen':
      return rng.pick([
        `W${yy}-${rng.digits(6)}`,
        `${rng.letters(1)}${rng.digits(2)}-${rng.digits(5)}`,
        `SP-${rng.digits(8)}`,
        `${rng.digits(2)}${rng.letters(2)}${rng.digits(6)}`,
      ]);
    case 'encounter':
      return rng.pick([
        rng.digits(10),
        `V${rng.digits(9)}`,
        `ENC-${rng.digits(7)}`,
        `${rng.digits(4)}${rng.digits(6)}`,
      ]);
    case 'claim':
      return `${rng.digits(2)}${rng.letters(1)}${rng.digits(9)}`;
    case 'passport':
      return `${rng.letters(1)}${rng.digits(8)}`;
    case 'nhs':
      return `${rng.digits(3)} ${rng.digits(3)} ${rng.digits(4)}`;
  }
}

export function id(rng: Rng, kind: IdKind): PhiPiece {
  return phi('ID', idValue(rng, kind));
}

const LABELS: Record<IdKind, readonly string[]> = {
  mrn: ['MRN: ', 'MRN ', 'MRN#', 'MR# ', 'Med Rec #: ', 'Unit No: ', 'Medical Record Number: ', 'Hospital #: ', 'MRN:'],
  ssn: ['SSN: ', 'SS# ', 'Social Security No. ', 'SSN '],
  account: ['Acct #: ', 'Account: ', 'Acct ', 'Billing Acct No. ', 'FIN: '],
  member: ['Member ID: ', 'Policy #: ', 'Subscriber ID ', 'Ins ID: ', 'Medicaid ID: ', 'ID# '],
  group: ['Group #: ', 'Grp ', 'Group No. '],
  medicare: ['Medicare #: ', 'MBI: ', 'Medicare ID '],
  npi: ['NPI: ', 'NPI ', 'NPI# '],
  dea: ['DEA: ', 'DEA# ', 'DEA '],
  license: ['Lic #: ', 'License No. ', 'RN Lic. ', 'Lic. '],
  serial: ['Serial #: ', 'SN: ', 'serial no. ', 'Device S/N '],
  plate: ['plate ', 'license plate ', 'MA plate ', 'Reg: '],
  vin: ['VIN ', 'VIN: '],
  accession: ['Accession #: ', 'Acc: ', 'Accession No. ', 'ACC# ', 'Case #: '],
  order: ['Order #: ', 'Order ', 'Req #: ', 'Rx #'],
  specimen: ['Specimen ID: ', 'Specimen #: ', 'Spec: ', 'Lab ID '],
  encounter: ['Encounter #: ', 'CSN: ', 'Visit #: ', 'Enc ', 'Episode No. '],
  claim: ['Claim #: ', 'Claim '],
  passport: ['Passport No. ', 'passport '],
  nhs: ['NHS No: ', 'NHS Number '],
};

/** "MRN: 4521789" (label outside the span). */
export function labeledId(rng: Rng, kind: IdKind, label?: string): Fragment {
  return [label ?? rng.pick(LABELS[kind]), id(rng, kind)];
}
