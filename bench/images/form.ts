import { allergy, condition, med } from '../corpus/clinical.ts';
import { phi } from '../corpus/NoteBuilder.ts';
import { emailAddress } from '../corpus/phi/contact.ts';
import { idValue } from '../corpus/phi/ids.ts';
import { formatName } from '../corpus/phi/names.ts';
import { streetLine } from '../corpus/phi/places.ts';
import { cell, field, type Row } from './pageSpec.ts';
import { ADDRESS, cityLine, DATE, doctorName, ID, NAME, patientName, PHONE, type Story } from './styleKit.ts';

/** The `form` style: a patient intake form of `Label:` value fields over light rules. */
export function form(s: Story): Row[] {
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
