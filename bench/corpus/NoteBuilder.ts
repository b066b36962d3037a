import type { Rng } from './random.ts';
import type { CaseMode, CorpusDoc, GoldSpan, PhiType } from './types.ts';

/** A piece of PHI: its surface text becomes one gold span. */
export interface PhiPiece {
  readonly text: string;
  readonly type: PhiType;
}

/** What styles append: literal text, a PHI piece, or a list of those (e.g. `['Dr. ', phi('NAME', 'Lee')]`). */
export type Fragment = string | number | PhiPiece | readonly Fragment[];

export function phi(type: PhiType, text: string): PhiPiece {
  return { type, text };
}

export function isPhiPiece(value: unknown): value is PhiPiece {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'type' in value && 'text' in value;
}

interface Piece {
  text: string;
  type?: PhiType;
}

export interface NoteBuilderOptions {
  /** Probability that a literal word of 4+ letters gets a typo (swap, drop or double a letter). */
  typoRate?: number;
}

/**
 * Appends literal text and PHI pieces and records gold offsets as it goes, so spans are correct by
 * construction. A whole-note case transform is applied at build time piece by piece, and only when it keeps
 * every piece's length (toUpperCase of 'ß' gives 'SS', of 'ŉ' two code units...): otherwise the text stays as is.
 */
export class NoteBuilder {
  private readonly pieces: Piece[] = [];
  private typoRate: number;

  constructor(
    private readonly rng: Rng,
    options: NoteBuilderOptions = {},
  ) {
    this.typoRate = options.typoRate ?? 0;
  }

  setTypoRate(rate: number): this {
    this.typoRate = rate;
    return this;
  }

  /** Appends fragments in order. */
  add(...fragments: Fragment[]): this {
    for (const fragment of fragments) this.addOne(fragment);
    return this;
  }

  /** Appends literal text with no typo injection (codes, numbers, headers that must stay exact). */
  raw(text: string): this {
    if (text) this.pieces.push({ text });
    return this;
  }

  /** Tagged template: literal parts are text, interpolations are fragments. */
  t(strings: TemplateStringsArray, ...values: Fragment[]): this {
    strings.forEach((literal, i) => {
      this.addOne(literal);
      if (i < values.length) this.addOne(values[i] as Fragment);
    });
    return this;
  }

  /** Like `t` and ends the line. */
  line(strings: TemplateStringsArray, ...values: Fragment[]): this {
    return this.t(strings, ...values).raw('\n');
  }

  nl(count = 1): this {
    return this.raw('\n'.repeat(count));
  }

  get text(): string {
    return this.pieces.map((p) => p.text).join('');
  }

  get spanCount(): number {
    return this.pieces.filter((p) => p.type).length;
  }

  build(id: string, style: string, caseMode: CaseMode = 'none'): CorpusDoc {
    const pieces = applyCase(this.pieces, caseMode);
    const spans: GoldSpan[] = [];
    let offset = 0;
    let text = '';
    for (const piece of pieces) {
      if (piece.type) spans.push({ start: offset, end: offset + piece.text.length, type: piece.type });
      offset += piece.text.length;
      text += piece.text;
    }
    // Trailing blank lines are not part of a note.
    const trimmed = text.replace(/\s+$/u, '');
    return { id, style, text: trimmed, spans: spans.filter((s) => s.end <= trimmed.length) };
  }

  private addOne(fragment: Fragment): void {
    if (typeof fragment === 'number') {
      this.pieces.push({ text: String(fragment) });
    } else if (typeof fragment === 'string') {
      if (fragment) this.pieces.push({ text: this.typoRate > 0 ? this.typos(fragment) : fragment });
    } else if (isPhiPiece(fragment)) {
      const { text, type } = fragment;
      if (!text || text.trim() !== text)
        throw new Error(`PHI piece must be non-empty and trimmed: ${JSON.stringify(text)}`);
      this.pieces.push({ text, type });
    } else {
      for (const inner of fragment) this.addOne(inner);
    }
  }

  private typos(text: string): string {
    return text.replace(/\p{L}{4,}/gu, (word) => {
      if (!this.rng.chance(this.typoRate)) return word;
      const i = this.rng.int(1, word.length - 2);
      switch (this.rng.int(0, 2)) {
        case 0:
          return word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
        case 1:
          return word.slice(0, i) + word.slice(i + 1);
        default:
          return word.slice(0, i) + word.charAt(i) + word.slice(i);
      }
    });
  }
}

function applyCase(pieces: readonly Piece[], mode: CaseMode): readonly Piece[] {
  if (mode === 'none') return pieces;
  const mapped = pieces.map((p) => ({ ...p, text: mode === 'upper' ? p.text.toUpperCase() : p.text.toLowerCase() }));
  const keepsLength = mapped.every((p, i) => p.text.length === (pieces[i] as Piece).text.length);
  return keepsLength ? mapped : pieces;
}
