import { addDays, time } from '../corpus/phi/dates.ts';
import { idValue } from '../corpus/phi/ids.ts';
import { formatName } from '../corpus/phi/names.ts';
import { cell, field, type Row } from './pageSpec.ts';
import { ADDRESS, DATE, doctorName, ID, NAME, patientName, type Story } from './styleKit.ts';

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

/** The `lab-report` style: lab header, patient block in two columns, a ruled result table, verified-by line. */
export function labReport(s: Story): Row[] {
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
