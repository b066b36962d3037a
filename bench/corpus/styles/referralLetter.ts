/* eslint @typescript-eslint/no-unused-expressions: ["error", { "allowTaggedTemplates": true }] -- b.t`...` appends to the note. */
import { conditions, labsLine, medList, vitals } from '../clinical.ts';
import type { Person } from '../cast.ts';
import type { Fragment } from '../NoteBuilder.ts';
import {
  age,
  anyDate,
  clinic,
  date,
  domainFor,
  email,
  labeledPhone,
  name,
  phi,
  titled,
  ukAddress,
  url,
  usAddress,
  type DateFormat,
} from '../phi.ts';
import { pronoun } from '../phi/people.ts';
import {
  count,
  day,
  doctorAt,
  jobOrNoun,
  pastOffset,
  stableLabeledId,
  want,
  type NoteStyle,
  type StyleContext,
} from './common.ts';

function drSalutation(ctx: StyleContext, p: Person, uk: boolean): Fragment {
  const { rng } = ctx;
  if (!want(ctx, 0.9)) return rng.pick(['Dear Colleague', 'Dear Doctor', 'To whom it may concern']);
  return [uk ? 'Dear Dr ' : 'Dear Dr. ', name(p, rng.chance(0.85) ? 'last' : 'full')];
}

function letterhead(ctx: StyleContext, uk: boolean): string {
  const { rng, b } = ctx;
  const clinicPiece = want(ctx, 0.9) ? clinic(rng) : phi('ADDRESS', ctx.hospital);
  b.add(clinicPiece).nl();
  if (rng.chance(0.4))
    b.raw(
      `${rng.pick(['Department of Cardiology', 'Division of Gastroenterology', 'Memory Disorders Unit', 'Respiratory Medicine', 'Rheumatology Service'])}\n`,
    );
  if (want(ctx, 0.85)) b.add(uk ? ukAddress(rng) : usAddress(rng, 'block')).nl();
  if (want(ctx, 0.7))
    b.add(
      labeledPhone(rng, rng.pick(['Tel: ', 'Phone ', 'T: '])),
      rng.pick(['  |  ', '\n', '   ']),
      labeledPhone(rng, rng.pick(['Fax: ', 'F: '])),
    ).nl();
  const domain = domainFor(clinicPiece.text, rng);
  if (want(ctx, 0.3)) b.add(url(rng, domain)).nl();
  b.nl();
  return domain;
}

const US_DATES: readonly DateFormat[] = ['long', 'long', 'mdyPad', 'mdy'];
const UK_DATES: readonly DateFormat[] = ['longDmy', 'longDmy', 'dmySlash', 'dmyDot'];

export const referralLetter: NoteStyle = {
  name: 'referral_letter',
  description:
    'Referral or clinic letter: letterhead with address, date, recipient, Re: line, "Dear Dr", narrative, "Yours sincerely", cc.',
  zeroPhiRate: 0.01,
  sizes: [
    ['short', 3],
    ['medium', 5],
    ['long', 2],
  ],
  generate(ctx) {
    const { rng, b, cast } = ctx;
    const pt = cast.patient;
    const uk = rng.chance(0.3);
    const formats = uk ? UK_DATES : US_DATES;
    const author = doctorAt(ctx, 0);
    const recipient = doctorAt(ctx, 3);
    const domain = letterhead(ctx, uk);
    if (want(ctx, 0.95)) b.add(date(day(ctx, 0), rng.pick(formats))).nl(2);
    if (want(ctx, 0.8)) {
      b.add(uk ? 'Dr ' : 'Dr. ', name(recipient, rng.pick(['full', 'fullMiddleInitial'] as const))).nl();
      b.add(rng.chance(0.5) ? clinic(rng) : phi('ADDRESS', ctx.hospital)).nl();
      if (want(ctx, 0.7)) b.add(uk ? ukAddress(rng) : usAddress(rng, 'block')).nl();
      b.nl();
    }
    b.raw('Re: ');
    if (want(ctx, 0.95))
      b.add(
        rng.chance(0.5)
          ? titled(rng, pt, 'full')
          : name(pt, rng.pick(['full', 'fullMiddleInitial', 'upperLastFirst'] as const)),
      );
    else b.raw('your patient');
    if (want(ctx, 0.8))
      b.add(', DOB ', anyDate(rng, pt.dob, uk ? ['dmySlash', 'dmyDot', 'longDmy'] : ['mdyPad', 'mdy', 'long']));
    if (want(ctx, 0.5)) b.add(', ', stableLabeledId(ctx, uk ? rng.pick(['nhs', 'mrn'] as const) : 'mrn'));
    b.nl(2);
    b.add(drSalutation(ctx, recipient, uk), rng.pick([',', ':', ''])).nl(2);
    const dx = conditions(rng, count(ctx, 1, 2, 3));
    b.t`${rng.pick(['Thank you for referring', 'Thank you for asking me to see', 'I had the pleasure of seeing'])} ${want(ctx, 0.7) ? titled(rng, pt) : 'this patient'}, a ${age(rng, pt, 'adjective')} ${jobOrNoun(ctx, 0.4)}, ${want(ctx, 0.6) ? ['in clinic on ', anyDate(rng, day(ctx, -rng.int(0, 10)), formats)] : 'in clinic today'} regarding ${dx[0] ?? 'follow-up'}.\n\n`;
    b.t`${pronoun(pt.sex).replace(/^./u, (c) => c.toUpperCase())} has a background of ${dx.slice(1).join(' and ') || 'hypertension'}. `;
    if (want(ctx, 0.4))
      b.t`${pronoun(pt.sex).replace(/^./u, (c) => c.toUpperCase())} was last seen here in ${anyDate(rng, day(ctx, pastOffset(ctx, 90)), ['monthYear', 'monYear', 'year'])}. `;
    b.raw(`Current medications are ${medList(rng, count(ctx, 2, 3, 5)).join(', ')}.\n\n`);
    b.raw(
      `On examination today: ${vitals(rng)}. ${rng.pick(['Heart sounds normal.', 'There is a 2/6 ejection systolic murmur.', 'Chest clear.', 'Abdomen soft and non-tender.'])} Recent bloods: ${labsLine(rng)}.\n\n`,
    );
    b.raw(
      `${rng.pick(['I have recommended', 'We agreed to', 'My plan is to'])} ${rng.pick(['start', 'increase', 'switch to'])} ${medList(rng, 1)[0]} and arrange ${rng.pick(['an echocardiogram', 'a colonoscopy', 'MRI brain', 'pulmonary function tests', 'a 24-hour Holter monitor'])}. `,
    );
    if (want(ctx, 0.6))
      b.t`I will see ${pronoun(pt.sex, 'obj')} again ${rng.chance(0.5) ? ['on ', anyDate(rng, day(ctx, rng.int(30, 120)), formats)] : ['in ', anyDate(rng, day(ctx, rng.int(30, 120)), ['monthYear', 'monYear'])]}.`;
    else b.raw(`I will see ${pronoun(pt.sex, 'obj')} again in ${rng.int(2, 6)} months.`);
    if (want(ctx, 0.25)) b.t` Please do not hesitate to contact me at ${email(rng, author, domain)}.`;
    b.raw('\n\n');
    b.raw(
      `${rng.pick(uk ? ['Yours sincerely,', 'Kind regards,', 'Yours faithfully,'] : ['Sincerely,', 'Yours sincerely,', 'Best regards,', 'With kind regards,'])}\n\n`,
    );
    if (want(ctx, 0.95))
      b.add(
        uk ? 'Dr ' : '',
        name(author, rng.pick(['full', 'fullMiddleInitial'] as const)),
        uk ? '' : rng.pick([', MD', ' MD', ', MD, PhD', ', DO']),
      ).nl();
    b.raw(
      `${rng.pick(['Consultant Cardiologist', 'Attending Physician, Gastroenterology', 'Consultant in Respiratory Medicine', 'Associate Professor of Medicine', 'Rheumatology'])}\n`,
    );
    if (want(ctx, 0.4)) b.t`\ncc: ${titled(rng, pt, 'full')}${want(ctx, 0.5) ? [', ', usAddress(rng, 'line')] : ''}\n`;
    if (rng.chance(0.3))
      b.raw(
        `\nDictated but not read. ${rng.pick(['D:', 'Dict:'])} ${rng.int(1, 28)} days post-visit; T: transcription service.\n`,
      );
    return 'none';
  },
};
