// ICU nursing progress note: terse, system by system, ~30 % ALL CAPS, ~30 % lower case, the rest mixed
// (a third of those switching case line by line), typos in ~3 % of words.
import { phi } from '../../corpus/NoteBuilder.ts';
import type { Rng } from '../../corpus/random.ts';
import { dateText, NURSING_DAY_SHAPES } from '../dates.ts';
import { clock, CHARTING_PHRASES, phrases, SYSTEM_NAMES, SYSTEMS, type SystemName } from '../icuShorthand.ts';
import { inlineSlot, lineStartSlot } from '../neutralSlots.ts';
import { nurseSignoff } from '../people.ts';
import { ageFrag, dateLine, doctorLine, familyLine, placeLine } from '../phiMentions.ts';
import type { Frag, LineCase } from '../ShorthandBuilder.ts';
import { fillTo, joined, maybe, writeLine, type ShorthandStyle, type StyleContext } from './context.ts';

type NoteCase = 'upper' | 'lower' | 'mixed' | 'lines';

function noteCase(rng: Rng): NoteCase {
  return rng.weighted([
    ['upper', 30],
    ['lower', 30],
    ['mixed', 27],
    ['lines', 13],
  ] as const);
}

/** The case of the next line: fixed for the whole note, or drawn per line. */
function lineCaser(rng: Rng, mode: NoteCase): () => LineCase {
  if (mode === 'upper' || mode === 'lower') return () => mode;
  if (mode === 'mixed') return () => 'none';
  return () =>
    rng.weighted([
      ['none', 2],
      ['upper', 1],
      ['lower', 1],
    ] as const);
}

const DIAGNOSES = [
  'urosepsis',
  'CAP',
  'COPD exac',
  'UGIB',
  'DKA',
  'ARDS',
  'CHF exac',
  'SBO',
  'pancreatitis',
  'ETOH w/d',
  'PNA',
  'resp failure',
  'MS changes',
  's/p fall w/ SDH',
];
const HEADERS = [
  'NPN 7a-7p',
  'NPN 7P-7A',
  'Nursing Progress Note 1900-0700',
  'MICU NSG NOTE',
  'CCU NPN',
  'SICU nursing note:',
  'NSG PROGRESS NOTE',
  'RN note 0700-1900',
  'Nursing Note',
];
const HEADINGS: Record<SystemName, readonly string[]> = {
  Neuro: ['Neuro', 'NEURO', 'neuro', 'N'],
  CV: ['CV', 'cv', 'C/V'],
  Resp: ['Resp', 'RESP', 'resp', 'Pulm'],
  GI: ['GI', 'gi', 'GI/nutrition'],
  GU: ['GU', 'gu', 'Renal'],
  ID: ['ID', 'id'],
  Heme: ['Heme', 'HEME', 'heme'],
  Skin: ['Skin', 'SKIN', 'skin', 'Integ'],
  Lines: ['Access', 'Lines', 'LINES'],
  Social: ['Social', 'SOCIAL', 'Soc', 'Family'],
};

function header(ctx: StyleContext): Frag[] {
  const { rng, anchor } = ctx;
  const head = rng.pick(HEADERS);
  return maybe(ctx, 0.3) ? [phi('DATE', dateText(rng, anchor, NURSING_DAY_SHAPES)), ' ', head] : [head];
}

function opening(ctx: StyleContext): Frag[] {
  const {
    rng,
    cast: { patient },
  } = ctx;
  const dx = rng.pick(DIAGNOSES);
  if (!ctx.withPhi) return [`pt admitted w/ ${dx}, ${rng.pick(['from ED', 'from OSH', 'from home', 'from rehab'])}`];
  return [
    ageFrag(rng, patient.age, patient.sex),
    ` admitted w/ ${dx}`,
    rng.chance(0.5) ? [', ', dateLine(rng, ctx.anchor)] : '',
  ];
}

/** PHI a system line may carry (relatives in Social, doctors, dates and places anywhere). */
function phiFor(ctx: StyleContext, system: SystemName): Frag | null {
  const { rng, cast } = ctx;
  if (system === 'Social' && maybe(ctx, 0.85)) return familyLine(rng, rng.pick(cast.relatives), cast.patient);
  if (!maybe(ctx, 0.45)) return null;
  return rng.pick([
    () => doctorLine(rng, rng.pick(cast.doctors)),
    () => dateLine(rng, ctx.anchor),
    () => placeLine(rng, ctx.lex, ctx),
  ])();
}

function systemLine(ctx: StyleContext, system: SystemName): Frag[] {
  const { rng } = ctx;
  const parts: Frag[] = phrases(rng, SYSTEMS[system], rng.int(2, 5));
  if (rng.chance(0.6)) parts.splice(rng.int(0, parts.length), 0, inlineSlot(rng, ctx.lex.neutralWords));
  const extra = phiFor(ctx, system);
  if (extra) parts.splice(rng.int(0, parts.length), 0, extra);
  const heading = rng.pick(HEADINGS[system]);
  return [heading, rng.pick([': ', ': ', '- ', ' - ', ':']), ...joined(rng, parts)];
}

/** After the systems: an event at a time ("0300: ...") or a loose charting line. */
function laterLine(ctx: StyleContext): Frag[] {
  const { rng } = ctx;
  if (rng.chance(0.4)) return looseLine(ctx);
  const system = rng.pick(SYSTEM_NAMES.filter((s) => s !== 'Social'));
  const parts: Frag[] = phrases(rng, SYSTEMS[system], rng.int(1, 3));
  if (rng.chance(0.4)) parts.push(inlineSlot(rng, ctx.lex.neutralWords));
  const extra = phiFor(ctx, rng.chance(0.15) ? 'Social' : system);
  if (extra) parts.push(extra);
  return [clock(rng), rng.pick([': ', ' - ', ' ']), ...joined(rng, parts)];
}

function looseLine(ctx: StyleContext): Frag[] {
  const { rng } = ctx;
  const parts: Frag[] = phrases(rng, CHARTING_PHRASES, rng.int(1, 3));
  return rng.chance(0.5) ? [lineStartSlot(rng, ctx.lex.neutralWords), '. ', ...joined(rng, parts)] : joined(rng, parts);
}

function plan(ctx: StyleContext): Frag[] {
  const { rng } = ctx;
  const items: Frag[] = phrases(rng, CHARTING_PHRASES, rng.int(1, 2));
  items.push(
    inlineSlot(rng, ctx.lex.neutralWords),
    rng.pick(['wean levo as tol', 'cont current plan', 'f/u AM labs', 'SBT in am', 'replete lytes prn']),
  );
  return [rng.pick(['Plan: ', 'PLAN: ', 'plan- ', 'A/P: ']), ...joined(rng, rng.shuffle(items))];
}

function signoff(ctx: StyleContext): Frag[] {
  const { rng } = ctx;
  if (!maybe(ctx, 0.8)) return [rng.pick(['RN', '- RN', 'see flowsheet'])];
  return [nurseSignoff(rng, rng.pick(ctx.cast.nurses)), rng.chance(0.3) ? ` ${clock(rng)}` : ''];
}

export const icuNursing: ShorthandStyle = {
  name: 'icu_nursing',
  typoRate: 0.03,
  generate(ctx) {
    const { rng } = ctx;
    const nextCase = lineCaser(rng, noteCase(rng));
    writeLine(ctx, header(ctx), nextCase());
    writeLine(ctx, opening(ctx), nextCase());
    const order = rng.chance(0.7) ? [...SYSTEM_NAMES] : rng.shuffle(SYSTEM_NAMES);
    fillTo(ctx, () => {
      const system = order.shift();
      writeLine(ctx, system ? systemLine(ctx, system) : laterLine(ctx), nextCase());
    });
    writeLine(ctx, plan(ctx), nextCase());
    writeLine(ctx, signoff(ctx), nextCase());
  },
};
