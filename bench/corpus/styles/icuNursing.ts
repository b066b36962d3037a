/* eslint @typescript-eslint/no-unused-expressions: ["error", { "allowTaggedTemplates": true }] -- b.t`...` appends to the note. */
import { condition, procedure, wordNameDistractor } from '../clinical.ts';
import {
  age,
  anyDate,
  date,
  doctorTerse,
  hospital,
  name,
  pager,
  signature,
  time,
  ward,
  type DateFormat,
} from '../phi.ts';
import { GENERIC_UNITS } from '../vocabulary/clinical.ts';
import { caseMode, count, day, doctorAt, nurseAt, ptRef, want, type NoteStyle, type StyleContext } from './common.ts';
import { systems } from './nursingSystems.ts';

const NURSE_DATES: readonly DateFormat[] = ['md', 'md', 'md', 'mdyShort', 'mdyPad', 'weekdayMd', 'monD', 'mdDash'];

const MIXED_LABELS: Record<string, string> = {
  NEURO: 'Neuro',
  RESP: 'Resp',
  SKIN: 'Skin',
  LABS: 'Labs',
  MEDS: 'Meds',
  SAFETY: 'Safety',
};

/** Shift header, one-line summary, system-by-system assessment, events and plan; shared by both ICU styles. */
export function nursingCore(ctx: StyleContext): void {
  const { rng, b, cast } = ctx;
  const pt = cast.patient;
  const shift = rng.pick(['0700-1900', '1900-0700', '7a-7p', '7p-7a', 'days', 'nights', '0700-1530']);
  b.t`${rng.pick(['Nursing Progress Note', 'NSG NOTE', 'RN Note', 'Nursing shift note', 'ICU Nursing'])} ${shift}`;
  if (want(ctx, 0.6)) b.t` ${date(day(ctx, 0), rng.pick(NURSE_DATES))}`;
  b.nl();
  if (want(ctx, 0.7)) {
    b.t`${rng.pick(['pt is a', 'Pt', 'pt'])} ${age(rng, pt, rng.pick(['adjective', 'short'] as const))} adm `;
    if (want(ctx, 0.6)) b.t`${date(day(ctx, -rng.int(1, 9)), rng.pick(NURSE_DATES))} `;
    b.t`${rng.pick(['from', 'via ED from', 'transferred from'])} ${want(ctx, 0.5) ? hospital(rng) : rng.pick(GENERIC_UNITS)} w/ ${condition(rng)}${rng.chance(0.5) ? `, s/p ${procedure(rng)}` : ''}.\n`;
  } else {
    b.t`${rng.pick(['Pt', 'pt'])} w/ ${condition(rng)}, ${rng.pick(['HD', 'hospital day', 'ICU day'])} ${rng.int(1, 12)}.\n`;
  }
  const sep = rng.pick([': ', ' - ', ':', ' ']);
  for (const [label, text] of systems(rng, count(ctx, 4, 7, 10))) {
    b.t`${rng.chance(0.5) ? label : (MIXED_LABELS[label] ?? label)}${sep}${text}\n`;
  }
  const events = count(ctx, 0, 2, 5);
  for (let i = 0; i < events; i++) {
    switch (rng.int(0, 4)) {
      case 0:
        if (want(ctx, 0.8))
          b.t`${time(rng)} ${rng.pick(['paged', 'called', 'notified'])} ${doctorTerse(rng, doctorAt(ctx, 0))} ${want(ctx, 0.4) ? ['(', pager(rng), ') '] : ''}re: ${rng.pick(['hypotension', 'low UOP', 'K 3.1', 'agitation', 'new AF'])}, ${rng.pick(['orders received', 'no new orders', 'will come see pt'])}.\n`;
        else
          b.t`${time(rng)} covering MD notified re: ${rng.pick(['SBP 80s', 'desat to 86%'])}, bolus 500cc LR given.\n`;
        break;
      case 1:
        b.t`${rng.pick(['Pt', 'pt'])} ${rng.pick(['seen by', 'eval by'])} ${rng.pick(['PT/OT', 'speech', 'wound RN', 'pall care', 'renal'])}, ${wordNameDistractor(rng)}\n`;
        break;
      case 2:
        b.t`${ptRef(ctx, 0.4, ['last', 'initials', 'first'], ['pt', 'Pt'])} ${rng.pick(['OOB to chair x1 hr', 'refused AM labs', 'slept in naps', 'up to commode w/ assist x2'])}.\n`;
        break;
      case 3:
        if (want(ctx, 0.6))
          b.t`bed req placed for ${ward(rng)}${want(ctx, 0.3) ? [' ', date(day(ctx, 1), 'md')] : ''}, awaiting.\n`;
        else b.t`transfer to floor on hold, no beds.\n`;
        break;
      default:
        b.t`${rng.pick(['CT head', 'CXR', 'TTE', 'LE dopplers'])} done at ${time(rng)}, ${rng.pick(['result pending', 'neg per MD', 'unchanged'])}.\n`;
    }
  }
}

export function nursingPlan(ctx: StyleContext): void {
  const { rng, b } = ctx;
  b.t`${rng.pick(['PLAN', 'Plan', 'P'])}: ${rng.pick(['cont to monitor', 'cont current plan', 'wean O2 as tol', 'cont titrate pressors', 'pain control, pulm toilet'])}${rng.chance(0.5) ? `, ${rng.pick(['?extubate in AM', 'f/u AM labs', 'OOB to chair', 'possible transfer out'])}` : ''}`;
  if (want(ctx, 0.3)) b.t`, f/u ${anyDate(rng, day(ctx, rng.int(1, 3)), ['md', 'weekday', 'weekdayShort'])}`;
  b.raw('.\n');
  if (want(ctx, 0.8)) b.add(signature(rng, nurseAt(ctx, 0), rng.pick(['RN', 'RN', 'rn', 'RN BSN']))).nl();
  else b.raw(rng.pick(['-- RN', 'RN', '']));
}

export const icuNursing: NoteStyle = {
  name: 'icu_nursing',
  description: 'ICU nursing shift note: terse, abbreviations, often ALL CAPS or all lower case, typos.',
  zeroPhiRate: 0.08,
  sizes: [
    ['short', 4],
    ['medium', 5],
    ['long', 2],
  ],
  generate(ctx) {
    const { rng, b, cast } = ctx;
    ctx.b.setTypoRate(rng.pick([0, 0, 0.01, 0.03]));
    nursingCore(ctx);
    if (want(ctx, 0.3)) b.t`${rng.pick(['spouse', 'family'])} ${rng.pick(['called', 'visited'])}, updated.\n`;
    if (want(ctx, 0.15))
      b.t`${rng.pick(['pt', 'Pt'])} prefers to be called ${name(cast.patient, rng.pick(['nick', 'first'] as const))}.\n`;
    nursingPlan(ctx);
    return caseMode(rng, 0.35, 0.25);
  },
};
