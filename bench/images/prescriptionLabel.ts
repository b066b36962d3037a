import { addDays } from '../corpus/phi/dates.ts';
import { idValue } from '../corpus/phi/ids.ts';
import { formatName } from '../corpus/phi/names.ts';
import { streetLine, usCity } from '../corpus/phi/places.ts';
import { PLACE_WORDS } from '../corpus/vocabulary/places.ts';
import { cell, type Row } from './pageSpec.ts';
import { ADDRESS, cityLine, DATE, ID, NAME, PHONE, type Story } from './styleKit.ts';

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
