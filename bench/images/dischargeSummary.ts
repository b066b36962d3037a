import { isMinor } from '../corpus/cast.ts';
import { condition, med, narrative, vitals } from '../corpus/clinical.ts';
import type { Fragment } from '../corpus/NoteBuilder.ts';
import { addDays, time } from '../corpus/phi/dates.ts';
import { idValue } from '../corpus/phi/ids.ts';
import { formatName } from '../corpus/phi/names.ts';
import { profession } from '../corpus/phi/people.ts';
import { cityMention, clinic, facility, streetLine } from '../corpus/phi/places.ts';
import { ageValue } from './extraKit.ts';
import { cell, field, type Row } from './pageSpec.ts';
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

const sexWord = (s: Story) => (s.cast.patient.sex === 'M' ? 'male' : 'female');
const heading = (text: string): Row => ({ cells: [cell(0, text, { bold: true })], gapBefore: 0.6, rule: true });

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
