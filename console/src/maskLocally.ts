// Re-masks a note in the page from the findings its job recorded, so the score threshold, the type
// filters and the masking style change the result without a new job. The masking itself is the server's
// src/core/maskText.ts (pure TypeScript, bundled into the page): the findings are handed to it in
// Comprehend Medical's entity shape, so grapheme widening, merging, rendering and the mask-character rule
// are core's alone. What is added here: the filters the page shows (findings without usable offsets are
// left out rather than refused) and the masked text cut into segments, one per merged span, for the
// page to tint. No DOM here: it is plain data in, plain data out.
import { InvalidInputError } from '../../src/core/errors.ts';
import {
  maskText,
  resolveMaskOptions,
  type MaskedSpan,
  type MaskOptions,
  type MaskStyle,
} from '../../src/core/maskText.ts';
import type { PhiEntity, PhiType } from '../../src/core/PhiEntity.ts';

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

/** Whether core's options check (src/core/MaskOptions.ts) takes `character` as the CHARACTER style's mask character. */
export function isValidMaskCharacter(character: string): boolean {
  try {
    resolveMaskOptions({ style: 'CHARACTER', character });
    return true;
  } catch (error) {
    if (error instanceof InvalidInputError) return false;
    throw error;
  }
}

/** Findings with usable offsets into `text` that pass `minScore` and `types`, by position. */
export function selectFindings<F extends TextFinding>(
  text: string,
  findings: readonly F[],
  options: Pick<LocalMaskOptions, 'minScore' | 'types'>,
): F[] {
  return passingFindings(text, findings, options).sort(
    (a, b) => (a.beginOffset ?? 0) - (b.beginOffset ?? 0) || (b.endOffset ?? 0) - (a.endOffset ?? 0),
  );
}

/** The same findings in the caller's order: core breaks ties between equal spans by that order, as on the server. */
function passingFindings<F extends TextFinding>(
  text: string,
  findings: readonly F[],
  options: Pick<LocalMaskOptions, 'minScore' | 'types'>,
): F[] {
  return findings.filter((f) => f.score >= options.minScore && options.types.has(f.type) && hasOffsetsIn(f, text));
}

function hasOffsetsIn(
  finding: TextFinding,
  text: string,
): finding is TextFinding & { beginOffset: number; endOffset: number } {
  const { beginOffset: begin, endOffset: end } = finding;
  return (
    Number.isInteger(begin) &&
    Number.isInteger(end) &&
    (begin as number) >= 0 &&
    (begin as number) < (end as number) &&
    (end as number) <= text.length
  );
}

/**
 * Masks `text` with the findings that pass the options, through core's maskText.
 * @throws InvalidMaskCharacterError for CHARACTER with a bad mask character.
 */
export function maskLocally<F extends TextFinding>(
  text: string,
  findings: readonly F[],
  options: LocalMaskOptions,
): LocalMaskResult & { shown: F[] } {
  if (
    options.style === 'CHARACTER' &&
    options.maskCharacter !== undefined &&
    !isValidMaskCharacter(options.maskCharacter)
  )
    throw new InvalidMaskCharacterError();
  const shown = selectFindings(text, findings, options);
  const coreOptions = toCoreOptions(options);
  const { maskedText, spans } = maskText(text, passingFindings(text, findings, options).map(toEntity), coreOptions);

  const segments: MaskedSegment[] = [];
  let cursor = 0;
  for (const span of spans) {
    if (span.begin > cursor) segments.push({ text: text.slice(cursor, span.begin) });
    segments.push({ text: renderSpan(text.slice(span.begin, span.end), span, coreOptions), span });
    cursor = span.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor) });
  return { shown, segments, maskedText };
}

function toCoreOptions(options: LocalMaskOptions): MaskOptions {
  return {
    minScore: options.minScore,
    types: [...options.types],
    style: options.style,
    // Core checks the mask character whatever the style; the page's (hidden) field matters only for CHARACTER.
    ...(options.maskCharacter === undefined || options.style !== 'CHARACTER'
      ? {}
      : { character: options.maskCharacter }),
    ...(options.replacement === undefined ? {} : { replacement: options.replacement }),
  };
}

/** A finding (offsets already checked by selectFindings) as the entity core's maskText takes. */
function toEntity(finding: TextFinding, index: number): PhiEntity {
  return {
    Id: index,
    BeginOffset: finding.beginOffset as number,
    EndOffset: finding.endOffset as number,
    Score: finding.score,
    Type: finding.type,
    // maskText masks by offsets and never reads an entity's text.
    Text: '',
    Category: 'PROTECTED_HEALTH_INFORMATION',
    Traits: [],
  };
}

/**
 * One merged span's replacement, as core renders it: core's maskText on the span's own text with one
 * entity covering all of it (already whole grapheme clusters, so nothing widens).
 */
function renderSpan(original: string, span: MaskedSpan, options: MaskOptions): string {
  // No deny list is passed, so every span's type is a PHI type.
  const type = span.type as PhiType;
  const whole = toEntity({ type, score: span.score, beginOffset: 0, endOffset: original.length }, 0);
  return maskText(original, [whole], { ...options, minScore: Math.min(0, span.score), types: [type] }).maskedText;
}
