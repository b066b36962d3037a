import { InvalidInputError } from './errors.ts';
import { isPhiType, PHI_TYPES, type PhiType } from './PhiEntity.ts';

/** TYPE_LABEL renders `[NAME]`, CHARACTER repeats `character` per code point, FIXED renders `replacement`. */
export type MaskStyle = 'TYPE_LABEL' | 'CHARACTER' | 'FIXED';

export interface StyleOptions {
  /** Default TYPE_LABEL. */
  style?: MaskStyle;
  /** CHARACTER: exactly one code point, not a line break nor a lone surrogate. Default `*`. */
  character?: string;
  /** FIXED, and deny-list spans under TYPE_LABEL. Default `[REDACTED]`. */
  replacement?: string;
}

export interface MaskOptions extends StyleOptions {
  /** Entities scored below are not masked. Default 0.5. */
  minScore?: number;
  /** Entity types to mask. Default: all nine; an empty list masks no entity (the deny list still applies). */
  types?: readonly PhiType[];
  /** Per-type override; fields left out fall back to the top-level style options. */
  typeStyles?: Partial<Record<PhiType, StyleOptions>>;
  /** Terms never masked (case-insensitive, whole words): entities lying entirely inside one are dropped. */
  allowList?: readonly string[];
  /** Terms always masked wherever they occur (case-insensitive, whole words), even if also allowed. */
  denyList?: readonly string[];
  /**
   * Also mask generic care units and departments ("MICU", "the ED") as ADDRESS. Default false. It acts at
   * detection: the jobs pass it to the PhiDetector (DetectOptions.maskCareUnits); maskText masks the entities
   * it is given and does not look at it.
   */
  maskCareUnits?: boolean;
}

export type MaskedSpanType = PhiType | 'DENY_LIST';

export interface MaskedSpan {
  begin: number;
  end: number;
  type: MaskedSpanType;
  score: number;
}

export interface MaskResult {
  maskedText: string;
  /** The merged spans actually masked, in order, as offsets into the original text. */
  spans: MaskedSpan[];
}

export const DEFAULT_MIN_SCORE = 0.5;
export const DEFAULT_MASK_CHARACTER = '*';
export const DEFAULT_REPLACEMENT = '[REDACTED]';

export interface ResolvedStyle {
  style: MaskStyle;
  character: string;
  replacement: string;
}

export interface ResolvedMaskOptions {
  minScore: number;
  types: ReadonlySet<PhiType>;
  allowList: readonly string[];
  denyList: readonly string[];
  maskCareUnits: boolean;
  styleFor(type: MaskedSpanType): ResolvedStyle;
}

const STYLES: readonly string[] = ['TYPE_LABEL', 'CHARACTER', 'FIXED'] satisfies MaskStyle[];

function resolveStyle(options: StyleOptions, fallback: ResolvedStyle, field: string): ResolvedStyle {
  const { style = fallback.style, character = fallback.character, replacement = fallback.replacement } = options;
  if (!STYLES.includes(style)) throw new InvalidInputError(`${field}.style must be one of ${STYLES.join(', ')}`);
  // A line break would be indistinguishable from the line breaks CHARACTER keeps; a lone surrogate
  // would make the output ill-formed.
  if (typeof character !== 'string' || !/^[^\r\n\p{Cs}]$/u.test(character)) {
    throw new InvalidInputError(`${field}.character must be exactly one code point and not a line break`);
  }
  if (typeof replacement !== 'string') throw new InvalidInputError(`${field}.replacement must be a string`);
  return { style, character, replacement };
}

function resolveTerms(terms: readonly string[] | undefined, field: string): readonly string[] {
  if (terms === undefined) return [];
  if (!Array.isArray(terms) || terms.some((t) => typeof t !== 'string')) {
    throw new InvalidInputError(`${field} must be a list of strings`);
  }
  return terms;
}

/**
 * Applies defaults and checks every option, so a bad option fails before any text is touched.
 * @throws InvalidInputError naming the option at fault (never its value).
 */
export function resolveMaskOptions(options: MaskOptions = {}): ResolvedMaskOptions {
  const { minScore = DEFAULT_MIN_SCORE, types = PHI_TYPES, typeStyles = {}, maskCareUnits = false } = options;
  if (typeof minScore !== 'number' || !Number.isFinite(minScore)) {
    throw new InvalidInputError('minScore must be a finite number');
  }
  if (typeof maskCareUnits !== 'boolean') throw new InvalidInputError('options.maskCareUnits must be true or false');
  if (!Array.isArray(types) || !types.every((t) => typeof t === 'string' && isPhiType(t))) {
    throw new InvalidInputError(`types must list only ${PHI_TYPES.join(', ')}`);
  }
  const base = resolveStyle(
    options,
    { style: 'TYPE_LABEL', character: DEFAULT_MASK_CHARACTER, replacement: DEFAULT_REPLACEMENT },
    'options',
  );
  const perType = new Map<MaskedSpanType, ResolvedStyle>();
  for (const [type, style] of Object.entries(typeStyles)) {
    if (!isPhiType(type)) throw new InvalidInputError(`typeStyles keys must be among ${PHI_TYPES.join(', ')}`);
    if (style !== undefined) perType.set(type, resolveStyle(style, base, `typeStyles.${type}`));
  }
  return {
    minScore,
    types: new Set(types),
    allowList: resolveTerms(options.allowList, 'allowList'),
    denyList: resolveTerms(options.denyList, 'denyList'),
    maskCareUnits,
    styleFor: (type) => perType.get(type) ?? base,
  };
}
