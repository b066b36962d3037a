/* eslint @typescript-eslint/no-unused-expressions: ["error", { "allowTaggedTemplates": true }] -- b.t`...` appends to the note. */
import { conditions } from '../clinical.ts';
import {
  anyDate,
  clinic,
  date,
  doctor,
  employer,
  facility,
  labeledId,
  labeledPhone,
  name,
  phi,
  profession,
  signature,
  usAddress,
  type DateFormat,
} from '../phi.ts';
import { count, day, doctorAt, nurseAt, ptRef, relative, stableLabeledId, want, type NoteStyle } from './common.ts';

const SW_DATES: readonly DateFormat[] = ['mdyPad', 'mdy', 'long', 'md'];

export const homeHealthSocialWork: NoteStyle = {
  name: 'home_health_social_work',
  description:
    'Home health visit or social work assessment: home address, household, relatives with phones, insurance IDs, employment, services.',
  zeroPhiRate: 0.03,
  sizes: [
    ['short', 2],
    ['medium', 5],
    ['long', 2],
  ],
  generate(ctx) {
    const { rng, b, cast } = ctx;
    const pt = cast.patient;
    const home = rng.chance(0.5);
    b.raw(
      home
        ? `${rng.pick(['HOME HEALTH SKILLED NURSING VISIT', 'VNA Visit Note', 'Home Care Visit'])}\n`
        : `${rng.pick(['SOCIAL WORK ASSESSMENT', 'Social Work Progress Note', 'Case Management / SW Note'])}\n`,
    );
    if (want(ctx, 0.9))
      b.t`Visit date: ${date(day(ctx, 0), rng.pick(SW_DATES))}   ${want(ctx, 0.6) ? stableLabeledId(ctx, 'mrn') : ''}\n`;
    if (want(ctx, 0.7)) b.t`Patient: ${name(pt, rng.pick(['full', 'lastFirst', 'fullMiddleInitial'] as const))}\n`;
    if (want(ctx, 0.75)) b.t`Address: ${usAddress(rng, 'line')}\n`;
    b.raw('\nLIVING SITUATION: ');
    if (want(ctx, 0.7) && cast.relatives[0]) {
      const rel = cast.relatives[0];
      b.t`${ptRef(ctx, 0.5, ['last', 'first'])} lives with ${rel.relation} ${name(rel.person, rng.pick(['first', 'full'] as const))} in a ${rng.pick(['2nd floor walk-up (14 stairs)', 'single-family home, 1st floor setup', 'senior housing apartment', 'triple-decker, 3rd floor'])}. `;
    } else
      b.raw(
        `Pt lives alone in a ${rng.pick(['ground-floor apartment', 'mobile home', 'rooming house', 'single-family home'])}. `,
      );
    b.raw(
      `${rng.pick(['Home cluttered, fall hazards noted (throw rugs).', 'Grab bars in bathroom, shower chair present.', 'No working smoke detector; referral made.', 'Home clean and safe.'])}\n`,
    );
    b.raw('\nSUPPORTS / EMERGENCY CONTACTS:\n');
    for (let i = 0; i < count(ctx, 1, 2, 3); i++) {
      const rel = relative(ctx, i);
      if (want(ctx, 0.85))
        b.t`- ${rel.relation}: ${name(rel.person, rng.pick(['full', 'first', 'lastFirst'] as const))}, ${labeledPhone(rng, rng.pick(['', 'cell ', 'home ', 'c: ']))}${rel.profession && want(ctx, 0.2) ? [', works as ', /^[aeiou]/iu.test(rel.profession) ? 'an ' : 'a ', phi('PROFESSION', rel.profession)] : ''}\n`;
      else b.raw(`- ${rel.relation} (involved, visits weekly)\n`);
    }
    if (pt.profession && want(ctx, 0.6)) {
      b.t`\nEMPLOYMENT/INCOME: Pt ${profession(rng, pt.profession, 'clause')}${want(ctx, 0.5) ? [' at ', employer(rng)] : ''}. ${rng.pick(['Receives SSDI.', 'On SSI, $943/mo.', 'Pension and Social Security.', 'Applying for disability.'])}\n`;
    }
    b.raw('\nINSURANCE: ');
    if (want(ctx, 0.85)) {
      b.t`${rng.pick(['MassHealth', 'Medicare A/B', 'Medicaid', 'BCBS PPO', 'Tufts Health Plan', 'Aetna Medicare Advantage', 'Humana'])}, ${labeledId(rng, rng.pick(['member', 'medicare', 'member'] as const))}`;
      if (want(ctx, 0.4)) b.t`, ${labeledId(rng, 'group')}`;
      b.nl();
    } else b.raw('Uninsured; free care application started.\n');
    if (want(ctx, 0.15))
      b.t`Documents: ${rng.chance(0.5) ? labeledId(rng, 'ssn') : labeledId(rng, 'passport')} on file for benefits application.\n`;
    b.raw(
      `\nASSESSMENT: Dx ${conditions(rng, 2).join(', ')}. ${rng.pick(['Pt independent with ADLs, needs help with IADLs.', 'Caregiver stress noted.', 'Food insecurity reported; SNAP application assisted.', 'Med adherence poor; pillbox set up x1 week.'])} `,
    );
    if (home)
      b.raw(
        `BP ${rng.int(100, 170)}/${rng.int(60, 100)}, HR ${rng.int(55, 110)}, SpO2 ${rng.int(90, 99)}% RA, wt ${rng.decimal(45, 130)} kg (+${rng.decimal(0.5, 2.5)} kg). Wound ${rng.decimal(1, 4)} x ${rng.decimal(1, 3)} cm, granulating.\n`,
      );
    else
      b.raw(`PHQ-9 ${rng.int(2, 22)}. ${rng.pick(['Pt declines counseling.', 'Referred to outpatient therapy.'])}\n`);
    b.raw('\nPLAN: ');
    if (want(ctx, 0.5))
      b.t`Referral to ${rng.chance(0.5) ? clinic(rng) : facility(rng)}${want(ctx, 0.5) ? [' (', labeledPhone(rng, ''), ')'] : ''}. `;
    b.raw(
      `${rng.pick(['Meals on Wheels, PCA hours increased to 20/wk.', 'Next RN visit in 1 week.', 'Apply for RIDE transportation.', 'Family meeting to discuss long-term care options.'])} `,
    );
    if (want(ctx, 0.4))
      b.t`Next visit ${anyDate(rng, day(ctx, rng.int(3, 14)), ['weekday', 'md', 'weekdayMd', 'monthD'])}. `;
    if (want(ctx, 0.3)) b.t`PCP ${doctor(rng, doctorAt(ctx, 3))} notified.`;
    b.raw('\n\n');
    if (want(ctx, 0.9)) b.add(signature(rng, nurseAt(ctx, 0), home ? 'RN' : rng.pick(['LICSW', 'MSW', 'LCSW']))).nl();
    return 'none';
  },
};
