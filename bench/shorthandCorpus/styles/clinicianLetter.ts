// Clinic letter to a referring doctor: letterhead with address and phone, date, Re: line, narrative
// prose carrying ICU shorthand and neutral words, sign-off and cc.
import { phi } from '../../corpus/NoteBuilder.ts';
import { extension, mrnRef, pagerRef, phoneText } from '../contacts.ts';
import { addDays, dateText, FORMAL_SHAPES, type Day } from '../dates.ts';
import { phrases, SYSTEMS } from '../icuShorthand.ts';
import { casedWord } from '../neutralSlots.ts';
import { name, nameText, type Patient, type Person } from '../people.ts';
import { postalAddress } from '../places.ts';
import { neutral, type Frag } from '../ShorthandBuilder.ts';
import { cycler, fillTo, maybe, writeLine, type ShorthandStyle, type StyleContext } from './context.ts';

// Departments of the letterhead's hospital: generic, not ADDRESS ("Cardiology Associates" would be a named practice).
const DEPARTMENTS = [
  'Pulmonary and Critical Care',
  'Department of Medicine',
  'Division of Cardiology',
  'Renal Clinic',
  'Post-ICU Clinic',
];

function letterhead(ctx: StyleContext): Frag[][] {
  const { rng } = ctx;
  if (!maybe(ctx, 0.9)) return [[rng.pick(DEPARTMENTS)]];
  const lines: Frag[][] = [[phi('ADDRESS', ctx.hospital.name)], [rng.pick(DEPARTMENTS)]];
  lines.push(...postalAddress(rng));
  lines.push(['Tel ', phi('PHONE_OR_FAX', phoneText(rng)), '  Fax ', phi('PHONE_OR_FAX', phoneText(rng))]);
  return lines;
}

const title = (p: Patient) => (p.sex === 'M' ? 'Mr. ' : 'Ms. ');
const pronoun = (p: Patient, he: string, she: string) => (p.sex === 'M' ? he : she);

/** Letters spell out the nurses' "dtr", "bro", "HCP". */
function relationWord(relation: string): string {
  return (
    ({ dtr: 'daughter', bro: 'brother', HCP: 'health care proxy' } as Record<string, string>)[relation] ?? relation
  );
}

function opening(ctx: StyleContext, visit: Day): Frag[] {
  const {
    rng,
    cast: { patient, relatives },
  } = ctx;
  if (!ctx.withPhi)
    return [
      'I saw your patient in clinic today in follow-up after a recent ICU stay for ',
      rng.pick(['ARDS', 'septic shock', 'GI bleeding']),
      '.',
    ];
  const rel = rng.pick(relatives);
  return [
    'I had the pleasure of seeing ',
    title(patient),
    phi('NAME', patient.last),
    ', a ',
    phi('AGE', String(patient.age)),
    '-year-old ',
    rng.pick(['retired ', 'former ', '']),
    phi('PROFESSION', patient.profession),
    ', in clinic on ',
    phi('DATE', dateText(rng, visit, FORMAL_SHAPES)),
    ' in follow-up after an ICU stay at ',
    phi('ADDRESS', ctx.outside.initials ?? ctx.outside.name),
    '. ',
    rng.chance(0.5)
      ? [
          pronoun(patient, 'His ', 'Her '),
          relationWord(rel.relation),
          ' ',
          phi('NAME', rel.first),
          ' accompanied ',
          pronoun(patient, 'him', 'her'),
          ' today.',
        ]
      : '',
  ];
}

type Sentence = (ctx: StyleContext) => Frag[];

/** Prose sentences with a neutral word or two and some shorthand (letters quote the chart). */
const SENTENCES: readonly Sentence[] = [
  (ctx) => [pronoun(ctx.cast.patient, 'He', 'She'), ' reports ', w(ctx), ' and ', w(ctx), ' since discharge.'],
  (ctx) => ['The ', w(ctx), ' has improved; ', chart(ctx), ' on the last check.'],
  (ctx) => ['We discussed ', w(ctx), ' at some length; ', chart(ctx), ', ', chart(ctx), '.'],
  (ctx) => ['Labs from the ICU stay were notable for ', chart(ctx), ' and ', chart(ctx), '.'],
  (ctx) => ['On exam today: ', chart(ctx), '. No ', w(ctx), '.'],
  (ctx) => ['I would continue the ', w(ctx), ' for now, and may need to revisit this.'],
  (ctx) => [
    'Of note, ',
    w(ctx),
    ' was ',
    ctx.rng.pick(['stopped', 'held', 'restarted']),
    ' in the ICU, and ',
    w(ctx),
    ' remains on the list.',
  ],
  (ctx) => [pronoun(ctx.cast.patient, 'His', 'Her'), ' ', w(ctx), ' is stable; ', chart(ctx), '.'],
  (ctx) => ['I have asked ', pronoun(ctx.cast.patient, 'him', 'her'), ' to keep a log of ', w(ctx), ' at home.'],
  (ctx) => [
    'Cardiology saw ',
    pronoun(ctx.cast.patient, 'him', 'her'),
    ctx.withPhi ? [' (Dr. ', name(ctx.rng, ctx.rng.pick(ctx.cast.doctors), ['last', 'full']), ')'] : '',
    ' and suggested ',
    w(ctx),
    '.',
  ],
];

const w = ({ rng, lex }: StyleContext): Frag => neutral(casedWord(rng, rng.pick(lex.neutralWords)));
// Not Resp: out of a vent-settings line, "10/5/40" would read as a date.
const chart = ({ rng }: StyleContext): string =>
  phrases(rng, SYSTEMS[rng.pick(['CV', 'GU', 'Heme', 'ID'] as const)], 1)[0]!;

function closing(ctx: StyleContext, author: Person, visit: Day): Frag[][] {
  const { rng, cast } = ctx;
  if (!ctx.withPhi) return [['Sincerely,'], ['Attending physician']];
  const next = addDays(visit, rng.int(30, 120));
  return [
    [
      'I will see ',
      pronoun(cast.patient, 'him', 'her'),
      ' again on ',
      phi('DATE', dateText(rng, next, ['month d, yyyy', 'm/d/yyyy'])),
      '. Please call me at ',
      rng.chance(0.5) ? extension(rng) : pagerRef(rng),
      ' with any questions.',
    ],
    [],
    ['Sincerely,'],
    [phi('NAME', nameText(author, rng.pick(['full', 'middle'] as const))), ', MD'],
    ['cc: ', rng.pick(['Dr. ', 'Dr ']), name(rng, rng.pick(cast.doctors.slice(1)), ['full', 'initialLast'])],
  ];
}

export const clinicianLetter: ShorthandStyle = {
  name: 'clinician_letter',
  typoRate: 0,
  generate(ctx) {
    const { rng, cast } = ctx;
    const [author, recipient] = [cast.doctors[0]!, cast.doctors[1]!];
    const visit = addDays(ctx.anchor, rng.int(20, 60));
    for (const line of letterhead(ctx)) writeLine(ctx, line);
    ctx.b.nl();
    if (ctx.withPhi) {
      writeLine(ctx, [phi('DATE', dateText(rng, visit, ['month d, yyyy', 'mm/dd/yyyy']))]);
      ctx.b.nl();
      writeLine(ctx, [
        'Re: ',
        name(rng, cast.patient, ['full', 'middle']),
        ', DOB ',
        phi('DATE', dateText(rng, cast.patient.dob, FORMAL_SHAPES)),
        ', ',
        mrnRef(rng),
      ]);
      ctx.b.nl();
    }
    writeLine(ctx, ctx.withPhi ? ['Dear Dr. ', phi('NAME', recipient.last), ','] : ['Dear Colleague,']);
    ctx.b.nl();
    writeLine(ctx, opening(ctx, visit));
    const sentence = cycler(rng, SENTENCES);
    fillTo(ctx, () => writeLine(ctx, [sentence()(ctx), ' ', sentence()(ctx)]));
    ctx.b.nl();
    for (const line of closing(ctx, author, visit)) writeLine(ctx, line);
  },
};
