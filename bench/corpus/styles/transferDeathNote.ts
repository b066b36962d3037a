/* eslint @typescript-eslint/no-unused-expressions: ["error", { "allowTaggedTemplates": true }] -- b.t`...` appends to the note. */
import { conditions, medList, vitals } from '../clinical.ts';
import {
  date,
  doctor,
  facility,
  hospital,
  id,
  labeledPhone,
  name,
  phi,
  signature,
  time,
  type DateFormat,
} from '../phi.ts';
import {
  day,
  doctorAt,
  nurseAt,
  ptRef,
  relative,
  stableLabeledId,
  want,
  type NoteStyle,
  type StyleContext,
} from './common.ts';

const DATES: readonly DateFormat[] = ['mdyPad', 'mdy', 'long', 'md'];

function transfer(ctx: StyleContext): void {
  const { rng, b } = ctx;
  b.raw(
    `${rng.pick(['TRANSFER NOTE', 'Interfacility Transfer Summary', 'Discharge to SNF - Nursing Transfer Note'])}\n`,
  );
  if (want(ctx, 0.6)) b.add(stableLabeledId(ctx, 'mrn')).nl();
  b.t`${ptRef(ctx, 0.6, ['full', 'last'])} transferred to ${want(ctx, 0.9) ? facility(rng) : 'rehab'}${want(ctx, 0.7) ? [' on ', date(day(ctx, 0), rng.pick(DATES))] : ''} at ${time(rng)} via ${rng.pick(['BLS ambulance', 'ALS ambulance', 'wheelchair van', 'private car with family'])}.\n`;
  b.raw(`Dx: ${conditions(rng, 2).join(', ')}. ${vitals(rng, true)} prior to departure.\n`);
  b.raw(`Meds given today: ${medList(rng, 2).join(', ')}. Next dose due at ${time(rng)}.\n`);
  if (want(ctx, 0.8))
    b.t`Report called to ${name(nurseAt(ctx, 1), rng.pick(['full', 'first', 'initialLast'] as const))}, RN${want(ctx, 0.6) ? [' at ', labeledPhone(rng, '')] : ''}.\n`;
  if (want(ctx, 0.4)) b.t`Accepting physician: ${doctor(rng, doctorAt(ctx, 4))}.\n`;
  if (want(ctx, 0.5))
    b.t`${relative(ctx, 0).relation.replace(/^./u, (c) => c.toUpperCase())} ${name(relative(ctx, 0).person, 'first')} aware and will meet pt there.\n`;
  b.raw(
    `Belongings: ${rng.pick(['glasses, dentures, cell phone', 'walker, clothing', 'hearing aids x2'])} sent with pt. ${rng.pick(['PICC remains in place.', 'Foley removed prior to transfer.', 'Midline d/c, catheter tip intact.'])}\n`,
  );
  if (want(ctx, 0.85)) b.add(signature(rng, nurseAt(ctx, 0))).nl();
}

function death(ctx: StyleContext): void {
  const { rng, b } = ctx;
  b.raw(`${rng.pick(['DEATH NOTE', 'Death Pronouncement Note', 'Expiration Note'])}\n`);
  b.raw(
    `Called to bedside by RN at ${time(rng)} for ${rng.pick(['absent respirations', 'asystole on monitor', 'pt unresponsive'])}. `,
  );
  b.raw(
    `Pt was ${rng.pick(['CMO', 'DNR/DNI', 'DNR'])} with ${conditions(rng, 2).join(' and ')}. On exam: no response to verbal or tactile stimuli, pupils fixed and dilated, no heart sounds x1 min, no breath sounds, no carotid pulse.\n`,
  );
  b.t`Pronounced dead at ${time(rng)} on ${want(ctx, 0.9) ? date(day(ctx, 0), rng.pick(DATES)) : 'this date'}${want(ctx, 0.9) ? [' by ', doctor(rng, doctorAt(ctx, 1))] : ''}.\n`;
  if (want(ctx, 0.8)) {
    const rel = relative(ctx, 0);
    b.t`Family: ${rel.relation} ${name(rel.person, rng.pick(['first', 'full'] as const))} ${rng.pick(['present at bedside', 'notified by phone', 'on the way'])}${want(ctx, 0.3) ? [' (', labeledPhone(rng, ''), ')'] : ''}. Condolences offered; chaplain called.\n`;
  }
  b.raw(`Attending ${rng.pick(['notified', 'aware'])}`);
  if (want(ctx, 0.5)) b.t` (${doctor(rng, doctorAt(ctx, 0))})`;
  b.raw('.\n');
  b.raw(`Medical examiner: ${rng.pick(['notified, case declined', 'not a ME case', 'accepted jurisdiction'])}`);
  if (want(ctx, 0.3)) b.t`, ME case # ${id(rng, 'claim')}`;
  b.raw(`. Autopsy: ${rng.pick(['declined by family', 'requested', 'not requested'])}.\n`);
  b.raw(`${rng.pick(['Organ bank', 'Organ procurement organization', 'OPO'])} notified`);
  if (want(ctx, 0.5)) b.t`, referral # ${id(rng, 'order')}`;
  b.raw('.\n');
  if (want(ctx, 0.4))
    b.t`Body released to ${phi('ADDRESS', `${rng.pick(['Murphy', 'Kelly', 'Rossi', 'Johnson', 'Nguyen', 'Abbott', 'Hart'])} ${rng.pick(['Funeral Home', '& Sons Funeral Home', 'Mortuary', 'Memorial Chapel'])}`)}.\n`;
  if (want(ctx, 0.5)) b.t`${doctor(rng, doctorAt(ctx, 1))}, ${rng.pick(['PGY-2', 'MD', 'covering resident'])}\n`;
  if (want(ctx, 0.2)) b.t`cc: ${hospital(rng)} Decedent Affairs\n`;
}

export const transferDeathNote: NoteStyle = {
  name: 'transfer_death_note',
  description: 'Transfer note (to a named rehab or nursing home) or death pronouncement note.',
  zeroPhiRate: 0.04,
  sizes: [
    ['short', 5],
    ['medium', 3],
  ],
  generate(ctx) {
    if (ctx.rng.chance(0.55)) transfer(ctx);
    else death(ctx);
    return ctx.rng.chance(0.15) ? 'upper' : 'none';
  },
};
