import { isMinor, nth, type Cast, type Patient, type Person, type Relative } from '../cast.ts';
import { profession } from '../phi/people.ts';
import { phi, type Fragment, type NoteBuilder, type PhiPiece } from '../NoteBuilder.ts';
import { idValue, labeledId, type IdKind } from '../phi/ids.ts';
import type { Rng } from '../random.ts';
import { addDays, anyDate, FULL_US, type DateFormat } from '../phi/dates.ts';
import { name, titled, type NameForm } from '../phi/names.ts';
import type { CaseMode } from '../types.ts';

export type Size = 'short' | 'medium' | 'long';

/** What a style gets to write one note. */
export interface StyleContext {
  rng: Rng;
  b: NoteBuilder;
  cast: Cast;
  /** The note's date; other dates are shifted from it. */
  anchor: Date;
  /** 0 for a doc with no PHI at all; 1 otherwise. Optional PHI is drawn with `want`. */
  phiScale: number;
  size: Size;
  /** This doc's hospital (one name, repeated consistently). */
  hospital: string;
  /** Values that must repeat within a doc (the patient's MRN...). */
  memo: Map<string, string>;
}

export interface NoteStyle {
  name: string;
  description: string;
  /** Share of docs of this style with no PHI at all. */
  zeroPhiRate: number;
  sizes: readonly (readonly [Size, number])[];
  /** Writes the note; returns the whole-note case transform to apply. */
  generate(ctx: StyleContext): CaseMode;
}

/** True with probability p, never in a zero-PHI doc. */
export function want(ctx: StyleContext, p: number): boolean {
  return ctx.phiScale > 0 && ctx.rng.chance(p * ctx.phiScale);
}

/** A count that grows with the note size. */
export function count(ctx: StyleContext, short: number, medium: number, long: number): number {
  const n = ctx.size === 'short' ? short : ctx.size === 'medium' ? medium : long;
  return Math.max(n > 0 ? 1 : 0, n + ctx.rng.int(-1, 1));
}

export function day(ctx: StyleContext, offset: number): Date {
  return addDays(ctx.anchor, offset);
}

/** A date `offset` days from the anchor when PHI is wanted; otherwise a non-PHI stand-in ("today", "HD 3"). */
export function dateOr(
  ctx: StyleContext,
  offset: number,
  p: number,
  formats: readonly DateFormat[] = FULL_US,
  fallback = 'today',
): Fragment {
  return want(ctx, p) ? anyDate(ctx.rng, day(ctx, offset), formats) : fallback;
}

/** The patient in running text: "pt", "the patient", "Mr. Smith", "John", "JS"... */
export function ptRef(
  ctx: StyleContext,
  p = 0.5,
  forms: readonly NameForm[] = ['last', 'full', 'first'],
  fallback: readonly string[] = ['The patient', 'The patient', 'Patient'],
): Fragment {
  const { rng, cast } = ctx;
  if (!want(ctx, p)) return rng.pick(fallback);
  const form = rng.pick(forms);
  return form === 'last' || rng.chance(0.2) ? titled(rng, cast.patient, form) : name(cast.patient, form);
}

export function relative(ctx: StyleContext, i: number): Relative {
  return nth(ctx.cast.relatives, i);
}

export function doctorAt(ctx: StyleContext, i: number): Person {
  return nth(ctx.cast.doctors, i);
}

export function nurseAt(ctx: StyleContext, i: number): Person {
  return nth(ctx.cast.nurses, i);
}

/** Header word in the casing a style uses ("HPI:", "Hpi:", "hpi:"). */
export function header(b: NoteBuilder, title: string, newline = true): void {
  b.raw(newline ? `\n${title}\n` : `${title} `);
}

export function bullets(b: NoteBuilder, items: readonly string[], marker = '- '): void {
  for (const item of items) b.raw(`${marker}${item}\n`);
}

/** "man", "woman", "boy", "girl", "infant"... for the patient. */
export function sexWord(rng: Rng, p: Person, plain = false): string {
  if ((p as Partial<Patient>).ageUnit === 'month') return rng.pick(['infant', p.sex === 'M' ? 'boy' : 'girl']);
  if (isMinor(p)) return p.sex === 'M' ? 'boy' : 'girl';
  if (plain) return p.sex === 'M' ? 'man' : 'woman';
  return p.sex === 'M' ? rng.pick(['man', 'male', 'gentleman']) : rng.pick(['woman', 'female', 'lady']);
}

/** The patient's occupation phrase, or a plain noun for children and when `p` fails. */
export function jobOrNoun(ctx: StyleContext, p: number): Fragment {
  const pt = ctx.cast.patient;
  return pt.profession && ctx.rng.chance(p) ? profession(ctx.rng, pt.profession, 'bare') : sexWord(ctx.rng, pt, true);
}

export function caseMode(rng: Rng, upper: number, lower: number): CaseMode {
  return rng.weighted<CaseMode>([
    ['upper', upper],
    ['lower', lower],
    ['none', Math.max(0, 1 - upper - lower)],
  ]);
}

/** A day offset into the patient's past (never before birth): -rng(minDays .. life in days). */
export function pastOffset(ctx: StyleContext, minDays = 30, maxDays = Infinity): number {
  const lifeDays = Math.floor((ctx.anchor.getTime() - ctx.cast.patient.dob.getTime()) / 86_400_000);
  const lo = Math.min(minDays, lifeDays);
  return -ctx.rng.int(lo, Math.max(lo, Math.min(maxDays, lifeDays - 30)));
}

/** The doc's value for an ID kind: the same MRN every time it is mentioned in one note. */
export function stableId(ctx: StyleContext, kind: IdKind): PhiPiece {
  let value = ctx.memo.get(kind);
  if (value === undefined) {
    value = idValue(ctx.rng, kind);
    ctx.memo.set(kind, value);
  }
  return phi('ID', value);
}

export function stableLabeledId(ctx: StyleContext, kind: IdKind, label?: string): Fragment {
  const labeled = labeledId(ctx.rng, kind, label);
  return [Array.isArray(labeled) ? (labeled[0] as string) : '', stableId(ctx, kind)];
}
