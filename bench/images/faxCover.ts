import { condition } from '../corpus/clinical.ts';
import type { Fragment } from '../corpus/NoteBuilder.ts';
import { domainFor, emailAddress, url } from '../corpus/phi/contact.ts';
import { formatName } from '../corpus/phi/names.ts';
import { streetLine } from '../corpus/phi/places.ts';
import { EMAIL } from './extraKit.ts';
import { cell, type Cell, field, type Row } from './pageSpec.ts';
import { ADDRESS, AGE, cityLine, DATE, NAME, para, PHONE, type Story } from './styleKit.ts';

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
