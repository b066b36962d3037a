import { allergy, med, narrative, vitals } from '../corpus/clinical.ts';
import { phi } from '../corpus/NoteBuilder.ts';
import { emailAddress } from '../corpus/phi/contact.ts';
import { addDays, time } from '../corpus/phi/dates.ts';
import { idValue } from '../corpus/phi/ids.ts';
import { formatName } from '../corpus/phi/names.ts';
import { hospitalName, ward } from '../corpus/phi/places.ts';
import { cell, field, type Row } from './pageSpec.ts';
import { screenshotChrome } from './screenshotChrome.ts';
import { ADDRESS, DATE, doctorName, ID, NAME, para, patientName, PHONE, type Story } from './styleKit.ts';

/** The `screenshot` style: browser bar, the EHR's dark banner and tabs, patient details and a progress note. */
export function screenshot(s: Story): Row[] {
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
