import { isMinor } from '../corpus/cast.ts';
import { type Fragment, phi } from '../corpus/NoteBuilder.ts';
import { emailAddress } from '../corpus/phi/contact.ts';
import { idValue } from '../corpus/phi/ids.ts';
import { formatName } from '../corpus/phi/names.ts';
import { employer, streetLine, usCity, zip } from '../corpus/phi/places.ts';
import { ageValue, EMAIL } from './extraKit.ts';
import { cell, type Row } from './pageSpec.ts';
import { ADDRESS, DATE, doctorName, ID, NAME, PHONE, type Story } from './styleKit.ts';

const PROFESSION = (text: string) => phi('PROFESSION', text);
/** What a registration form asks for an occupation: the patient's, or for a child the guardian's. */
function occupation(s: Story): [string, Fragment] {
  const { patient, relatives } = s.cast;
  if (patient.profession) return ['Occupation', PROFESSION(patient.profession)];
  return ['Guardian occupation', PROFESSION(relatives[0]?.profession ?? 'teacher')];
}

/** The fields of a registration form, label and value, for the table and caption-above layouts. */
export function registrationFields(s: Story): [string, Fragment][] {
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

/** The clinic, the form's title and a line of instructions: the top of both registration layouts. */
export function formHeader(s: Story, title: string): Row[] {
  return [
    { cells: [cell(0, ADDRESS(s.clinic), { bold: true })], scale: 1.35 },
    { cells: [cell(0, title)], scale: 1.15 },
    { cells: [cell(0, 'Please print clearly. All information is kept confidential.')], scale: 0.85, gapBefore: 0.2 },
  ];
}
