import { makeCast } from '../corpus/cast.ts';
import { allergy, condition, med, narrative, vitals } from '../corpus/clinical.ts';
import { phi } from '../corpus/NoteBuilder.ts';
import { domainFor, emailAddress, url } from '../corpus/phi/contact.ts';
import { addDays, randomAnchor, time } from '../corpus/phi/dates.ts';
import { idValue } from '../corpus/phi/ids.ts';
import { formatName } from '../corpus/phi/names.ts';
import { hospitalName, streetLine, ward } from '../corpus/phi/places.ts';
import type { Rng } from '../corpus/random.ts';
import {
  dischargeSummary,
  faxCover,
  formBelow,
  formTable,
  prescriptionLabel,
  radiograph,
  screenshotChrome,
} from './extraStyles.ts';
import { cell, field, type Row } from './pageSpec.ts';
import { ADDRESS, cityLine, DATE, doctorName, ID, NAME, para, patientName, PHONE, type Story } from './styleKit.ts';

/** The first four styles: `npm run bench` cycles through these (its figures stay comparable). */
export const PAGE_STYLES = ['form', 'letter', 'lab-report', 'screenshot'] as const;
/** Every style, in a fixed order (a style's index seeds its pages: new styles only ever go at the end). */
export const ALL_PAGE_STYLES = [
  ...PAGE_STYLES,
  'discharge-summary',
  'prescription-label',
  'radiograph',
  'fax-cover',
  'form-table',
  'form-below',
] as const;
export type PageStyle = (typeof ALL_PAGE_STYLES)[number];

/** The 8 kinds of page of issue 12's held-out set; `form-table` and `form-below` are variants of the registration form. */
export const PAGE_KINDS = [
  'form',
  'letter',
  'lab-report',
  'discharge-summary',
  'screenshot',
  'prescription-label',
  'radiograph',
  'fax-cover',
] as const;
export type PageKind = (typeof PAGE_KINDS)[number];
export const FORM_VARIANTS = ['form', 'form-table', 'form-below'] as const;
export function kindOf(style: PageStyle): PageKind {
  return (FORM_VARIANTS as readonly string[]).includes(style) ? 'form' : (style as PageKind);
}

/** What a style draws: its rows, and whether the page is a dark image (a radiograph: light text on black). */
export interface PageDesign {
  rows: Row[];
  dark?: boolean;
}

function form(s: Story): Row[] {
  const { rng, cast } = s;
  const pt = cast.patient;
  const v = 0.3;
  const kin = cast.relatives[0];
  return [
    { cells: [cell(0, ADDRESS(s.clinic), { bold: true })], scale: 1.4 },
    { cells: [cell(0, 'Patient Intake Form')], scale: 1.15 },
    { cells: field(0, 'Patient name:', v, patientName(s)), rule: true, gapBefore: 0.5 },
    {
      cells: [
        ...field(0, 'Date of birth:', v, DATE(pt.dob, rng)),
        ...field(0.62, 'Age:', 0.74, phi('AGE', String(pt.age))),
      ],
      rule: true,
    },
    {
      cells: [
        ...field(0, 'MRN:', v, ID(idValue(rng, 'mrn'))),
        ...field(0.62, 'Sex:', 0.74, pt.sex === 'M' ? 'Male' : 'Female'),
      ],
      rule: true,
    },
    { cells: field(0, 'SSN:', v, ID(idValue(rng, 'ssn'))), rule: true },
    { cells: field(0, 'Address:', v, ADDRESS(streetLine(rng))), rule: true },
    { cells: field(0, 'City, State, ZIP:', v, cityLine(rng)), rule: true },
    { cells: field(0, 'Phone:', v, PHONE(rng)), rule: true },
    { cells: field(0, 'Email:', v, phi('EMAIL', emailAddress(rng, pt))), rule: true },
    ...(pt.profession ? [{ cells: field(0, 'Occupation:', v, phi('PROFESSION', pt.profession)), rule: true }] : []),
    // A child has no occupation: the form asks for the guardian's (every form has a PROFESSION).
    ...(!pt.profession && kin?.profession
      ? [{ cells: field(0, 'Guardian occupation:', v, phi('PROFESSION', kin.profession)), rule: true }]
      : []),
    {
      cells: field(
        0,
        'Emergency contact:',
        v,
        kin ? [NAME(formatName(kin.person, 'full')), ` (${kin.relation}) `, PHONE(rng)] : 'none',
      ),
      rule: true,
    },
    { cells: field(0, 'Primary physician:', v, ['Dr. ', doctorName(s)]), rule: true },
    {
      cells: [
        ...field(0, 'Insurance:', v, rng.pick(['BCBS PPO', 'MassHealth', 'Medicare Part B', 'Aetna HMO'])),
        ...field(0.62, 'Member ID:', 0.79, ID(idValue(rng, 'member'))),
      ],
      rule: true,
    },
    { cells: field(0, 'Allergies:', v, allergy(rng)), rule: true },
    { cells: field(0, 'Medications:', v, `${med(rng)}; ${med(rng)}`), rule: true },
    { cells: field(0, 'Reason for visit:', v, condition(rng)), rule: true },
    {
      cells: [
        ...field(0, 'Signature:', v, NAME(formatName(pt, 'initialLast'))),
        ...field(0.62, 'Date:', 0.74, DATE(s.anchor, rng)),
      ],
      gapBefore: 0.5,
    },
  ];
}

function letter(s: Story): Row[] {
  const { rng, cast } = s;
  const pt = cast.patient;
  const title = pt.sex === 'M' ? 'Mr.' : 'Ms.';
  const domain = domainFor(s.clinic, rng);
  return [
    { cells: [cell(0, ADDRESS(s.clinic), { bold: true })], scale: 1.4 },
    { cells: [cell(0, ADDRESS(streetLine(rng))), cell(0.55, ['Tel: ', PHONE(rng)])] },
    { cells: [cell(0, cityLine(rng)), cell(0.55, ['Fax: ', PHONE(rng)])] },
    { cells: [cell(0, url(rng, domain))] },
    { cells: [cell(0, DATE(s.anchor, rng))], gapBefore: 1 },
    { cells: [cell(0, ['Dr. ', doctorName(s, 1)])], gapBefore: 0.5 },
    { cells: [cell(0, ADDRESS(hospitalName(rng)))] },
    {
      cells: [
        cell(
          0,
          ['Re: ', NAME(formatName(pt, 'full')), ', DOB ', DATE(pt.dob, rng), ', MRN ', ID(idValue(rng, 'mrn'))],
          { bold: true },
        ),
      ],
      gapBefore: 0.5,
    },
    { cells: [cell(0, ['Dear Dr. ', NAME(cast.doctors[1]?.last ?? 'Smith'), ','])], gapBefore: 0.5 },
    para([
      `Thank you for referring ${title} `,
      NAME(formatName(pt, 'full')),
      ', a ',
      phi('AGE', String(pt.age)),
      `-year-old ${pt.sex === 'M' ? 'man' : 'woman'} whom I saw on `,
      DATE(addDays(s.anchor, -rng.int(2, 20)), rng),
      ` for ${condition(rng)}. ${narrative(rng, 2)}`,
    ]),
    para([
      `${narrative(rng, 2)} ${title} `,
      NAME(pt.last),
      ` will return in ${rng.int(2, 8)} weeks; please call `,
      PHONE(rng),
      ' with any questions.',
    ]),
    { cells: [cell(0, 'Yours sincerely,')], gapBefore: 0.6 },
    { cells: [cell(0, ['Dr. ', doctorName(s), ', MD'])], gapBefore: 0.8 },
    { cells: [cell(0, ['cc: ', NAME(formatName(cast.doctors[2] ?? pt, 'initialLast'))])] },
  ];
}

const LAB_TESTS: readonly (readonly [string, string, number, number, number])[] = [
  ['Sodium', 'mmol/L', 135, 145, 0],
  ['Potassium', 'mmol/L', 3.5, 5.1, 1],
  ['Chloride', 'mmol/L', 98, 107, 0],
  ['CO2', 'mmol/L', 22, 29, 0],
  ['BUN', 'mg/dL', 7, 20, 0],
  ['Creatinine', 'mg/dL', 0.6, 1.3, 2],
  ['Glucose', 'mg/dL', 70, 99, 0],
  ['Calcium', 'mg/dL', 8.5, 10.2, 1],
  ['WBC', 'K/uL', 4.0, 11.0, 1],
  ['Hemoglobin', 'g/dL', 12.0, 17.5, 1],
  ['Platelets', 'K/uL', 150, 400, 0],
  ['ALT', 'U/L', 7, 56, 0],
  ['AST', 'U/L', 10, 40, 0],
  ['TSH', 'mIU/L', 0.4, 4.0, 2],
  ['HbA1c', '%', 4.0, 5.6, 1],
  ['INR', 'ratio', 0.8, 1.2, 1],
];

function labReport(s: Story): Row[] {
  const { rng, cast } = s;
  const pt = cast.patient;
  const collected = addDays(s.anchor, -1);
  const tests = rng.sample(LAB_TESTS, rng.int(8, 14));
  return [
    {
      cells: [cell(0, ADDRESS(s.clinic), { bold: true }), cell(0.62, 'Laboratory Report', { bold: true })],
      scale: 1.3,
    },
    {
      cells: [...field(0, 'Patient:', 0.16, patientName(s)), ...field(0.55, 'MRN:', 0.72, ID(idValue(rng, 'mrn')))],
      gapBefore: 0.5,
    },
    { cells: [...field(0, 'DOB:', 0.16, DATE(pt.dob, rng)), ...field(0.55, 'Sex:', 0.72, pt.sex)] },
    {
      cells: [
        ...field(0, 'Ordering:', 0.16, ['Dr. ', doctorName(s)]),
        ...field(0.55, 'NPI:', 0.72, ID(idValue(rng, 'npi'))),
      ],
    },
    {
      cells: [
        ...field(0, 'Collected:', 0.16, [DATE(collected, rng), ` ${time(rng, '24colon')}`]),
        ...field(0.55, 'Specimen:', 0.72, ID(idValue(rng, 'specimen'))),
      ],
      rule: true,
    },
    {
      cells: ['Test', 'Result', 'Units', 'Reference', 'Flag'].map((h, i) =>
        cell([0, 0.3, 0.45, 0.62, 0.85][i] as number, h, { bold: true }),
      ),
      rule: true,
      gapBefore: 0.5,
    },
    ...tests.map(([name, units, lo, hi, places]): Row => {
      const value = lo + (rng.next() * 1.4 - 0.2) * (hi - lo);
      const flag = value < lo ? 'L' : value > hi ? 'H' : '';
      return {
        cells: [
          cell(0, name),
          cell(0.3, value.toFixed(places)),
          cell(0.45, units),
          cell(0.62, `${lo}-${hi}`),
          cell(0.85, flag),
        ],
        rule: true,
      };
    }),
    {
      cells: [
        cell(0, ['Verified by ', NAME(formatName(cast.nurses[0] ?? pt, 'full')), ', MT on ', DATE(s.anchor, rng)]),
      ],
      gapBefore: 0.5,
    },
  ];
}

function screenshot(s: Story): Row[] {
  const { rng, cast } = s;
  const pt = cast.patient;
  const kin = cast.relatives[0];
  const when = DATE(s.anchor, rng);
  const mrn = idValue(rng, 'mrn');
  return [
    // The browser's tab and address bar above the EHR's dark banner: the address holds the MRN or the name.
    ...screenshotChrome(s, mrn),
    {
      cells: [
        cell(0, patientName(s), { bold: true, colour: '#ffffff' }),
        cell(0.4, ['DOB: ', DATE(pt.dob, rng)], { colour: '#ffffff' }),
        cell(0.7, ['MRN: ', ID(mrn)], { colour: '#ffffff' }),
      ],
      background: '#23395d',
    },
    {
      cells: ['Summary', 'Notes', 'Orders', 'Results', 'Meds', 'Billing'].map((t, i) => cell(i / 6, t)),
      background: '#e3e9f2',
    },
    {
      cells: [...field(0, 'Attending:', 0.2, ['Dr. ', doctorName(s)]), ...field(0.55, 'Unit:', 0.68, ward(rng))],
      gapBefore: 0.4,
    },
    { cells: [...field(0, 'Allergies:', 0.2, allergy(rng)), ...field(0.55, 'Phone:', 0.68, PHONE(rng))] },
    {
      cells: [
        ...field(0, 'Portal e-mail:', 0.2, phi('EMAIL', emailAddress(rng, pt))),
        ...field(0.55, 'Age:', 0.68, [phi('AGE', String(pt.age)), pt.ageUnit === 'month' ? ' mo' : ' y']),
      ],
    },
    {
      cells: [cell(0, ['Progress Note - ', when, ` ${time(rng, '24colon')}`], { bold: true })],
      rule: true,
      gapBefore: 0.5,
    },
    para([
      `${narrative(rng, 1)} Seen with Dr. `,
      NAME(cast.doctors[1]?.last ?? 'Lee'),
      `. ${vitals(rng)}. `,
      ...(kin
        ? [
            `Pt's ${kin.relation} `,
            NAME(formatName(kin.person, 'first')),
            ' at bedside, reachable at ',
            PHONE(rng),
            '. ',
          ]
        : []),
      narrative(rng, 2),
    ]),
    para([
      `Plan: ${med(rng)}. Follow up at `,
      ADDRESS(hospitalName(rng)),
      ' on ',
      DATE(addDays(s.anchor, rng.int(5, 30)), rng),
      `. ${narrative(rng, 1)}`,
    ]),
    {
      cells: [
        cell(0, ['Signed: ', NAME(formatName(cast.doctors[0] ?? pt, 'lastFirst')), ', MD'], { colour: '#555555' }),
      ],
      gapBefore: 0.5,
    },
  ];
}

const BUILDERS: Record<PageStyle, (s: Story) => PageDesign> = {
  form: (s) => ({ rows: form(s) }),
  letter: (s) => ({ rows: letter(s) }),
  'lab-report': (s) => ({ rows: labReport(s) }),
  screenshot: (s) => ({ rows: screenshot(s) }),
  'discharge-summary': (s) => ({ rows: dischargeSummary(s) }),
  'prescription-label': (s) => ({ rows: prescriptionLabel(s) }),
  radiograph: (s) => ({ rows: radiograph(s), dark: true }),
  'fax-cover': (s) => ({ rows: faxCover(s) }),
  'form-table': (s) => ({ rows: formTable(s) }),
  'form-below': (s) => ({ rows: formBelow(s) }),
};

export function buildPage(style: PageStyle, rng: Rng): PageDesign {
  const anchor = randomAnchor(rng);
  const story: Story = { rng, anchor, cast: makeCast(rng, anchor), clinic: hospitalName(rng) };
  return BUILDERS[style](story);
}
