/* eslint @typescript-eslint/no-unused-expressions: ["error", { "allowTaggedTemplates": true }] -- b.t`...` appends to the note. */
import {
  condition,
  labsLine,
  medList,
  narrative,
  numericDistractor,
  physicalExam,
  vitals,
  wordNameDistractor,
} from '../clinical.ts';
import { age, anyDate, date, doctor, facility, labeledPhone, pager, signature, ward, type DateFormat } from '../phi.ts';
import { caseMode, count, day, doctorAt, nurseAt, ptRef, relative, want, type NoteStyle } from './common.ts';
import { name } from '../phi/names.ts';

const SOAP_DATES: readonly DateFormat[] = ['md', 'mdy', 'mdyPad', 'monD', 'weekdayMd'];

export const progressSoap: NoteStyle = {
  name: 'progress_soap',
  description: 'Daily progress note in SOAP format (S/O/A/P), resident or attending, pager in the signature.',
  zeroPhiRate: 0.08,
  sizes: [
    ['short', 4],
    ['medium', 5],
    ['long', 2],
  ],
  generate(ctx) {
    const { rng, b, cast } = ctx;
    const pt = cast.patient;
    const hd = rng.int(1, 15);
    b.raw(
      rng.pick([
        'Progress Note',
        'MEDICINE PROGRESS NOTE',
        'Daily Progress Note',
        'SICU Progress Note',
        'Hospitalist Progress Note',
      ]),
    );
    if (want(ctx, 0.7)) b.t` - ${date(day(ctx, 0), rng.pick(SOAP_DATES))}`;
    b.raw(` HD#${hd}\n`);
    if (want(ctx, 0.3)) b.t`Location: ${ward(rng)}\n`;
    b.raw(
      `\nS: ${rng.pick(['NAEO.', 'No acute events overnight.', 'Overnight: hypotensive to 80s, responded to 1L LR.', 'Pt reports feeling better, pain 3/10.', 'c/o poor sleep, nausea x1.'])} `,
    );
    if (want(ctx, 0.35))
      b.t`${rng.pick(['Spoke with', 'Updated'])} ${relative(ctx, 0).relation} ${name(relative(ctx, 0).person, rng.pick(['first', 'full'] as const))} by phone${want(ctx, 0.3) ? [' (', labeledPhone(rng, ''), ')'] : ''}. `;
    b.raw(`${wordNameDistractor(rng)}${ctx.size === 'long' ? ` ${narrative(rng, rng.int(2, 4))}` : ''}\n`);
    b.raw(`\nO: ${vitals(rng, rng.chance(0.5))}\n`);
    if (ctx.size !== 'short') b.raw(`${physicalExam(rng, rng.chance(0.5))}\n`);
    b.raw(`Labs: ${labsLine(rng)}; ${labsLine(rng)}\n`);
    if (rng.chance(0.4))
      b.raw(
        `Micro: ${rng.pick(['BCx NGTD', 'UCx >100K E. coli', 'sputum: Klebsiella pneumoniae', 'C diff negative'])}\n`,
      );
    b.raw('\nA/P: ');
    b.t`${want(ctx, 0.6) ? age(rng, pt, 'short') : 'Pt'} ${rng.pick(['w/', 'with'])} ${condition(rng)}, ${condition(rng)} ${rng.pick(['admitted for', 'here with', 'now with'])} ${condition(rng)}.\n`;
    const n = count(ctx, 2, 3, 5);
    for (let i = 1; i <= n; i++) {
      b.raw(
        `${i}. ${condition(rng)}: ${medList(rng, 1)[0]}; ${rng.pick(['trend', 'f/u', 'repeat'])} ${rng.pick(['BMP', 'CBC', 'lactate', 'CXR', 'TTE'])}; ${numericDistractor(rng)}`,
      );
      if (want(ctx, 0.2))
        b.t`; ${rng.pick(['d/w', 'discussed with', 'appreciate recs from'])} ${doctor(rng, doctorAt(ctx, i))}`;
      if (want(ctx, 0.1)) b.t`; recheck ${anyDate(rng, day(ctx, rng.int(1, 3)), SOAP_DATES)}`;
      b.nl();
    }
    b.raw(
      `FEN: ${rng.pick(['regular diet', 'NPO after MN', 'cardiac diet, 2g Na'])}. PPx: ${rng.pick(['heparin SC', 'SCDs', 'enoxaparin 40mg'])}. Code: ${rng.pick(['Full', 'DNR/DNI'])}. `,
    );
    b.raw('Dispo: ');
    if (want(ctx, 0.35))
      b.t`${rng.pick(['pending bed at', 'screening for', 'accepted at'])} ${facility(rng)}${want(ctx, 0.4) ? [' ', anyDate(rng, day(ctx, rng.int(1, 4)), SOAP_DATES)] : ''}\n`;
    else
      b.raw(`${rng.pick(['home when stable', 'likely home in 1-2 days', 'continue ICU care', 'PT eval pending'])}\n`);
    b.nl();
    if (want(ctx, 0.9)) {
      b.add(doctor(rng, doctorAt(ctx, 1)), rng.pick([', PGY-1', ', PGY-2', ' (resident)', ', MD', '']));
      if (want(ctx, 0.6)) b.add(rng.pick([' ', ', ']), pager(rng));
      b.nl();
    }
    if (want(ctx, 0.4)) b.t`Seen and discussed with attending ${doctor(rng, doctorAt(ctx, 0))}.\n`;
    if (want(ctx, 0.1)) b.t`Nursing: ${signature(rng, nurseAt(ctx, 0))}\n`;
    if (want(ctx, 0.1)) b.t`${ptRef(ctx, 1)} agrees with plan.\n`;
    return caseMode(rng, 0.05, 0.05);
  },
};
