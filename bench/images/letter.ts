import { condition, narrative } from '../corpus/clinical.ts';
import { phi } from '../corpus/NoteBuilder.ts';
import { domainFor, url } from '../corpus/phi/contact.ts';
import { addDays } from '../corpus/phi/dates.ts';
import { idValue } from '../corpus/phi/ids.ts';
import { formatName } from '../corpus/phi/names.ts';
import { hospitalName, streetLine } from '../corpus/phi/places.ts';
import { cell, type Row } from './pageSpec.ts';
import { ADDRESS, cityLine, DATE, doctorName, ID, NAME, para, PHONE, type Story } from './styleKit.ts';

/** The `letter` style: letterhead, recipient, `Re:` line, two paragraphs, signature and cc. */
export function letter(s: Story): Row[] {
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
