// Discharge summary: header block, HPI, hospital course by problem (ICU shorthand and neutral slots),
// meds, disposition to a named facility, follow-up with a doctor at a hospital on a date.
import { phi } from '../../corpus/NoteBuilder.ts';
import { mrnRef, phoneRef } from '../contacts.ts';
import { addDays, dateText, FORMAL_SHAPES, PAST_SHAPES } from '../dates.ts';
import { clock, phrases, SYSTEMS } from '../icuShorthand.ts';
import { inlineSlot } from '../neutralSlots.ts';
import { drRef, name } from '../people.ts';
import { ageFrag } from '../phiMentions.ts';
import { institutionRef } from '../places.ts';
import type { Frag } from '../ShorthandBuilder.ts';
import { cycler, fillTo, joined, maybe, writeLine, type ShorthandStyle, type StyleContext } from './context.ts';

const PROBLEMS: readonly (readonly [string, keyof typeof SYSTEMS])[] = [
  ['Resp failure', 'Resp'],
  ['Sepsis', 'ID'],
  ['AKI', 'GU'],
  ['Hypotension', 'CV'],
  ['UGIB', 'Heme'],
  ['Delirium', 'Neuro'],
  ['A fib w/ RVR', 'CV'],
  ['Anemia', 'Heme'],
  ['Pressure ulcer', 'Skin'],
  ['Nutrition', 'GI'],
  ['Access', 'Lines'],
];
const MEDS = [
  'lasix 40 mg PO daily',
  'metoprolol 25 mg PO BID',
  'ASA 81 daily',
  'lisinopril 10 daily',
  'insulin glargine 20 units qhs',
  'omeprazole 20 daily',
  'levofloxacin 750 q48h x 5 more days',
  'senna 1 tab qhs prn',
  'heparin 5000 units sc tid',
  'tylenol 650 q6h prn',
];

function headerBlock(ctx: StyleContext): Frag[][] {
  const {
    rng,
    cast: { patient, doctors },
    anchor,
  } = ctx;
  const date = (d = anchor) => phi('DATE', dateText(rng, d, FORMAL_SHAPES));
  if (!ctx.withPhi) return [['DISCHARGE SUMMARY'], ['Service: MICU']];
  return [
    ['DISCHARGE SUMMARY'],
    ['Name: ', name(rng, patient, ['LASTFIRST', 'lastFirst']), '    ', mrnRef(rng)],
    ['Admission Date: ', date(), '    Discharge Date: ', date(addDays(anchor, rng.int(3, 20)))],
    ['Date of Birth: ', date(patient.dob), '    Sex: ', patient.sex],
    ['Service: ', rng.pick(['MICU', 'MEDICINE', 'CCU', 'SICU'])],
    ['Attending: ', rng.chance(0.5) ? drRef(rng, doctors[0]!) : name(rng, doctors[0]!, ['LASTFIRST', 'full'])],
  ];
}

function hpi(ctx: StyleContext): Frag[] {
  const {
    rng,
    cast: { patient },
  } = ctx;
  const past = addDays(ctx.anchor, -rng.int(300, 4000));
  if (!ctx.withPhi)
    return [
      'HPI: pt w/ h/o COPD, CHF who presented w/ ',
      rng.pick(['SOB', 'fever', 'hypotension']),
      ', transferred from OSH.',
    ];
  return [
    'History of Present Illness: ',
    ageFrag(rng, patient.age, patient.sex),
    ' w/ h/o COPD, CHF (EF 35%), s/p CABG ',
    phi('DATE', dateText(rng, past, PAST_SHAPES)),
    ' who presented to ',
    institutionRef(rng, ctx.outside),
    ` w/ ${rng.pick(['fever and hypotension', 'SOB', 'melena', 'AMS'])}, transferred to MICU for `,
    rng.pick(['pressors', 'intubation', 'higher level of care']),
    '.',
  ];
}

function problemLine(ctx: StyleContext, [problem, system]: readonly [string, keyof typeof SYSTEMS]): Frag[] {
  const { rng } = ctx;
  const parts: Frag[] = phrases(rng, SYSTEMS[system], rng.int(2, 4));
  if (rng.chance(0.6)) parts.splice(rng.int(0, parts.length), 0, inlineSlot(rng, ctx.lex.neutralWords));
  if (maybe(ctx, 0.3)) parts.push(['seen by ', drRef(rng, rng.pick(ctx.cast.doctors))]);
  if (maybe(ctx, 0.2))
    parts.push([
      rng.pick(['extubated ', 'started ', 'stopped ']),
      phi('DATE', dateText(rng, addDays(ctx.anchor, rng.int(0, 5)), ['m/d', 'm/d/yy', 'mon d'])),
    ]);
  return ['# ', problem, ': ', ...joined(rng, parts), '.'];
}

function followUp(ctx: StyleContext): Frag[][] {
  const { rng, cast } = ctx;
  if (!ctx.withPhi)
    return [['Disposition: ', rng.pick(['home w/ services', 'rehab', 'SNF'])], ['Followup: PCP in 1-2 wks']];
  const when = addDays(ctx.anchor, rng.int(14, 40));
  return [
    ['Discharge Disposition: Extended Care'],
    ['Facility: ', phi('ADDRESS', ctx.facility.name)],
    [
      'Followup Instructions: ',
      drRef(rng, rng.pick(cast.doctors)),
      ' at ',
      institutionRef(rng, ctx.hospital),
      ' on ',
      phi('DATE', dateText(rng, when, ['m/d/yyyy', 'mon d', 'm/d'])),
      ` at ${clock(rng)}, `,
      phoneRef(rng),
    ],
    [name(rng, cast.doctors[0]!, ['full', 'middle']), ' MD  ', phi('DATE', dateText(rng, when, ['mm/dd/yyyy']))],
  ];
}

export const dischargeSummary: ShorthandStyle = {
  name: 'discharge_summary',
  typoRate: 0.005,
  generate(ctx) {
    const { rng } = ctx;
    for (const line of headerBlock(ctx)) writeLine(ctx, line);
    ctx.b.nl();
    writeLine(ctx, hpi(ctx));
    ctx.b.nl();
    writeLine(ctx, ['Hospital Course:']);
    const nextProblem = cycler(rng, PROBLEMS);
    fillTo(ctx, () => writeLine(ctx, problemLine(ctx, nextProblem())));
    writeLine(ctx, [
      'Discharge Medications: ',
      rng
        .sample(MEDS, rng.int(2, 4))
        .map((m, k) => `${k + 1}. ${m}`)
        .join(' '),
    ]);
    for (const line of followUp(ctx)) writeLine(ctx, line);
  },
};
