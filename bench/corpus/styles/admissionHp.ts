/* eslint @typescript-eslint/no-unused-expressions: ["error", { "allowTaggedTemplates": true }] -- b.t`...` appends to the note. */
import { allergy, conditions, labsLine, medList, narrative, physicalExam, procedure, vitals } from '../clinical.ts';
import {
  age,
  ageDecade,
  anyDate,
  cityMention,
  country,
  date,
  doctor,
  employer,
  facility,
  hospital,
  name,
  phi,
  profession,
  titled,
  type DateFormat,
} from '../phi.ts';
import { pronoun } from '../phi/people.ts';
import {
  bullets,
  count,
  day,
  doctorAt,
  pastOffset,
  ptRef,
  jobOrNoun,
  relative,
  want,
  type NoteStyle,
  type StyleContext,
} from './common.ts';
import { patientBlock, signOff } from './headers.ts';

const PAST: readonly DateFormat[] = ['year', 'year', 'year', 'monthYear', 'mSlashY', 'monYear', 'aposYear', 'mdy'];

function socialHistory(ctx: StyleContext): void {
  const { rng, b, cast } = ctx;
  const pt = cast.patient;
  const spouse = cast.relatives[0];
  b.raw('\nSOCIAL HISTORY:\n');
  if (pt.ageUnit === 'month' || pt.age < 18) {
    b.t`Lives with ${want(ctx, 0.7) && spouse ? [spouse.relation, ' ', name(spouse.person, 'first')] : 'parents'} ${want(ctx, 0.6) ? ['in ', cityMention(rng)] : 'at home'}. ${rng.pick(['Attends daycare.', 'In 3rd grade.', 'No smoke exposure.', 'Up to date on immunizations.'])}\n`;
    return;
  }
  const lives = want(ctx, 0.7) ? ['Lives in ', cityMention(rng)] : 'Lives at home';
  const withWhom =
    spouse && want(ctx, 0.6)
      ? [
          ` with ${pronoun(pt.sex, 'poss')} ${spouse.relation}, `,
          name(spouse.person, rng.pick(['first', 'full'] as const)),
        ]
      : rng.pick([' alone', ' with family', ' in a second-floor apartment']);
  b.t`${lives}${withWhom}. `;
  if (pt.profession && want(ctx, 0.8)) {
    b.t`${pronoun(pt.sex).replace(/^./u, (c) => c.toUpperCase())} ${profession(rng, pt.profession, 'clause')}`;
    if (want(ctx, 0.4)) b.t` at ${employer(rng)}`;
    b.raw('. ');
  }
  if (want(ctx, 0.25))
    b.t`Originally from ${country(rng)}, moved to the US in ${anyDate(rng, day(ctx, pastOffset(ctx, 2000)), ['year'])}. ${rng.pick(['Speaks Spanish and English.', 'Portuguese interpreter used.', 'Prefers Haitian Creole.', 'English fluent.'])} `;
  b.raw(
    `${rng.pick(['Former smoker', 'Current smoker', 'Never smoker', 'Quit smoking'])}${rng.chance(0.5) ? `, ${rng.int(5, 60)} pack-years` : ''}. ${rng.pick(['Drinks 2-3 beers/week.', 'Denies EtOH.', 'Drinks 1 pint vodka daily.', 'Social EtOH.'])} ${rng.pick(['No IVDU.', 'Hx of IVDU, in recovery x5 yrs.', 'Uses marijuana occasionally.'])}\n`,
  );
  if (want(ctx, 0.3)) b.t`Previously resided at ${facility(rng)}. `;
  if (want(ctx, 0.35))
    b.t`HCP is ${pronoun(pt.sex, 'poss')} ${relative(ctx, 1).relation}, ${name(relative(ctx, 1).person, 'full')}.\n`;
}

function familyHistory(ctx: StyleContext): void {
  const { rng, b } = ctx;
  b.raw('\nFAMILY HISTORY:\n');
  const n = count(ctx, 1, 2, 3);
  for (let i = 0; i < n; i++) {
    const who = rng.pick(['Father', 'Mother', 'Brother', 'Sister', 'Maternal grandmother', 'Paternal uncle']);
    const sex = /Father|Brother|uncle/u.test(who) ? ('M' as const) : ('F' as const);
    const dx = rng.pick(['MI', 'colon cancer', 'breast cancer', 'stroke', 'T2DM', "Alzheimer's", 'lung cancer', 'CHF']);
    if (want(ctx, 0.6))
      b.t`${who} ${rng.pick(['died of', 'with', 'diagnosed with'])} ${dx} ${rng.chance(0.5) ? ['at age ', phi('AGE', String(rng.int(38, 96)))] : ageDecade({ age: rng.int(40, 95), sex }, rng)}.\n`;
    else b.raw(`${who} with ${dx}.\n`);
  }
}

export const admissionHp: NoteStyle = {
  name: 'admission_hp',
  description:
    'Admission history and physical: HPI, PMH/PSH with years, social history with profession, city, living situation.',
  zeroPhiRate: 0.02,
  sizes: [
    ['short', 2],
    ['medium', 5],
    ['long', 3],
  ],
  generate(ctx) {
    const { rng, b, cast } = ctx;
    const pt = cast.patient;
    b.raw(`${rng.pick(['ADMISSION H&P', 'History and Physical', 'Admission Note', 'MEDICINE ADMISSION NOTE'])}\n`);
    if (rng.chance(0.6)) patientBlock(ctx, { ids: ['mrn'] });
    if (want(ctx, 0.7))
      b.t`Date of admission: ${date(day(ctx, 0), rng.pick(['mdyPad', 'mdy', 'long', 'iso'] as const))}\n`;
    b.raw(
      `\nCHIEF COMPLAINT: ${rng.pick(['"I can\'t breathe"', 'chest pain', 'fall', 'fever', 'weakness', 'altered mental status', 'abdominal pain'])}\n`,
    );
    b.raw('\nHISTORY OF PRESENT ILLNESS:\n');
    const pmh = conditions(rng, count(ctx, 2, 4, 6));
    b.t`${ptRef(ctx, 0.75, ['last', 'full', 'fullMiddleInitial'])} is a ${age(rng, pt, 'adjective')} ${jobOrNoun(ctx, 0.3)} with ${pmh.join(', ')} who `;
    if (want(ctx, 0.3)) b.t`was transferred from ${hospital(rng)} with `;
    else b.raw(rng.pick(['presents with ', 'was brought in by EMS with ', 'presented with ']));
    b.raw(
      `${rng.int(1, 7)} days of ${rng.pick(['worsening dyspnea', 'productive cough', 'fevers', 'LLE swelling', 'confusion', 'RUQ pain'])}. `,
    );
    if (want(ctx, 0.5))
      b.t`Per ${pronoun(pt.sex, 'poss')} ${relative(ctx, 0).relation} ${name(relative(ctx, 0).person, rng.pick(['first', 'full'] as const))}, symptoms began ${want(ctx, 0.7) ? ['on ', anyDate(rng, day(ctx, -rng.int(1, 6)), ['weekday', 'md', 'monthD'])] : 'last week'}. `;
    b.raw(
      `In the ED, ${vitals(rng)}. ${labsLine(rng)}. Given ${medList(rng, 1)[0]}. ${narrative(rng, count(ctx, 0, 1, 4))}\n`,
    );
    b.raw('\nPAST MEDICAL HISTORY:\n');
    pmh.forEach((dx) => {
      b.raw(`- ${dx}`);
      if (want(ctx, 0.3)) b.t` (dx ${anyDate(rng, day(ctx, pastOffset(ctx, 200)), PAST)})`;
      b.nl();
    });
    b.raw('\nPAST SURGICAL HISTORY:\n');
    for (let i = count(ctx, 1, 2, 3); i > 0; i--) {
      b.raw(`- ${procedure(rng)}`);
      const when = want(ctx, 0.6) ? anyDate(rng, day(ctx, pastOffset(ctx, 200)), PAST) : undefined;
      const where = want(ctx, 0.2) ? hospital(rng) : undefined;
      if (when && where) b.t` (${when}, ${where})`;
      else if (when) b.t` ${rng.pick(['in ', '', 'in '])}${when}`;
      else if (where) b.t` at ${where}`;
      b.nl();
    }
    b.raw('\nMEDICATIONS:\n');
    bullets(b, medList(rng, count(ctx, 2, 5, 9)));
    b.raw(`\nALLERGIES: ${allergy(rng)}\n`);
    socialHistory(ctx);
    familyHistory(ctx);
    b.raw(`\nPHYSICAL EXAM:\n${vitals(rng)}\n${physicalExam(rng, rng.chance(0.7))}\n`);
    b.raw(`\nLABS: ${labsLine(rng)}; ${labsLine(rng)}\n`);
    b.raw(`\nASSESSMENT AND PLAN:\n`);
    b.t`${age(rng, pt, 'short')} with ${pmh[0] ?? 'multiple comorbidities'} admitted for ${rng.pick(['CAP', 'CHF exacerbation', 'sepsis, unclear source', 'syncope workup', 'COPD exacerbation'])}.\n`;
    bullets(b, [
      `${medList(rng, 1)[0]}`,
      `trend ${rng.pick(['trop', 'lactate', 'Cr'])}`,
      `DVT ppx: heparin SC`,
      `Code: ${rng.pick(['Full', 'DNR/DNI', 'DNR, ok to intubate'])}`,
    ]);
    if (want(ctx, 0.3))
      b.t`Discussed with ${titled(rng, pt)} and ${pronoun(pt.sex, 'poss')} ${relative(ctx, 0).relation} at bedside.\n`;
    b.nl();
    signOff(ctx, doctorAt(ctx, 1));
    if (want(ctx, 0.4))
      b.t`Attending attestation: seen and examined with resident; agree with plan. ${doctor(rng, doctorAt(ctx, 0))}\n`;
    return 'none';
  },
};
