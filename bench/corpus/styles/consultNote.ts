/* eslint @typescript-eslint/no-unused-expressions: ["error", { "allowTaggedTemplates": true }] -- b.t`...` appends to the note. */
import { condition, conditions, labsLine, medList, narrative, physicalExam, vitals } from '../clinical.ts';
import { age, anyDate, date, doctor, hospital, pager, phi, phone, type DateFormat } from '../phi.ts';
import { count, day, doctorAt, jobOrNoun, pastOffset, ptRef, want, type NoteStyle } from './common.ts';

const SERVICES = [
  'Infectious Disease',
  'Cardiology',
  'Nephrology',
  'Neurology',
  'Gastroenterology',
  'Endocrinology',
  'Palliative Care',
  'Psychiatry',
  'Hematology/Oncology',
  'Geriatrics',
];
const CONSULT_DATES: readonly DateFormat[] = ['mdy', 'mdyPad', 'md', 'monthD', 'long'];

export const consultNote: NoteStyle = {
  name: 'consult_note',
  description:
    'Inpatient consult note: requesting physician, reason, HPI, exam, data, impression and numbered recommendations, pager.',
  zeroPhiRate: 0.03,
  sizes: [
    ['short', 2],
    ['medium', 5],
    ['long', 2],
  ],
  generate(ctx) {
    const { rng, b, cast } = ctx;
    const pt = cast.patient;
    const service = rng.pick(SERVICES);
    b.raw(`${service.toUpperCase()} ${rng.pick(['CONSULT NOTE', 'CONSULTATION', 'INITIAL CONSULT'])}\n`);
    if (want(ctx, 0.8)) b.t`Date: ${date(day(ctx, 0), rng.pick(CONSULT_DATES))}\n`;
    if (want(ctx, 0.85))
      b.t`Requesting physician: ${doctor(rng, doctorAt(ctx, 0))}${want(ctx, 0.3) ? [' (', pager(rng), ')'] : ''}\n`;
    else b.raw('Requesting service: Medicine\n');
    const reason = rng.pick([
      'bacteremia',
      'AKI',
      'new AF',
      'encephalopathy',
      'elevated LFTs',
      'hyperglycemia',
      'goals of care',
      'agitation',
      'anemia',
    ]);
    b.raw(`Reason for consult: ${reason}\n\n`);
    b.t`HPI: ${ptRef(ctx, 0.7, ['last', 'full'])} is a ${want(ctx, 0.9) ? age(rng, pt, 'adjective') : 'middle-aged'} ${jobOrNoun(ctx, 0.15)} with ${conditions(rng, count(ctx, 1, 3, 4)).join(', ')} admitted ${want(ctx, 0.6) ? anyDate(rng, day(ctx, -rng.int(1, 10)), CONSULT_DATES) : `${rng.int(1, 10)} days ago`} with ${condition(rng)}, now with ${reason}. `;
    if (want(ctx, 0.3))
      b.t`Previously followed by ${doctor(rng, doctorAt(ctx, 4))} at ${hospital(rng)} until ${anyDate(rng, day(ctx, pastOffset(ctx, 200)), ['year', 'monthYear', 'mSlashY'])}. `;
    b.raw(
      `${rng.pick(['Blood cultures 2/2 with GPC in clusters.', 'Cr up from 0.9 to 2.4 over 48 h.', 'HR 140s-150s overnight.', 'Increasing confusion x2 days.', 'ALT 412, AST 388.'])}\n\n`,
    );
    if (ctx.size === 'long') b.raw(`${narrative(rng, rng.int(2, 5))}\n\n`);
    b.raw(`Current meds: ${medList(rng, count(ctx, 2, 4, 7)).join('; ')}\n\n`);
    b.raw(`Exam: ${vitals(rng)}\n${physicalExam(rng, rng.chance(0.5))}\n\n`);
    b.raw(`Data: ${labsLine(rng)}; ${labsLine(rng)}\n`);
    if (want(ctx, 0.4))
      b.t`Imaging: ${rng.pick(['CT A/P', 'TTE', 'MRI brain', 'RUQ US'])} ${anyDate(rng, day(ctx, -rng.int(0, 5)), CONSULT_DATES)}: ${rng.pick(['no acute findings', 'EF 40%, no vegetation', 'small infarct L MCA', 'sludge, no CBD dilation'])}.\n`;
    b.raw(
      `\nImpression: ${rng.pick(['Likely', 'Suspect', 'Consistent with'])} ${condition(rng)} in setting of ${condition(rng)}.\n\nRecommendations:\n`,
    );
    const n = count(ctx, 2, 4, 6);
    for (let i = 1; i <= n; i++)
      b.raw(
        `${i}. ${rng.pick([`Start ${medList(rng, 1)[0]}`, 'Repeat blood cultures x2', 'Obtain TEE', 'Renally dose all meds', 'Avoid nephrotoxins and IV contrast', 'Check TSH, B12, RPR', 'Family meeting to clarify goals', 'Cardiac monitoring', 'Trend LFTs daily'])}\n`,
      );
    b.raw(
      `\nThank you for this interesting consult. We will ${rng.pick(['follow along', 'sign off', 'see again tomorrow'])}. `,
    );
    if (want(ctx, 0.6))
      b.t`Please ${rng.chance(0.5) ? ['page ', phi('PHONE_OR_FAX', rng.digits(5))] : ['call ', phone(rng)]} with questions.`;
    b.raw('\n\n');
    if (want(ctx, 0.9))
      b.t`${doctor(rng, doctorAt(ctx, 2))}${rng.pick([' (Fellow)', ' (Attending)', '', ' - ID fellow'])}\n`;
    if (want(ctx, 0.3)) b.t`Attending: ${doctor(rng, doctorAt(ctx, 3))}, seen and examined, agree with above.\n`;
    return 'none';
  },
};
