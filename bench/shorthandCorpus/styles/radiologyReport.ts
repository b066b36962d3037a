// Radiology report: exam, date-time, accession, referring doctor with pager, history, comparison date,
// findings with devices and neutral words, impression, critical-result call, signatures. A quarter in CAPS.
import { phi } from '../../corpus/NoteBuilder.ts';
import { accessionRef, pagerRef } from '../contacts.ts';
import { addDays, dateText, FORMAL_SHAPES } from '../dates.ts';
import { clock } from '../icuShorthand.ts';
import { inlineSlot } from '../neutralSlots.ts';
import { drRef, name } from '../people.ts';
import { ageFrag } from '../phiMentions.ts';
import type { Frag } from '../ShorthandBuilder.ts';
import { cycler, fillTo, writeLine, type ShorthandStyle, type StyleContext } from './context.ts';

const EXAMS = [
  'CXR PORTABLE AP',
  'CT CHEST W/O CONTRAST',
  'CT HEAD W/O CONTRAST',
  'CT ABD/PELVIS W/ CONTRAST',
  'US RUQ',
  'CTA CHEST (PE PROTOCOL)',
  'KUB',
];
const FINDINGS: readonly ((r: StyleContext['rng']) => string)[] = [
  (r) => `ETT tip ${r.int(2, 6)} cm above the carina.`,
  () => 'R IJ line tip in the SVC.',
  () => 'NGT courses below the diaphragm, tip not seen.',
  () => 'Bibasilar opacities, atelectasis vs PNA.',
  () => 'Small b/l pleural effusions.',
  () => 'Cardiomediastinal silhouette stable.',
  () => 'Pulm vascular congestion, mildly worse.',
  () => 'No PTX.',
  () => 'No acute intracranial hemorrhage.',
  () => 'Gray-white differentiation preserved.',
  (r) => `${r.int(3, 9)} mm RUL nodule (series ${r.int(2, 6)}, image ${r.int(10, 90)}); f/u per Fleischner criteria.`,
  () => 'Gallbladder distended w/ sludge, no wall thickening.',
  (r) => `CBD ${r.decimal(3, 9)} mm.`,
  () => 'Dilated loops of small bowel, ? early SBO.',
  () => 'Lines and tubes as above.',
  () => 'Swan tip in the R main PA.',
];

function findingLine(ctx: StyleContext, next: () => (typeof FINDINGS)[number]): Frag[] {
  const { rng } = ctx;
  const parts: Frag[] = Array.from({ length: rng.int(1, 3) }, () => next()(rng));
  if (rng.chance(0.6)) parts.splice(rng.int(0, parts.length), 0, [inlineSlot(rng, ctx.lex.neutralWords), '.']);
  return parts.flatMap((p, k) => (k === 0 ? [p] : [' ', p]));
}

function headerLines(ctx: StyleContext): Frag[][] {
  const { rng, cast, anchor } = ctx;
  const exam = rng.pick(EXAMS);
  if (!ctx.withPhi) return [[`EXAM: ${exam}`], ['HISTORY: r/o PNA'], ['COMPARISON: None.']];
  const prior = addDays(anchor, -rng.int(1, 30));
  return [
    [`EXAM: ${exam}`],
    ['DATE: ', phi('DATE', dateText(rng, anchor, FORMAL_SHAPES)), ` ${clock(rng)}`],
    [accessionRef(rng)],
    ['REFERRING: ', drRef(rng, cast.doctors[0]!), ' (', pagerRef(rng), ')'],
    [
      'HISTORY: ',
      ageFrag(rng, cast.patient.age, cast.patient.sex),
      ` w/ ${rng.pick(['fever', 'hypoxia', 'AMS', 'abd pain', 'new ETT placement'])}, eval for ${rng.pick(['PNA', 'PE', 'bleed', 'line placement'])}.`,
    ],
    [
      'COMPARISON: ',
      rng.chance(0.3)
        ? 'None.'
        : [
            rng.pick(['CXR ', 'CT ', 'Prior study ']),
            phi('DATE', dateText(rng, prior, ['m/d/yy', 'm/d', 'mm/dd/yyyy'])),
          ],
    ],
  ];
}

function closingLines(ctx: StyleContext, next: () => (typeof FINDINGS)[number]): Frag[][] {
  const {
    rng,
    cast: { doctors },
  } = ctx;
  const impression: Frag[] = [
    'IMPRESSION: 1. ',
    findingLine(ctx, next),
    ' 2. ',
    inlineSlot(rng, ctx.lex.neutralWords),
    '.',
  ];
  if (!ctx.withPhi) return [impression, ['Findings d/w covering team.']];
  return [
    impression,
    [
      'Findings d/w ',
      drRef(rng, doctors[0]!),
      ' by ',
      drRef(rng, doctors[1]!),
      ` at ${clock(rng)} on `,
      phi('DATE', dateText(rng, ctx.anchor, ['m/d', 'm/d/yy'])),
    ],
    ['Dictated by: ', name(rng, doctors[1]!, ['full', 'middle']), ', MD'],
    [
      'Signed: ',
      name(rng, doctors[rng.int(1, doctors.length - 1)]!, ['LASTFIRST', 'lastFirst']),
      ' MD  ',
      phi('DATE', dateText(rng, ctx.anchor, ['mm/dd/yyyy'])),
    ],
  ];
}

export const radiologyReport: ShorthandStyle = {
  name: 'radiology_report',
  typoRate: 0,
  generate(ctx) {
    if (ctx.rng.chance(0.25)) ctx.b.setCase('upper');
    for (const line of headerLines(ctx)) writeLine(ctx, line);
    writeLine(ctx, [
      'TECHNIQUE: ',
      ctx.rng.pick([
        'Single portable AP view.',
        'Axial images w/o contrast, coronal and sagittal reformats.',
        'Grayscale and doppler images.',
      ]),
    ]);
    writeLine(ctx, ['FINDINGS:']);
    const next = cycler(ctx.rng, FINDINGS);
    fillTo(ctx, () => writeLine(ctx, findingLine(ctx, next)));
    for (const line of closingLines(ctx, next)) writeLine(ctx, line);
  },
};
