// Re-masks a note in the page from the findings its job recorded, so the score threshold, the type
// filters and the masking style change the result without a new job. Same semantics as the server's
// src/core/maskText.ts (test/unit/console/maskLocally.test.ts compares the two): the chosen findings are
// widened to whole grapheme clusters and merged when they overlap or touch (core's own functions), then
// TYPE_LABEL writes `[NAME]`, CHARACTER repeats the mask character per code point (line breaks kept)
// and FIXED writes the replacement. No DOM here: it is plain data in, plain data out.
import { expandToGraphemes } from '../../src/core/expandToGraphemes.ts';
import { DEFAULT_MASK_CHARACTER, DEFAULT_REPLACEMENT, type MaskedSpan, type MaskStyle } from '../../src/core/MaskOptions.ts';
import { mergeSpans } from '../../src/core/mergeSpans.ts';
import type { PhiType } from '../../src/core/PhiEntity.ts';

/** A text finding as the API returns it (Finding: type, score, beginOffset, endOffset). */
export interface TextFinding {
  type: PhiType;
  score: number;
  beginOffset: number | null;
  endOffset: number | null;
}

export interface LocalMaskOptions {
  minScore: number;
  types: ReadonlySet<PhiType>;
  style: MaskStyle;
  /** CHARACTER: one code point, not a line break (default `*`). */
  maskCharacter?: string;
  /** FIXED (default `[REDACTED]`). */
  replacement?: string;
}

/** A piece of the masked text: copied from the note, or the replacement of one merged span. */
export interface MaskedSegment {
  text: string;
  span?: MaskedSpan;
}

export interface LocalMaskResult {
  /** The findings that pass the threshold and the type filters, in position order. */
  shown: TextFinding[];
  segments: MaskedSegment[];
  maskedText: string;
}

/** The mask character is not exactly one code point, or is a line break. */
export class InvalidMaskCharacterError extends Error {
  override readonly name = 'InvalidMaskCharacterError';
  constructor() {
    super('The mask character must be exactly one character and not a line break');
  }
}

/** The rule of src/core/MaskOptions.ts: one code point, no line break, no lone surrogate. */
export function isValidMaskCharacter(character: string): boolean {
  return /^[^\r\n\p{Cs}]$/u.test(character);
}

/** Findings with usable offsets into `text` that pass `minScore` and `types`, by position. */
export function selectFindings<F extends TextFinding>(text: string, findings: readonly F[], options: Pick<LocalMaskOptions, 'minScore' | 'types'>): F[] {
  return findings
    .filter((f) => f.score >= options.minScore && options.types.has(f.type) && hasOffsetsIn(f, text))
    .sort((a, b) => (a.beginOffset ?? 0) - (b.beginOffset ?? 0) || (b.endOffset ?? 0) - (a.endOffset ?? 0));
}

function hasOffsetsIn(finding: TextFinding, text: string): finding is TextFinding & { beginOffset: number; endOffset: number } {
  const { beginOffset: begin, endOffset: end } = finding;
  return Number.isInteger(begin) && Number.isInteger(end) && (begin as number) >= 0 && (begin as number) < (end as number) && (end as number) <= text.length;
}

/**
 * Masks `text` with the findings that pass the options.
 * @throws InvalidMaskCharacterError for CHARACTER with a bad mask character.
 */
export function maskLocally<F extends TextFinding>(text: string, findings: readonly F[], options: LocalMaskOptions): LocalMaskResult & { shown: F[] } {
  const character = options.maskCharacter ?? DEFAULT_MASK_CHARACTER;
  if (options.style === 'CHARACTER' && !isValidMaskCharacter(character)) throw new InvalidMaskCharacterError();
  const replacement = options.replacement ?? DEFAULT_REPLACEMENT;
  const shown = selectFindings(text, findings, options);
  const candidates: MaskedSpan[] = shown.map((f) => ({ begin: f.beginOffset as number, end: f.endOffset as number, type: f.type, score: f.score }));
  const spans = mergeSpans(expandToGraphemes(text, candidates));

  const segments: MaskedSegment[] = [];
  let cursor = 0;
  for (const span of spans) {
    if (span.begin > cursor) segments.push({ text: text.slice(cursor, span.begin) });
    segments.push({ text: render(text.slice(span.begin, span.end), span, options.style, character, replacement), span });
    cursor = span.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor) });
  return { shown, segments, maskedText: segments.map((s) => s.text).join('') };
}

function render(original: string, span: MaskedSpan, style: MaskStyle, character: string, replacement: string): string {
  switch (style) {
    case 'CHARACTER': {
      let masked = '';
      // Line breaks stay, so the note keeps its layout (as on the server).
      for (const codePoint of original) masked += codePoint === '\n' || codePoint === '\r' ? codePoint : character;
      return masked;
    }
    case 'FIXED':
      return replacement;
    case 'TYPE_LABEL':
      return `[${span.type}]`;
  }
}
