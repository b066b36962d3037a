// Lab report: letterhead, patient block (MRN, DOB, age, location with ward and room), ordering doctor with
// pager, collection date-times, a result table, and comments with neutral words and a critical-value call.
import { phi } from '../../corpus/NoteBuilder.ts';
import type { Rng } from '../../corpus/random.ts';
import { mrnRef, pagerRef } from '../contacts.ts';
import { addDays, dateText } from '../dates.ts';
import { clock } from '../icuShorthand.ts';
import { casedWord } from '../neutralSlots.ts';
import { drRef, name, nameText } from '../people.ts';
import { roomRef, wardText } from '../places.ts';
import { neutral, type Frag } from '../ShorthandBuilder.ts';
import { cycler, fillTo, writeLine, type ShorthandStyle, type StyleContext } from './context.ts';

const TESTS: readonly (readonly [string, number, number, number, string])[] = [
  ['Sodium', 128, 150, 0, '135-145'],
  ['Potassium', 2.8, 6.1, 1, '3.5-5.1'],
  ['Chloride', 90, 115, 0, '98-107'],
  ['CO2', 14, 32, 0, '22-29'],
  ['BUN', 6, 80, 0, '7-20'],
  ['Creatinine', 0.5, 4.5, 1, '0.6-1.2'],
  ['Glucose', 60, 400, 0, '70-99'],
  ['Calcium', 7.1, 10.9, 1, '8.5-10.5'],
  ['Magnesium', 1.2, 2.8, 1, '1.7-2.2'],
  ['Phosphorus', 1.5, 6.5, 1, '2.5-4.5'],
  ['WBC', 2.1, 28, 1, '4.0-11.0'],
  ['Hgb', 6.5, 15.5, 1, '12.0-16.0'],
  ['Hct', 19, 46, 1, '36-46'],
  ['Plt', 25, 450, 0, '150-400'],
  ['INR', 0.9, 4.2, 1, '0.9-1.1'],
  ['PTT', 24, 110, 1, '25-35'],
  ['T bili', 0.2, 8.5, 1, '0.1-1.2'],
  ['ALT', 8, 900, 0, '7-56'],
  ['AST', 8, 1200, 0, '10-40'],
  ['Lactate', 0.5, 9.5, 1, '0.5-2.0'],
  ['Troponin T', 0.01, 2.5, 2, '<0.01'],
  ['Vanco trough', 5, 30, 1, '10-20'],
];

function resultRow(rng: Rng, [test, lo, hi, places, range]: (typeof TESTS)[number]): string {
  const value = rng.decimal(lo, hi, places);
  const [a, b] = range.split('-').map(Number);
  const flag = b === undefined ? '' : Number(value) < a! ? ' L' : Number(value) > b ? ' H' : '';
  return `${test.padEnd(14)}${(value + flag).padEnd(10)}${range}`;
}

function patientBlock(ctx: StyleContext): Frag[][] {
  const {
    rng,
    cast: { patient, doctors },
  } = ctx;
  return [
    ['Patient: ', name(rng, patient, ['LASTFIRST', 'lastFirst']), '   ', mrnRef(rng)],
    [
      'DOB: ',
      phi('DATE', dateText(rng, patient.dob, ['mm/dd/yyyy', 'm/d/yyyy'])),
      '   Age: ',
      phi('AGE', String(patient.age)),
      '   Sex: ',
      patient.sex,
    ],
    ['Location: ', rng.chance(0.5) ? 'MICU' : [phi('ADDRESS', wardText(rng, ctx.lex)), ' ', roomRef(rng)]],
    ['Ordering: ', drRef(rng, doctors[0]!), '   ', pagerRef(rng)],
    collectedLine(ctx),
  ];
}

/** Date-times of a draw; a report with serial draws repeats this line before each panel. */
function collectedLine(ctx: StyleContext): Frag[] {
  const { rng } = ctx;
  const day = addDays(ctx.anchor, rng.int(0, 3));
  if (!ctx.withPhi) return [`Collected: ${clock(rng)}`];
  const stamp = () => [phi('DATE', dateText(rng, day, ['mm/dd/yyyy', 'm/d/yy', 'yyyy-mm-dd'])), ` ${clock(rng)}`];
  return ['Collected: ', stamp(), '   Received: ', stamp()];
}

function comment(ctx: StyleContext): Frag[] {
  const { rng } = ctx;
  const w = () => neutral(casedWord(rng, rng.pick(ctx.lex.neutralWords)));
  return rng.pick<() => Frag[]>([
    () => ['Comment: ', w(), ' noted on smear.'],
    () => ['Specimen ', w(), '; results may be affected.'],
    () => ['Comment: ', w(), ' present, ', w(), ' absent.'],
    () => ['Note: ', w(), ' interference possible, suggest redraw.'],
  ])();
}

function criticalCall(ctx: StyleContext): Frag[] {
  const { rng, cast } = ctx;
  const nurse = rng.pick(cast.nurses);
  return [
    'Critical value called to ',
    phi('NAME', nameText(nurse, rng.pick(['initialLast', 'full', 'firstInitial'] as const))),
    ' RN at ',
    clock(rng),
    ', read back.',
  ];
}

export const labReport: ShorthandStyle = {
  name: 'lab_report',
  typoRate: 0,
  generate(ctx) {
    const { rng } = ctx;
    if (rng.chance(0.2)) ctx.b.setCase('upper');
    writeLine(ctx, [ctx.withPhi ? phi('ADDRESS', ctx.hospital.name) : 'HOSPITAL', ' CLINICAL LABORATORY']);
    if (ctx.withPhi) for (const line of patientBlock(ctx)) writeLine(ctx, line);
    writeLine(ctx, [`${'TEST'.padEnd(14)}${'RESULT'.padEnd(10)}REF RANGE`]);
    const nextTest = cycler(rng, TESTS);
    let rows = 0;
    fillTo(ctx, () => {
      // Serial draws: a new collection line before each repeat of the panel.
      if (rows > 0 && rows % TESTS.length === 0) writeLine(ctx, collectedLine(ctx));
      rows++;
      writeLine(ctx, rng.chance(0.88) ? [resultRow(rng, nextTest())] : comment(ctx));
    });
    writeLine(ctx, comment(ctx));
    if (ctx.withPhi && rng.chance(0.6)) writeLine(ctx, criticalCall(ctx));
  },
};
