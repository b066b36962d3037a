import { InvalidInputError } from './errors.ts';
import { expandToGraphemes } from './expandToGraphemes.ts';
import { findWholeWords } from './findWholeWords.ts';
import {
  resolveMaskOptions,
  type MaskedSpan,
  type MaskOptions,
  type MaskResult,
  type ResolvedMaskOptions,
  type ResolvedStyle,
} from './MaskOptions.ts';
import { mergeSpans } from './mergeSpans.ts';
import { isPhiType, type PhiEntity } from './PhiEntity.ts';

// The API's types live in MaskOptions.ts; re-exported so callers can import everything from here.
export * from './MaskOptions.ts';

/** Entities that pass the score and type filters and are not inside an allowed term, as spans. */
function selectEntities(text: string, entities: readonly PhiEntity[], options: ResolvedMaskOptions): MaskedSpan[] {
  // Prefix maxima of allowed occurrences' ends, sorted by begin: an entity [b, e) lies inside one
  // iff the largest end among occurrences beginning at or before b reaches e.
  const allowed = findWholeWords(text, options.allowList);
  const allowedEnds: number[] = [];
  for (const { end } of allowed) allowedEnds.push(Math.max(end, allowedEnds[allowedEnds.length - 1] ?? 0));
  const isAllowed = (begin: number, end: number): boolean => {
    let lo = 0;
    let hi = allowed.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((allowed[mid]?.begin ?? Infinity) <= begin) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && (allowedEnds[lo - 1] ?? 0) >= end;
  };

  const spans: MaskedSpan[] = [];
  entities.forEach((entity, index) => {
    // The filters need a real score and type, so those are checked on every entity; offsets only
    // matter for the entities we go on to mask.
    if (typeof entity.Score !== 'number' || !Number.isFinite(entity.Score)) {
      throw new InvalidInputError(`Entity at index ${index}: Score must be a finite number`);
    }
    if (typeof entity.Type !== 'string' || !isPhiType(entity.Type)) {
      throw new InvalidInputError(`Entity at index ${index}: Type is not a PHI type`);
    }
    if (entity.Score < options.minScore || !options.types.has(entity.Type)) return;
    const { BeginOffset: begin, EndOffset: end } = entity;
    if (!Number.isInteger(begin) || !Number.isInteger(end)) {
      throw new InvalidInputError(`Entity at index ${index}: BeginOffset and EndOffset must be integers`);
    }
    if (begin < 0 || end > text.length) {
      throw new InvalidInputError(
        `Entity at index ${index}: offsets [${begin}, ${end}) are outside the text (length ${text.length})`,
      );
    }
    if (begin >= end) {
      throw new InvalidInputError(`Entity at index ${index}: BeginOffset ${begin} is not before EndOffset ${end}`);
    }
    if (!isAllowed(begin, end)) spans.push({ begin, end, type: entity.Type, score: entity.Score });
  });
  return spans;
}

/**
 * CHARACTER keeps line breaks so the note's layout survives; each one still counts as one code point,
 * so the output has as many code points as the input either way.
 */
function maskCharacters(original: string, character: string): string {
  let masked = '';
  for (const codePoint of original) masked += codePoint === '\n' || codePoint === '\r' ? codePoint : character;
  return masked;
}

function render(original: string, span: MaskedSpan, style: ResolvedStyle): string {
  switch (style.style) {
    case 'CHARACTER':
      return maskCharacters(original, style.character);
    case 'FIXED':
      return style.replacement;
    case 'TYPE_LABEL':
      // The deny list is not a PHI type, so its label would say nothing: it gets the fixed text.
      return span.type === 'DENY_LIST' ? style.replacement : `[${span.type}]`;
  }
}

/**
 * Masks PHI in `text` by offsets: the entities that pass `minScore` and `types` and are not inside an
 * allow-list term, plus every deny-list occurrence, are widened to whole grapheme clusters, merged
 * when they overlap or touch, and replaced; everything between them is copied unchanged. The text of
 * an entity is never searched for, so the same name elsewhere stays as it is unless it is found too.
 *
 * Re-masking is a no-op in CHARACTER style: masking `maskedText` again with the returned spans
 * mapped to output offsets (or with no entities) returns it unchanged, since each span is already all
 * mask characters and line breaks. The one exception: a masked control character (a tab, say) with a
 * combining mark after it or a prepended concatenation mark (U+0600, say) before it: the mask
 * character joins that mark into one grapheme cluster, so the second pass widens the span over it.
 *
 * @param text The original text; offsets are JavaScript string offsets (UTF-16 code units).
 * @param entities Findings in Comprehend Medical's shape, e.g. from a `PhiDetector`.
 * @throws InvalidInputError for bad options or an entity to mask whose offsets are not integers with
 *   `0 <= BeginOffset < EndOffset <= text.length`. Messages name the rule, never the text.
 * @example
 * const text = 'Seen by Dr Ann Lee on 2024-03-01.';
 * const phi = { Category: 'PROTECTED_HEALTH_INFORMATION' } as const;
 * const entities: PhiEntity[] = [
 *   { ...phi, Id: 0, BeginOffset: 11, EndOffset: 18, Score: 0.97, Text: 'Ann Lee', Type: 'NAME', Traits: [] },
 *   { ...phi, Id: 1, BeginOffset: 22, EndOffset: 32, Score: 0.99, Text: '2024-03-01', Type: 'DATE', Traits: [] },
 * ];
 * maskText(text, entities).maskedText; // 'Seen by Dr [NAME] on [DATE].'
 * maskText(text, entities, { style: 'CHARACTER' }).maskedText; // 'Seen by Dr ******* on **********.'
 */
export function maskText(text: string, entities: readonly PhiEntity[], options?: MaskOptions): MaskResult {
  if (typeof text !== 'string') throw new InvalidInputError('text must be a string');
  const resolved = resolveMaskOptions(options);
  const candidates = selectEntities(text, entities, resolved);
  for (const { begin, end } of findWholeWords(text, resolved.denyList)) {
    candidates.push({ begin, end, type: 'DENY_LIST', score: 1 });
  }
  const spans = mergeSpans(expandToGraphemes(text, candidates));

  const parts: string[] = [];
  let cursor = 0;
  for (const span of spans) {
    const style = resolved.styleFor(span.type);
    parts.push(text.slice(cursor, span.begin), render(text.slice(span.begin, span.end), span, style));
    cursor = span.end;
  }
  parts.push(text.slice(cursor));
  return { maskedText: parts.join(''), spans };
}
