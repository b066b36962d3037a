import { isPhiPiece, type PhiPiece } from '../corpus/NoteBuilder.ts';
import type { Rng } from '../corpus/random.ts';
import type { CorpusDoc, GoldSpan } from '../corpus/types.ts';

export type LineCase = 'upper' | 'lower' | 'none';

/** A word sampled from Philter's whitelist, placed in a neutral clinical slot: never PHI. */
export interface NeutralPiece {
  readonly neutral: string;
}
export const neutral = (word: string): NeutralPiece => ({ neutral: word });

/** Literal text, a PHI piece, a neutral word, or a list of those. */
export type Frag = string | number | PhiPiece | NeutralPiece | readonly Frag[];

export interface Range {
  start: number;
  end: number;
}
export interface TracedDoc {
  doc: CorpusDoc;
  neutral: Range[];
}

const isNeutral = (f: unknown): f is NeutralPiece => typeof f === 'object' && f !== null && 'neutral' in f;

/**
 * Appends text and records gold offsets as it goes. Unlike bench/corpus/NoteBuilder the case is applied
 * as each piece is appended, so it can change from line to line (nurses switch caps lock mid-note), and
 * neutral-slot words are traced so tests can prove they are never annotated.
 */
export class ShorthandBuilder {
  private out = '';
  private readonly spans: GoldSpan[] = [];
  private readonly neutralRanges: Range[] = [];
  private lineCase: LineCase = 'none';

  constructor(
    private readonly rng: Rng,
    private readonly typoRate = 0,
  ) {}

  get length(): number {
    return this.out.length;
  }

  /** Case for everything appended from now on. */
  setCase(mode: LineCase): this {
    this.lineCase = mode;
    return this;
  }

  add(...frags: Frag[]): this {
    for (const f of frags) this.addOne(f);
    return this;
  }

  nl(count = 1): this {
    this.out += '\n'.repeat(count);
    return this;
  }

  build(id: string, style: string): TracedDoc {
    const text = this.out.replace(/\s+$/u, '');
    const inText = (r: Range) => r.end <= text.length;
    return { doc: { id, style, text, spans: this.spans.filter(inText) }, neutral: this.neutralRanges.filter(inText) };
  }

  private addOne(f: Frag): void {
    if (typeof f === 'number') this.append(String(f));
    else if (typeof f === 'string') this.append(this.typos(f));
    else if (isNeutral(f)) this.neutralRanges.push(this.append(this.typos(f.neutral)));
    else if (isPhiPiece(f)) this.addPhi(f);
    else for (const inner of f) this.addOne(inner);
  }

  private addPhi({ text, type }: PhiPiece): void {
    if (!text || text.trim() !== text)
      throw new Error(`PHI piece must be non-empty and trimmed: ${JSON.stringify(text)}`);
    const { start, end } = this.append(text);
    this.spans.push({ start, end, type });
  }

  /** Applies the line case only when it keeps the length (offsets must not shift: 'ß' → 'SS'). */
  private append(text: string): Range {
    const cased =
      this.lineCase === 'upper' ? text.toUpperCase() : this.lineCase === 'lower' ? text.toLowerCase() : text;
    const start = this.out.length;
    this.out += cased.length === text.length ? cased : text;
    return { start, end: this.out.length };
  }

  /** Drops, doubles or swaps a letter in some words of 4+ letters: real notes are typed fast. */
  private typos(text: string): string {
    if (this.typoRate <= 0) return text;
    return text.replace(/\p{L}{4,}/gu, (word) => (this.rng.chance(this.typoRate) ? misspell(this.rng, word) : word));
  }
}

export function misspell(rng: Rng, word: string): string {
  const i = rng.int(1, word.length - 2);
  switch (rng.int(0, 2)) {
    case 0:
      return word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    default:
      return word.slice(0, i) + word.charAt(i) + word.slice(i);
  }
}
