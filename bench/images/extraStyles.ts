/**
 * The page kinds added for issue 12's held-out set: discharge summary, prescription label, radiograph with
 * burned-in corner text, fax cover, two more registration-form layouts, and the browser bar of the EHR
 * screenshot. PHI comes from the corpus generators; the clinical wording is this file's own.
 */
import { isMinor } from '../corpus/cast.ts';
import { condition, med, narrative, vitals } from '../corpus/clinical.ts';
import { type Fragment, phi } from '../corpus/NoteBuilder.ts';
import { domainFor, emailAddress, url } from '../corpus/phi/contact.ts';
import { addDays, time } from '../corpus/phi/dates.ts';
import { idValue } from '../corpus/phi/ids.ts';
import { formatName } from '../corpus/phi/names.ts';
import { profession } from '../corpus/phi/people.ts';
import { cityMention, clinic, employer, facility, streetLine, usCity, zip } from '../corpus/phi/places.ts';
import { PLACE_WORDS } from '../corpus/vocabulary/places.ts';
import { cell, type Cell, field, type Row } from './pageSpec.ts';
import {
  ADDRESS,
  AGE,
  cityLine,
  DATE,
  doctorName,
  ID,
  NAME,
  para,
  patientName,
  PHONE,
  type Story,
} from './styleKit.ts';

const EMAIL = (text: string) => phi('EMAIL', text);
const PROFESSION = (text: string) => phi('PROFESSION', text);
const sexWord = (s: Story) => (s.cast.patient.sex === 'M' ? 'male' : 'female');
const heading = (text: string): Row => ({ cells: [cell(0, text, { bold: true })], gapBefore: 0.6, rule: true });
/** "54" or "18 mo": the number is the AGE. */
const ageValue = (s: Story): Fragment => [AGE(s.cast.patient.age), s.cast.patient.ageUnit === 'month' ? ' mo' : ''];
/** What a registration form asks for an occupation: the patient's, or for a child the guardian's. */
function occupation(s: Story): [string, Fragment] {
  const { patient, relatives } = s.cast;
  if (patient.profession) return ['Occupation', PROFESSION(patient.profession)];
  return ['Guardian occupation', PROFESSION(relatives[0]?.profession ?? 'teacher')];
}

/** The fields of a registration form, label and value, for the table and caption-above layouts. */
function registrationFields(s: Story): [string, Fragment][] {
  const { rng, cast } = s;
  const pt = cast.patient;
  const kin = cast.relatives[0];
  const { city, state } = usCity(rng);
  return [
    ['Last name', NAME(pt.last)],
    ['First name', NAME(pt.first)],
    ['Date of birth', DATE(pt.dob, rng)],
    ['Age', ageValue(s)],
    ['Sex', pt.sex === 'M' ? 'Male' : 'Female'],
    ['Medical record no.', ID(idValue(rng, 'mrn'))],
    ['Social Security no.', ID(idValue(rng, 'ssn'))],
    ['Street address', ADDRESS(streetLine(rng))],
    ['City', ADDRESS(city)],
    ['State / ZIP', ADDRESS(`${state} ${zip(rng)}`)],
    ['Home phone', PHONE(rng)],
    ['Mobile phone', PHONE(rng)],
    ['E-mail', EMAIL(emailAddress(rng, pt))],
    occupation(s),
    ['Employer', isMinor(pt) ? 'n/a' : employer(rng)],
    ['Marital status', isMinor(pt) ? 'Single' : rng.pick(['Married', 'Single', 'Divorced', 'Widowed', 'Partnered'])],
    ['Preferred language', rng.pick(['English', 'Spanish', 'Portuguese', 'Haitian Creole', 'Vietnamese', 'English'])],
    ['Emergency contact', kin ? NAME(formatName(kin.person, 'full')) : 'none given'],
    ['Relationship', kin?.relation ?? '-'],
    ['Contact phone', PHONE(rng)],
    ['Primary care physician', ['Dr. ', doctorName(s)]],
    [
      'Insurance carrier',
      rng.pick(['Blue Cross PPO', 'Tufts Health Plan', 'Medicare', 'United Healthcare', 'Harvard Pilgrim', 'Medicaid']),
    ],
    ['Member ID', ID(idValue(rng, 'member'))],
    ['Patient signature', NAME(formatName(pt, 'initialLast'))],
    ['Date signed', DATE(s.anchor, rng)],
  ];
}

function formHeader(s: Story, title: string): Row[] {
  return [
    { cells: [cell(0, ADDRESS(s.clinic), { bold: true })], scale: 1.35 },
    { cells: [cell(0, title)], scale: 1.15 },
    { cells: [cell(0, 'Please print clearly. All information is kept confidential.')], scale: 0.85, gapBefore: 0.2 },
  ];
}

/** Registration form as a two-column table with grid lines: label cell | value cell. */
export function formTable(s: Story): Row[] {
  const split = s.rng.pick([0.3, 0.34, 0.38]);
  const rows = registrationFields(s).map(([label, value], i): Row => ({
    cells: [cell(0, label, { bold: true }), cell(split, value)],
    grid: [0, split, 1],
    ...(i === 0 ? { gapBefore: 0.6 } : {}),
  }));
  return [
    ...formHeader(
      s,
      s.rng.pick(['New Patient Registration', 'Patient Registration Form', 'Patient Information Sheet']),
    ),
    ...rows,
  ];
}

/** Registration form with a caption above each value, two fields side by side, a rule under the values. */
export function formBelow(s: Story): Row[] {
  const fields = registrationFields(s);
  const rows: Row[] = [];
  for (let i = 0; i < fields.length; i += 2) {
    const pair = fields.slice(i, i + 2);
    rows.push({
      cells: pair.map(([label], k) => cell(k * 0.5, label, { colour: '#333333' })),
      scale: 0.8,
      gapBefore: i === 0 ? 0.6 : 0.25,
    });
    rows.push({ cells: pair.map(([, value], k) => cell(k * 0.5, value)), rule: true });
  }
  return [
    ...formHeader(s, s.rng.pick(['Patient Registration', 'Registration and Consent', 'New Patient Information'])),
    ...rows,
  ];
}

const SERVICES = [
  'General Medicine',
  'Cardiology',
  'Hospital Medicine',
  'General Surgery',
  'Pulmonology',
  'Orthopedics',
  'Nephrology',
];

/** Discharge summary: headings, admission and discharge dates, attending, narrative paragraphs, follow-up. */
export function dischargeSummary(s: Story): Row[] {
  const { rng, cast } = s;
  const pt = cast.patient;
  const admitted = addDays(s.anchor, -rng.int(2, 12));
  const title = isMinor(pt) ? '' : pt.sex === 'M' ? 'Mr. ' : 'Ms. ';
  const kin = cast.relatives[0];
  const job: Fragment = pt.profession ? [', ', profession(rng, pt.profession, 'clause'), ','] : '';
  const followDate = addDays(s.anchor, rng.int(5, 21));
  return [
    { cells: [cell(0, ADDRESS(s.clinic), { bold: true })], scale: 1.3 },
    { cells: [cell(0, 'Discharge Summary', { bold: true })], scale: 1.15 },
    {
      cells: [...field(0, 'Patient:', 0.18, patientName(s)), ...field(0.55, 'MRN:', 0.72, ID(idValue(rng, 'mrn')))],
      gapBefore: 0.4,
    },
    {
      cells: [
        ...field(0, 'DOB:', 0.18, DATE(pt.dob, rng)),
        ...field(0.55, 'Age / sex:', 0.72, [ageValue(s), ` ${pt.sex}`]),
      ],
    },
    {
      cells: [
        ...field(0, 'Admitted:', 0.18, DATE(admitted, rng)),
        ...field(0.55, 'Discharged:', 0.72, DATE(s.anchor, rng)),
      ],
    },
    {
      cells: [
        ...field(0, 'Attending:', 0.18, ['Dr. ', doctorName(s)]),
        ...field(0.55, 'Service:', 0.72, rng.pick(SERVICES)),
      ],
      rule: true,
    },
    heading('Reason for admission'),
    para(`${condition(rng)}.`),
    heading('History of present illness'),
    para([
      title,
      NAME(formatName(pt, 'full')),
      ' is a ',
      AGE(pt.age),
      `-${pt.ageUnit}-old ${sexWord(s)}`,
      job,
      ' from ',
      cityMention(rng),
      ', who came to the emergency department with two days of worsening symptoms. ',
      `Referred by Dr. `,
      NAME(formatName(cast.doctors[2] ?? pt, 'last')),
      ' of ',
      clinic(rng),
      '. ',
      narrative(rng, 1),
    ]),
    heading('Hospital course'),
    para([
      narrative(rng, 2),
      ' Dr. ',
      NAME(formatName(cast.doctors[1] ?? pt, 'last')),
      ` of ${rng.pick(['cardiology', 'nephrology', 'infectious disease', 'pulmonary'])} was consulted and agreed with the plan. `,
      `On the day of discharge ${vitals(rng)}.`,
    ]),
    heading('Discharge medications'),
    ...Array.from({ length: rng.int(2, 4) }, (): Row => ({ cells: [cell(0.03, `- ${med(rng)}`)] })),
    heading('Disposition'),
    para(
      rng.chance(0.5)
        ? ['Discharged to ', facility(rng), ' in ', cityMention(rng), ' in stable condition.']
        : [
            'Discharged home to ',
            ADDRESS(streetLine(rng)),
            ', ',
            cityLine(rng),
            ...(kin ? [` with ${kin.relation} `, NAME(formatName(kin.person, 'first'))] : []),
            '.',
          ],
    ),
    heading('Follow-up'),
    para([
      'See Dr. ',
      doctorName(s, 3),
      ' at ',
      clinic(rng),
      ' on ',
      DATE(followDate, rng),
      ` at ${time(rng, '12')}. Questions: call `,
      PHONE(rng),
      '.',
    ]),
    {
      cells: [
        cell(
          0,
          ['Electronically signed by ', doctorName(s), ', MD on ', DATE(s.anchor, rng), ` ${time(rng, '24colon')}`],
          { colour: '#444444' },
        ),
      ],
      gapBefore: 0.8,
    },
  ];
}

/** Drug, strength and directions as a pharmacy label prints them (no PHI). */
const LABEL_DRUGS: readonly (readonly [string, string, number])[] = [
  ['LISINOPRIL 10 MG TABLET', 'TAKE ONE TABLET BY MOUTH ONCE DAILY', 30],
  ['METFORMIN HCL 500 MG TABLET', 'TAKE ONE TABLET BY MOUTH TWICE DAILY WITH MEALS', 60],
  ['ATORVASTATIN 40 MG TABLET', 'TAKE ONE TABLET BY MOUTH AT BEDTIME', 90],
  ['AMOXICILLIN 500 MG CAPSULE', 'TAKE ONE CAPSULE BY MOUTH THREE TIMES DAILY UNTIL ALL TAKEN', 30],
  ['SERTRALINE 50 MG TABLET', 'TAKE ONE TABLET BY MOUTH EVERY MORNING', 30],
  ['LEVOTHYROXINE 75 MCG TABLET', 'TAKE ONE TABLET BY MOUTH DAILY ON AN EMPTY STOMACH', 90],
  ['PREDNISONE 20 MG TABLET', 'TAKE TWO TABLETS BY MOUTH DAILY FOR 5 DAYS', 10],
  ['ALBUTEROL HFA 90 MCG INHALER', 'INHALE TWO PUFFS EVERY 4 TO 6 HOURS AS NEEDED FOR WHEEZING', 1],
  ['GABAPENTIN 300 MG CAPSULE', 'TAKE ONE CAPSULE BY MOUTH THREE TIMES DAILY', 90],
  ['AMLODIPINE 5 MG TABLET', 'TAKE ONE TABLET BY MOUTH DAILY', 30],
];

/** A prescription label (a small page): pharmacy on a dark strip, Rx number, patient, drug and directions, prescriber, dates. */
export function prescriptionLabel(s: Story): Row[] {
  const { rng, cast } = s;
  const pt = cast.patient;
  const pharmacy = `${rng.pick([...PLACE_WORDS, usCity(rng).city])} ${rng.pick(['Pharmacy', 'Drug', 'Apothecary', 'Community Pharmacy'])}`;
  const [drug, sig, qty] = rng.pick(LABEL_DRUGS);
  const filled = addDays(s.anchor, -rng.int(0, 20));
  const white = { colour: '#ffffff' };
  return [
    {
      cells: [cell(0, ADDRESS(pharmacy), { bold: true, ...white }), cell(0.62, ['Ph: ', PHONE(rng)], white)],
      background: '#1c1c1c',
      scale: 1.1,
    },
    { cells: [cell(0, [ADDRESS(streetLine(rng)), ', ', ...cityLine(rng)])], scale: 0.85, gapBefore: 0.2 },
    {
      cells: [
        cell(0, ['Rx# ', ID(idValue(rng, 'order'))], { bold: true }),
        cell(0.55, ['Filled: ', DATE(filled, rng)]),
      ],
      rule: true,
    },
    {
      cells: [cell(0, NAME(formatName(pt, rng.pick(['upperLastFirst', 'full'] as const))), { bold: true })],
      scale: 1.2,
      gapBefore: 0.2,
    },
    ...(rng.chance(0.5)
      ? [{ cells: [cell(0, [ADDRESS(streetLine(rng, rng.chance(0.3))), ', ', ...cityLine(rng)])], scale: 0.85 }]
      : []),
    { cells: [cell(0, drug, { bold: true })], gapBefore: 0.3 },
    { cells: [cell(0, sig, { wrap: true })] },
    {
      cells: [
        cell(0, `Qty: ${qty}`),
        cell(0.3, `Refills: ${rng.int(0, 5)}`),
        cell(0.55, ['Discard after: ', DATE(addDays(filled, 365), rng)]),
      ],
      gapBefore: 0.2,
    },
    {
      cells: [
        cell(0, [
          'Prescriber: Dr. ',
          NAME(formatName(cast.doctors[0] ?? pt, rng.pick(['full', 'initialLast'] as const))),
        ]),
        cell(0.62, ['DOB: ', DATE(pt.dob, rng)]),
      ],
    },
    {
      cells: [
        cell(
          0,
          'Caution: federal law prohibits the transfer of this drug to any person other than the patient for whom it was prescribed.',
          { wrap: true, colour: '#444444' },
        ),
      ],
      scale: 0.75,
      gapBefore: 0.3,
    },
  ];
}

const VIEWS = [
  'CHEST PA',
  'CHEST AP PORTABLE',
  'L KNEE 2 VIEWS',
  'R HAND 3 VIEWS',
  'PELVIS AP',
  'C-SPINE LAT',
  'ABDOMEN SUPINE',
  'L SHOULDER',
];

/**
 * A radiograph's burned-in annotations (light grey on black), in 2-4 corners: name, ID, DOB, age and sex top
 * left; institution, accession, study date top right; acquisition details and operator at the bottom.
 */
export function radiograph(s: Story): Row[] {
  const { rng, cast } = s;
  const pt = cast.patient;
  const grey = rng.pick(['#ffffff', '#e6e6e6', '#d0d0d0', '#bdbdbd']);
  const c = (at: number, f: Fragment, right = false): Cell =>
    cell(at, f, { colour: grey, ...(right ? { align: 'right' } : {}) });
  const study = addDays(s.anchor, -rng.int(0, 3));
  const corners = rng.int(2, 4);
  const shown =
    corners === 2 ? ['tl', rng.pick(['tr', 'br'])] : corners === 3 ? ['tl', 'tr', 'bl'] : ['tl', 'tr', 'bl', 'br'];
  const tl: Fragment[] = [
    NAME(formatName(pt, rng.pick(['upperLastFirst', 'lastFirst', 'full'] as const))),
    ['ID: ', ID(idValue(rng, 'mrn'))],
    ['DOB: ', DATE(pt.dob, rng)],
    [AGE(pt.age), pt.ageUnit === 'month' ? 'M ' : 'Y ', pt.sex],
  ];
  const tr: Fragment[] = [
    ADDRESS(s.clinic),
    ['Acc: ', ID(idValue(rng, 'accession'))],
    [DATE(study, rng), ` ${time(rng, '24colon')}`],
    rng.pick(VIEWS),
  ];
  const bl: Fragment[] = [
    `kVp ${rng.int(60, 125)}  mAs ${rng.decimal(1, 20)}`,
    ['Ref: Dr. ', NAME(formatName(cast.doctors[1] ?? pt, 'last'))],
  ];
  const br: Fragment[] = [
    `W ${rng.int(1500, 4096)}  L ${rng.int(800, 2200)}`,
    ['Tech: ', NAME(formatName(cast.nurses[0] ?? pt, 'initialLast'))],
  ];
  const rowsOf = (left: Fragment[] | undefined, right: Fragment[] | undefined, fromBottom: boolean): Row[] =>
    Array.from({ length: Math.max(left?.length ?? 0, right?.length ?? 0) }, (_, i): Row => ({
      cells: [
        ...(left?.[i] ? [c(0, left[i] as Fragment)] : []),
        ...(right?.[i] ? [c(0.55, right[i] as Fragment, true)] : []),
      ],
      ...(fromBottom && i === 0 ? { fromBottom: true } : {}),
    }));
  const pick = (corner: string, lines: Fragment[]) => (shown.includes(corner) ? lines : undefined);
  return [...rowsOf(tl, pick('tr', tr), false), ...rowsOf(pick('bl', bl), pick('br', br), true)];
}

/** A fax cover sheet: To/From with fax and phone numbers, date, Re:, pages, a notice, the sender's e-mail and web address. */
export function faxCover(s: Story): Row[] {
  const { rng, cast } = s;
  const pt = cast.patient;
  const to = cast.doctors[1] ?? pt;
  const from = cast.nurses[1] ?? pt;
  const domain = domainFor(s.clinic, rng);
  const v = 0.13;
  const half = (label: string, value: Fragment, at: number): Cell[] => field(at, label, at + v, value);
  return [
    { cells: [cell(0, 'FAX', { bold: true }), cell(0.45, ADDRESS(s.clinic), { bold: true })], scale: 1.6 },
    { cells: [cell(0.45, [ADDRESS(streetLine(rng)), ', ', ...cityLine(rng)])], scale: 0.9 },
    {
      cells: [
        ...half('To:', ['Dr. ', NAME(formatName(to, 'full'))], 0),
        ...half('From:', NAME(formatName(from, 'full')), 0.5),
      ],
      gapBefore: 1,
      rule: true,
    },
    { cells: [...half('Fax:', PHONE(rng), 0), ...half('Fax:', PHONE(rng), 0.5)], rule: true },
    { cells: [...half('Phone:', PHONE(rng), 0), ...half('Phone:', PHONE(rng), 0.5)], rule: true },
    {
      cells: [...half('Date:', DATE(s.anchor, rng), 0), ...half('Pages:', `${rng.int(2, 14)} (including cover)`, 0.5)],
      rule: true,
    },
    { cells: field(0, 'Re:', v, [NAME(formatName(pt, 'full')), ', DOB ', DATE(pt.dob, rng)]), rule: true },
    {
      cells: ['[ ] Urgent', '[X] For review', '[ ] Please comment', '[ ] Please reply'].map((t, i) => cell(i / 4, t)),
      gapBefore: 0.5,
    },
    { cells: [cell(0, 'Comments:', { bold: true })], gapBefore: 0.6 },
    para([
      `Attached please find the ${rng.pick(['clinic notes and recent labs', 'imaging reports', 'discharge paperwork', 'referral records'])} for `,
      NAME(formatName(pt, 'full')),
      ` (${pt.sex === 'M' ? 'he' : 'she'} is `,
      AGE(pt.age),
      `), seen here for ${condition(rng)}. Please call `,
      PHONE(rng),
      ' to schedule.',
    ]),
    { cells: [cell(0, 'CONFIDENTIALITY NOTICE', { bold: true })], gapBefore: 0.8, scale: 0.85 },
    para(
      'This facsimile contains privileged and confidential health information intended only for the recipient named above. If you received it in error, notify the sender by telephone at once and destroy all copies; any review, disclosure or copying is prohibited.',
      { scale: 0.85 },
    ),
    { cells: [cell(0, ['E-mail: ', EMAIL(emailAddress(rng, from, domain))])], gapBefore: 0.6 },
    { cells: [cell(0, ['Web: ', url(rng, domain)])] },
  ];
}

/** The browser's tab strip and address bar above an EHR screenshot: the address holds the MRN or the patient's name. */
export function screenshotChrome(s: Story, mrn: string): Row[] {
  const { rng, cast } = s;
  const pt = cast.patient;
  const host = `${rng.pick(['ehr', 'chart', 'epic', 'portal'])}.${domainFor(s.clinic, rng)}`;
  const slug = `${pt.last}-${pt.first}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z-]/gu, '');
  const path = rng.pick([
    `/patients/${mrn}/chart`,
    `/chart/${slug}/summary`,
    `/emr/patient?mrn=${mrn}&tab=notes`,
    `/p/${mrn}/${slug}`,
  ]);
  return [
    {
      cells: [
        cell(0, [NAME(formatName(pt, 'lastFirst')), ' - Chart'], { colour: '#202124' }),
        cell(0.5, 'Inbox', { colour: '#5f6368' }),
      ],
      background: '#dee1e6',
      scale: 0.9,
    },
    {
      cells: [
        cell(0, '<  >  C', { colour: '#5f6368' }),
        cell(0.08, phi('URL', `https://${host}${path}`), { colour: '#202124' }),
      ],
      background: '#f1f3f4',
      scale: 0.9,
    },
  ];
}
