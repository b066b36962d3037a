/* eslint @typescript-eslint/no-unused-expressions: ["error", { "allowTaggedTemplates": true }] -- b.t`...` appends to the note. */
import { med } from '../clinical.ts';
import { anyDate, date, doctor, labeledPhone, name, phone, phi, signature, time, type DateFormat } from '../phi.ts';
import { caseMode, day, doctorAt, nurseAt, ptRef, relative, stableLabeledId, want, type NoteStyle } from './common.ts';

const TEL_DATES: readonly DateFormat[] = ['mdyPad', 'mdy', 'mdyShort'];

const REASONS: readonly (readonly [reason: string, detail: string, advice: string])[] = [
  [
    'Medication refill',
    'Requests refill of MED, out since yesterday.',
    'Refill sent to pharmacy on file, 90-day supply.',
  ],
  [
    'Lab results',
    'Calling for INR result. Taking warfarin 5 mg daily except 2.5 mg Mon/Fri.',
    'INR 2.6 - therapeutic, continue same dose, recheck in 2 wks.',
  ],
  [
    'Side effect',
    'Reports dizziness since starting MED, BP at home 98/60.',
    'Advised to hold dose tonight, will route to MD.',
  ],
  [
    'Symptom call',
    'Reports fever 101.2 and cough x3 days, no SOB.',
    'Advised Tylenol 650 mg q6h PRN, fluids; appt offered tomorrow.',
  ],
  ['Appointment', 'Needs to reschedule follow-up, has conflict.', 'Rescheduled.'],
  [
    'Post-op check',
    'Incision slightly red, no drainage, pain 3/10.',
    'Reviewed wound care, send photo via portal; return precautions given.',
  ],
  ['Forms', 'FMLA paperwork needs completion for employer.', 'Forms placed in MD box.'],
];

export const telephoneEncounter: NoteStyle = {
  name: 'telephone_encounter',
  description: 'Telephone encounter or patient message: caller, callback number, reason, advice, routing; short.',
  zeroPhiRate: 0.1,
  sizes: [
    ['short', 7],
    ['medium', 3],
  ],
  generate(ctx) {
    const { rng, b, cast } = ctx;
    const [reason, detail, advice] = rng.pick(REASONS);
    b.raw(
      `${rng.pick(['Telephone Encounter', 'TELEPHONE NOTE', 'Phone Call', 'Patient Message (MyChart)', 'Nurse Triage Call'])}\n`,
    );
    b.t`${rng.pick(['Date: ', 'Date/Time: ', 'Call received: '])}${want(ctx, 0.9) ? date(day(ctx, 0), rng.pick(TEL_DATES)) : 'today'} ${time(rng, '12')}\n`;
    if (want(ctx, 0.5)) b.add(stableLabeledId(ctx, 'mrn')).nl();
    const callerIsPt = rng.chance(0.5) || cast.relatives.length === 0;
    b.raw('Caller: ');
    if (callerIsPt)
      b.add(
        rng.pick(['Patient', 'Pt', 'self']),
        want(ctx, 0.5) ? [' (', ptRef(ctx, 1, ['full', 'lastFirst']), ')'] : '',
      );
    else {
      const rel = relative(ctx, 0);
      if (want(ctx, 0.85))
        b.add(name(rel.person, rng.pick(['full', 'first', 'lastFirst'] as const)), ` (${rel.relation})`);
      else b.raw(rel.relation);
    }
    b.nl();
    if (want(ctx, 0.75))
      b.t`${rng.pick(['Callback #: ', 'Call back number: ', 'Best # ', 'Phone: '])}${phone(rng)}${rng.chance(0.3) ? ' (ok to leave msg)' : ''}\n`;
    b.raw(`Reason: ${reason}\n`);
    b.raw(`Details: ${detail.replace('MED', med(rng))}`);
    if (want(ctx, 0.3))
      b.t` Last seen ${anyDate(rng, day(ctx, -rng.int(7, 200)), ['md', 'mdy', 'monthD', 'monthYear'])}.`;
    if (want(ctx, 0.2))
      b.t` Uses ${phi('ADDRESS', rng.pick(['CVS', 'Walgreens', 'Rite Aid']))} on ${phi('ADDRESS', `${rng.pick(['Main', 'Elm', 'Broadway', 'Center', 'Washington'])} St`)}.`;
    b.raw(`\nAdvice: ${advice}`);
    if (want(ctx, 0.4)) b.t` Routed to ${doctor(rng, doctorAt(ctx, 0))}.`;
    b.nl();
    if (want(ctx, 0.2))
      b.t`Call back to ${ptRef(ctx, 0.6, ['first', 'last'])} at ${time(rng, '12')}, ${rng.pick(['left VM', 'no answer', 'reviewed plan, verbalized understanding'])}. Alt #: ${labeledPhone(rng, '')}\n`;
    b.raw(rng.pick(['', 'Disposition: home care\n', 'Time spent: 8 min\n']));
    if (want(ctx, 0.85))
      b.add(
        signature(rng, nurseAt(ctx, 0), rng.pick(['RN', 'LPN', 'MA', 'RN'])),
        rng.chance(0.4) ? [' ', anyDate(rng, day(ctx, 0), ['md'])] : '',
      ).nl();
    return caseMode(rng, 0.05, 0.05);
  },
};
