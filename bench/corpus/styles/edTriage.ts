/* eslint @typescript-eslint/no-unused-expressions: ["error", { "allowTaggedTemplates": true }] -- b.t`...` appends to the note. */
import { allergy, conditions, medList, vitals } from '../clinical.ts';
import {
  age,
  anyDate,
  cityMention,
  date,
  doctorTerse,
  employer,
  facility,
  hospital,
  labeledId,
  labeledPhone,
  lowerName,
  name,
  phi,
  profession,
  signature,
  time,
  titled,
  type DateFormat,
} from '../phi.ts';
import { caseMode, count, day, doctorAt, nurseAt, relative, stableLabeledId, want, type NoteStyle } from './common.ts';

const ED_DATES: readonly DateFormat[] = ['mdyPad', 'mdy', 'md', 'mdyShort'];

const COMPLAINTS: readonly (readonly [cc: string, hpi: string])[] = [
  ['CP', 'substernal CP x2 hrs, pressure, radiating to L arm, +diaphoresis, +SOB'],
  ['SOB', 'progressive SOB x3 days, orthopnea, 3 pillow, +LE swelling'],
  ['fall', 'mechanical fall at home, +head strike, on apixaban, ?LOC'],
  ['abd pain', 'RLQ pain since last night, +N/V, anorexia, no BM x1 day'],
  ['AMS', 'found confused by family, last known well 2200 last night, FSBG 48 by EMS'],
  ['fever', 'fever 39.4 at home, rigors, dysuria, flank pain'],
  ['SI', 'reports SI w/ plan, hx depression, off meds x2 wks'],
  ['GI bleed', 'melena x3 today, lightheaded, on ASA/plavix'],
  ['seizure', 'witnessed GTC seizure ~2 min, postictal on arrival, hx epilepsy on keppra'],
  ['MVC', 'restrained driver, MVC ~40 mph, +airbag deployment, c/o neck pain'],
];

export const edTriage: NoteStyle = {
  name: 'ed_triage',
  description:
    'Emergency department triage note: terse, arrival mode and time, ESI, vitals, chief complaint, brief HPI.',
  zeroPhiRate: 0.06,
  sizes: [
    ['short', 6],
    ['medium', 3],
    ['long', 1],
  ],
  generate(ctx) {
    const { rng, b, cast } = ctx;
    const pt = cast.patient;
    const [cc, hpi] = rng.pick(COMPLAINTS);
    b.setTypoRate(rng.pick([0, 0, 0.02]));
    b.raw(`${rng.pick(['ED TRIAGE NOTE', 'Triage', 'EMERGENCY DEPT - TRIAGE ASSESSMENT', 'ED Triage'])}\n`);
    if (want(ctx, 0.5)) b.add(stableLabeledId(ctx, 'mrn'), '  ');
    if (want(ctx, 0.3)) b.add(stableLabeledId(ctx, 'encounter'));
    b.t`\nArrival: ${want(ctx, 0.8) ? date(day(ctx, 0), rng.pick(ED_DATES)) : ''} ${time(rng, rng.pick(['24', '24colon'] as const))} via ${rng.pick(['ambulance', 'EMS', 'walk-in', 'private vehicle', 'police'])}`;
    if (want(ctx, 0.3)) b.t` from ${rng.chance(0.5) ? facility(rng) : cityMention(rng)}`;
    b.raw(`\nESI: ${rng.int(1, 5)}\nCC: ${cc}\n`);
    b.t`HPI: ${want(ctx, 0.8) ? age(rng, pt, 'short') : 'pt'} ${rng.pick(['BIBA', 'presents', 'walk-in', 'BIB family'])} w/ ${hpi}. `;
    if (want(ctx, 0.3))
      b.t`Per ${relative(ctx, 0).relation} (${rng.chance(0.5) ? name(relative(ctx, 0).person, 'first') : lowerName(relative(ctx, 0).person, 'first')}), ${rng.pick(['pt more confused than baseline', 'symptoms started after dinner', 'pt fell getting out of shower'])}. `;
    if (want(ctx, 0.2))
      b.t`Seen at ${hospital(rng)} ${anyDate(rng, day(ctx, -rng.int(1, 30)), ['md', 'weekday', 'monD'])} for same. `;
    if (want(ctx, 0.15) && pt.profession)
      b.t`Pt ${profession(rng, pt.profession, 'clause')}${want(ctx, 0.5) ? [' at ', employer(rng)] : ''}, ${rng.pick(['injured at work', 'symptoms began at work', 'missed work x2 days'])}. `;
    if (cc === 'MVC' && want(ctx, 0.6))
      b.t`Police at bedside, ${rng.chance(0.5) ? labeledId(rng, 'plate') : labeledId(rng, 'vin')}, driver's ${labeledId(rng, 'license', 'lic # ')}. `;
    b.nl();
    b.raw(`VS: ${vitals(rng, true)}\nPain: ${rng.int(0, 10)}/10\nGCS ${rng.int(9, 15)}\n`);
    b.raw(`PMH: ${conditions(rng, count(ctx, 1, 3, 5)).join(', ')}\n`);
    b.raw(`Meds: ${medList(rng, count(ctx, 1, 3, 6)).join('; ')}\nAllergies: ${allergy(rng)}\n`);
    b.raw(
      `${rng.pick(['Triage protocol: ECG obtained within 10 min, ASA 324 mg given.', 'Sepsis screen positive, lactate sent.', 'Stroke alert not called, outside window.', 'Fall precautions, C-collar in place.', 'Sitter ordered, belongings searched.'])}\n`,
    );
    if (want(ctx, 0.4))
      b.t`Contact: ${relative(ctx, 0).relation} ${name(relative(ctx, 0).person, rng.pick(['full', 'first'] as const))} ${labeledPhone(rng, '')}\n`;
    if (want(ctx, 0.3)) b.t`PCP: ${doctorTerse(rng, doctorAt(ctx, 3))}\n`;
    if (want(ctx, 0.3))
      b.t`${titled(rng, pt)} placed in ${rng.pick(['room', 'bay', 'hallway bed'])} ${rng.int(1, 40)}.\n`;
    b.raw('Triage RN: ');
    if (want(ctx, 0.85)) b.add(signature(rng, nurseAt(ctx, 0)));
    b.nl();
    if (want(ctx, 0.1)) b.add(phi('ADDRESS', ctx.hospital), ' Emergency Department').nl();
    return caseMode(rng, 0.35, 0.1);
  },
};
