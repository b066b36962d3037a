/* eslint @typescript-eslint/no-unused-expressions: ["error", { "allowTaggedTemplates": true }] -- b.t`...` appends to the note. */
import type { Relative } from '../cast.ts';
import type { Fragment } from '../NoteBuilder.ts';
import {
  anyDate,
  cityMention,
  date,
  doctor,
  doctorTerse,
  facility,
  hospital,
  job,
  lowerName,
  name,
  phone,
  time,
  type DateFormat,
} from '../phi.ts';
import type { Rng } from '../random.ts';
import {
  caseMode,
  count,
  day,
  doctorAt,
  nurseAt,
  relative,
  want,
  type NoteStyle,
  type StyleContext,
} from './common.ts';
import { nursingCore, nursingPlan } from './icuNursing.ts';

/** How a nursing note names a relative: "wife Mary", "dtr jenny", "son (Tom)", "Mrs. Okafor (wife)". */
function kin(ctx: StyleContext, rel: Relative): Fragment {
  const { rng } = ctx;
  if (!want(ctx, 0.85)) return rel.relation;
  const r = rng.int(0, 6);
  if (r <= 1) return [rel.relation, ' ', name(rel.person, rng.pick(['first', 'first', 'nick'] as const))];
  if (r === 2) return [rel.relation, ' ', lowerName(rel.person, 'first')];
  if (r === 3) return [rel.relation, ' (', name(rel.person, 'first'), ')'];
  if (r === 4) return [name(rel.person, 'full'), ` (${rel.relation})`];
  if (r === 5) return [rel.relation, ' ', name(rel.person, 'full')];
  return [
    rel.person.sex === 'M' ? 'Mr. ' : rng.pick(['Mrs. ', 'Ms. ']),
    name(rel.person, 'last'),
    ` (${rel.relation})`,
  ];
}

const FAMILY_DATES: readonly DateFormat[] = ['md', 'weekday', 'weekdayShort', 'weekdayMd', 'monD'];

function familyLines(ctx: StyleContext, rng: Rng): void {
  const { b } = ctx;
  const n = count(ctx, 2, 3, 5);
  for (let i = 0; i < n; i++) {
    const rel = relative(ctx, i);
    switch (rng.int(0, 9)) {
      case 0:
        b.t`${kin(ctx, rel)} called at ${time(rng)}, updated on plan of care${want(ctx, 0.5) ? [', call back # ', phone(rng)] : ''}.\n`;
        break;
      case 1:
        b.t`${kin(ctx, rel)} at bedside ${rng.pick(['this eve', 'most of shift', 'until 2100', 'overnight'])}, ${rng.pick(['tearful', 'appropriate', 'many questions re: prognosis', 'supportive'])}.\n`;
        break;
      case 2:
        b.t`${kin(ctx, rel)} is HCP${want(ctx, 0.6) ? [', cell ', phone(rng)] : ''}. ${rng.pick(['would like call w/ any changes', 'pls call before 10pm', 'ok to call overnight'])}.\n`;
        break;
      case 3:
        b.t`${kin(ctx, rel)} ${rng.pick(['flying in from', 'driving up from', 'lives in'])} ${want(ctx, 0.8) ? cityMention(rng) : 'out of state'}, ${rng.pick(['ETA tomorrow', 'arrives', 'will visit'])} ${want(ctx, 0.6) ? anyDate(rng, day(ctx, rng.int(1, 3)), FAMILY_DATES) : 'this wknd'}.\n`;
        break;
      case 4:
        b.t`family mtg w/ ${want(ctx, 0.7) ? doctor(rng, doctorAt(ctx, 0)) : 'team'} and ${kin(ctx, rel)} ${want(ctx, 0.7) ? anyDate(rng, day(ctx, rng.int(0, 2)), FAMILY_DATES) : 'tomorrow'} at ${time(rng)} re: goals of care${rng.chance(0.5) ? ', ?DNR/DNI' : ''}.\n`;
        break;
      case 5:
        b.t`${kin(ctx, rel)}${rel.profession && want(ctx, 0.7) ? [' (', job(rel.profession), ')'] : ''} asking appropriate questions re: ${rng.pick(['trach/PEG', 'sedation', 'pressors', 'lines'])}.\n`;
        break;
      case 6:
        b.t`${kin(ctx, rel)}, who works as a ${job(rel.profession ?? 'nurse')}${want(ctx, 0.5) ? [' at ', hospital(rng)] : ''}, requesting daily update.\n`;
        break;
      case 7:
        b.t`per ${kin(ctx, rel)}, pt lived ${want(ctx, 0.6) ? ['at ', facility(rng)] : rng.pick(['alone', 'w/ wife', 'w/ dtr', 'at home'])} prior to adm, ${rng.pick(['indep w/ ADLs', 'uses walker', 'w/c bound'])}.\n`;
        break;
      case 8:
        b.t`${kin(ctx, rel)} updated by ${want(ctx, 0.5) ? (rng.chance(0.6) ? doctorTerse(rng, doctorAt(ctx, 1)) : ['Nurse ', name(nurseAt(ctx, 1), rng.pick(['first', 'last'] as const))]) : 'MD'} ${want(ctx, 0.5) ? date(day(ctx, 0), 'md') : 'today'}, ${rng.pick(['in agreement w/ plan', 'wants full code', 'considering CMO'])}.\n`;
        break;
      default:
        b.t`no family contact this shift.\n`;
    }
  }
}

export const icuNursingFamily: NoteStyle = {
  name: 'icu_nursing_family',
  description: 'ICU nursing note with a family communication section: relatives by first name, often lower case.',
  zeroPhiRate: 0.04,
  sizes: [
    ['short', 3],
    ['medium', 5],
    ['long', 2],
  ],
  generate(ctx) {
    const { rng, b } = ctx;
    b.setTypoRate(rng.pick([0, 0, 0.02]));
    if (rng.chance(0.5)) nursingCore(ctx);
    else
      b.t`${rng.pick(['Family update', 'SOCIAL/FAMILY note', 'Nsg note - family communication'])} ${want(ctx, 0.5) ? date(day(ctx, 0), 'md') : ''}\n`;
    b.raw(rng.pick(['\nSOCIAL: ', '\nFamily: ', '\nPSYCHOSOCIAL:\n', '\nfamily/social: ']));
    familyLines(ctx, rng);
    nursingPlan(ctx);
    return caseMode(rng, 0.3, 0.3);
  },
};
