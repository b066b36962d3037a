/* eslint @typescript-eslint/no-unused-expressions: ["error", { "allowTaggedTemplates": true }] -- b.t`...` appends to the note. */
import type { Person } from '../cast.ts';
import { condition, labsLine, med } from '../clinical.ts';
import type { Fragment } from '../NoteBuilder.ts';
import {
  anyDate,
  domainFor,
  emailAddress,
  labeledPhone,
  name,
  pager,
  phi,
  time,
  titled,
  url,
  usAddress,
  type DateFormat,
} from '../phi.ts';
import {
  day,
  doctorAt,
  nurseAt,
  ptRef,
  stableId,
  stableLabeledId,
  want,
  type NoteStyle,
  type StyleContext,
} from './common.ts';

const HEADER_DATES: readonly DateFormat[] = ['weekdayLong', 'weekdayLong', 'long', 'mdy', 'iso'];

function addressee(ctx: StyleContext, p: Person, domain: string): Fragment {
  const { rng } = ctx;
  const mail = phi('EMAIL', emailAddress(rng, p, domain));
  if (!want(ctx, 0.9)) return mail;
  return rng.pick<Fragment>([
    [name(p, 'full'), ' <', mail, '>'],
    [name(p, 'lastFirst'), ' <', mail, '>'],
    [mail],
    [name(p, 'full'), ' (', mail, ')'],
  ]);
}

function signatureBlock(ctx: StyleContext, p: Person, domain: string): void {
  const { rng, b } = ctx;
  b.raw(rng.pick(['--\n', '____\n', '\n', 'Sent from my iPhone\n\n']));
  b.add(
    name(p, rng.pick(['full', 'fullMiddleInitial'] as const)),
    rng.pick([', MD', ', RN', ', NP', ', PharmD', ', MSW', '']),
  ).nl();
  b.raw(
    `${rng.pick(['Hospital Medicine', 'Division of Infectious Diseases', 'Case Management', 'Cardiology Fellow', 'Nurse Manager, MICU'])}\n`,
  );
  b.add(phi('ADDRESS', ctx.hospital)).nl();
  if (want(ctx, 0.5)) b.add(usAddress(rng, 'line')).nl();
  if (want(ctx, 0.8)) b.add(labeledPhone(rng, rng.pick(['Office: ', 'Tel: ', 'Phone: ', 'o: ']))).nl();
  if (want(ctx, 0.5))
    b.add(
      rng.pick(['Pager: ', 'Pgr: ', 'Page: ']),
      phi('PHONE_OR_FAX', rng.pick([rng.digits(5), `${rng.digits(3)}-${rng.digits(4)}`])),
    ).nl();
  if (want(ctx, 0.4)) b.add(labeledPhone(rng, 'Fax: ')).nl();
  if (want(ctx, 0.4)) b.add(url(rng, domain)).nl();
}

function message(ctx: StyleContext, from: Person, to: Person, offset: number, domain: string, reply: boolean): void {
  const { rng, b, cast } = ctx;
  const pt = cast.patient;
  b.add(rng.pick(['From: ', 'FROM: ']), addressee(ctx, from, domain)).nl();
  b.add(
    rng.pick(['Sent: ', 'Date: ']),
    want(ctx, 0.95) ? anyDate(rng, day(ctx, offset), HEADER_DATES) : 'today',
    ` ${time(rng, '12')}`,
  ).nl();
  b.add('To: ', addressee(ctx, to, domain));
  if (want(ctx, 0.3)) b.add('; ', addressee(ctx, nurseAt(ctx, 1), domain));
  b.nl();
  if (want(ctx, 0.3)) b.add('Cc: ', addressee(ctx, doctorAt(ctx, 4), domain)).nl();
  b.add('Subject: ', reply ? 'RE: ' : '');
  if (want(ctx, 0.6))
    b.add(
      rng.pick(['pt ', 'Re ', '', 'FW: ']),
      name(pt, rng.pick(['last', 'lastFirst', 'initials', 'full'] as const)),
      want(ctx, 0.2) ? [' ', stableId(ctx, 'mrn')] : '',
      rng.pick([' - dc planning', ' follow-up', ' labs', ' / bed request', '']),
    );
  else b.raw(rng.pick(['patient question', 'discharge planning', 'Abx plan', 'family meeting', 'bed 12 update']));
  b.nl(2);
  b.add(
    rng.pick(['Hi ', 'Hello ', 'Dear ', '']),
    want(ctx, 0.8) ? name(to, rng.pick(['first', 'first', 'nick'] as const)) : 'all',
    rng.pick([',', ' -', '!']),
  ).nl(2);
  switch (rng.int(0, 3)) {
    case 0:
      b.t`Quick update on ${ptRef(ctx, 0.8, ['full', 'last', 'lastFirst'])} (${want(ctx, 0.6) ? stableLabeledId(ctx, 'mrn') : 'in 12'}): ${labsLine(rng)}. We started ${med(rng)}. ${rng.pick(['Can you weigh in on duration?', 'Let me know if you see anything concerning.', 'Will touch base after rounds.'])}\n`;
      break;
    case 1:
      b.t`${ptRef(ctx, 0.7, ['last', 'full'])} is medically ready for discharge ${want(ctx, 0.7) ? anyDate(rng, day(ctx, offset + rng.int(1, 3)), ['weekday', 'md', 'monthD']) : 'soon'}. ${rng.pick(['Family', 'Her daughter', 'His son'])} ${want(ctx, 0.5) ? name(cast.relatives[0]?.person ?? to, 'first') : ''} would like a call${want(ctx, 0.5) ? [' at ', labeledPhone(rng, '')] : ''}.\n`;
      break;
    case 2:
      b.t`The family meeting for ${titled(rng, pt)} is set for ${want(ctx, 0.9) ? anyDate(rng, day(ctx, offset + rng.int(1, 4)), ['weekday', 'weekdayMd', 'monthD', 'md']) : 'tomorrow'} at ${time(rng, '12')} in the ${rng.pick(['family room', 'MICU conference room', 'unit conference room'])}. Palliative will join. Documents are on the portal: ${want(ctx, 0.6) ? url(rng, domain) : 'see shared drive'}\n`;
      break;
    default:
      b.t`Re the ${condition(rng)} consult: we recommend ${med(rng)} and repeat imaging in ${rng.int(2, 6)} weeks. ${want(ctx, 0.5) ? ['Page me at ', pager(rng), ' with questions.'] : 'Happy to discuss.'}\n`;
  }
  b.nl();
  b.add(rng.pick(['Thanks,', 'Best,', 'Thank you,', 'Regards,', '-'])).nl();
  if (want(ctx, 0.8)) b.add(name(from, rng.pick(['first', 'first', 'initials', 'full'] as const))).nl();
  if (want(ctx, 0.6)) signatureBlock(ctx, from, domain);
}

export const emailThread: NoteStyle = {
  name: 'email_thread',
  description:
    'Clinician e-mail thread: From/Sent/To/Subject headers with addresses, body about a patient, signatures with phone/pager/fax and URLs.',
  zeroPhiRate: 0.02,
  sizes: [
    ['short', 4],
    ['medium', 4],
    ['long', 2],
  ],
  generate(ctx) {
    const { rng, b } = ctx;
    const domain = domainFor(ctx.hospital, rng);
    const a = doctorAt(ctx, 0);
    const c = rng.chance(0.5) ? nurseAt(ctx, 0) : doctorAt(ctx, 2);
    const n = ctx.size === 'short' ? 1 : ctx.size === 'medium' ? 2 : 3;
    for (let i = 0; i < n; i++) {
      if (i > 0) b.raw(rng.pick(['\n-----Original Message-----\n', '\n________________________________\n', '\n> ']));
      const [from, to] = i % 2 === 0 ? [a, c] : [c, a];
      message(ctx, from, to, -i, domain, i < n - 1);
    }
    if (rng.chance(0.5))
      b.raw(
        '\nCONFIDENTIALITY NOTICE: This e-mail may contain protected health information. If you are not the intended recipient, please notify the sender and delete it.\n',
      );
    return 'none';
  },
};
