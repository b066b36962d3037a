/**
 * A second evaluation corpus whose non-PHI words were not chosen by the detector's authors: ICU shorthand
 * and words sampled from Philter's whitelist, in six document kinds (see README.md in this folder).
 * Deterministic: doc i of a seed depends only on (seed, i, style).
 */
import type { CorpusDoc } from '../corpus/types.ts';
import { mixSeed, Rng } from '../corpus/random.ts';
import { randomDay } from './dates.ts';
import { lexicons } from './lexicons.ts';
import { shorthandCast } from './people.ts';
import { institution } from './places.ts';
import { ShorthandBuilder, type TracedDoc } from './ShorthandBuilder.ts';
import { clinicianEmail } from './styles/clinicianEmail.ts';
import { clinicianLetter } from './styles/clinicianLetter.ts';
import type { ShorthandStyle, StyleContext } from './styles/context.ts';
import { dischargeSummary } from './styles/dischargeSummary.ts';
import { icuNursing } from './styles/icuNursing.ts';
import { labReport } from './styles/labReport.ts';
import { radiologyReport } from './styles/radiologyReport.ts';

const STYLES: readonly ShorthandStyle[] = [
  icuNursing,
  dischargeSummary,
  clinicianLetter,
  radiologyReport,
  labReport,
  clinicianEmail,
];
export const SHORTHAND_STYLES: readonly string[] = STYLES.map((s) => s.name);

/** Share of notes with no PHI at all (real notes often have none). */
const ZERO_PHI_RATE = 0.05;

export interface GenerateShorthandOptions {
  seed: number;
  count: number;
  /** Restrict to these style names (default: all of SHORTHAND_STYLES). */
  styles?: readonly string[];
}

export function generateShorthandCorpus(options: GenerateShorthandOptions): CorpusDoc[] {
  const styles = pickStyles(options.styles);
  const order = new Rng(mixSeed(options.seed, 0x5407));
  const docs: CorpusDoc[] = [];
  // Round-robin over a shuffled order, so the styles get equal shares.
  let cycle: ShorthandStyle[] = [];
  for (let i = 0; i < options.count; i++) {
    if (cycle.length === 0) cycle = order.shuffle(styles);
    docs.push(generateShorthandDoc(cycle.pop()!.name, options.seed, i).doc);
  }
  return docs;
}

function pickStyles(names: readonly string[] | undefined): ShorthandStyle[] {
  if (!names || names.length === 0) return [...STYLES];
  return names.map((name) => {
    const style = STYLES.find((s) => s.name === name);
    if (!style) throw new Error(`Unknown shorthand style "${name}". Known: ${SHORTHAND_STYLES.join(', ')}`);
    return style;
  });
}

let neutralSet: ReadonlySet<string> | undefined;

/** One document and the offsets of its neutral-slot words (tests check none is annotated). */
export function generateShorthandDoc(styleName: string, seed: number, index: number): TracedDoc {
  const [style] = pickStyles([styleName]);
  const rng = new Rng(mixSeed(seed, index, hashString(style!.name)));
  const lex = lexicons();
  neutralSet ??= new Set(lex.neutralWords);
  const anchor = randomDay(rng);
  const ctx: StyleContext = {
    rng,
    b: new ShorthandBuilder(rng.fork(), style!.typoRate),
    lex,
    cast: shorthandCast(rng, lex, anchor),
    anchor,
    hospital: institution(rng, lex, 'hospital', neutralSet),
    outside: institution(rng, lex, 'hospital', neutralSet),
    facility: institution(rng, lex, rng.pick(['rehab', 'nursing'] as const), neutralSet),
    target: rng.chance(0.6) ? rng.int(300, 1100) : rng.int(1100, 1900),
    withPhi: !rng.chance(ZERO_PHI_RATE),
  };
  style!.generate(ctx);
  return ctx.b.build(`shorthand-${style!.name}-${seed}-${String(index).padStart(5, '0')}`, style!.name);
}

function hashString(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) >>> 0;
  return h;
}
