import { InvalidInputError } from './errors.ts';
import type { JobOptions } from './Job.ts';
import {
  DEFAULT_MASK_CHARACTER,
  DEFAULT_MIN_SCORE,
  DEFAULT_REPLACEMENT,
  type MaskOptions,
  type MaskStyle,
  resolveMaskOptions,
} from './MaskOptions.ts';
import { PHI_TYPES, type PhiType } from './PhiEntity.ts';

/** `MaskOptionsInput` of the GraphQL contract. */
export interface MaskOptionsInput {
  minScore?: number | null;
  types?: readonly PhiType[] | null;
  style?: MaskStyle | null;
  maskCharacter?: string | null;
  replacement?: string | null;
  allowList?: readonly string[] | null;
  denyList?: readonly string[] | null;
  maskCareUnits?: boolean | null;
}

const MAX_TERMS = 1000;
const MAX_TERM_LENGTH = 200;
const MAX_REPLACEMENT_LENGTH = 100;

/**
 * Checks a request's mask options and applies the defaults: what masking uses and what the job records.
 * @throws InvalidInputError naming the option and the rule, never the value.
 */
export function parseMaskOptions(input: MaskOptionsInput | null | undefined): {
  mask: MaskOptions;
  recorded: JobOptions;
} {
  const minScore = input?.minScore ?? DEFAULT_MIN_SCORE;
  if (!(minScore >= 0 && minScore <= 1)) throw new InvalidInputError('options.minScore must be between 0 and 1');
  // An empty list would mask nothing and store the note as its own "masked" text.
  if (input?.types && input.types.length === 0)
    throw new InvalidInputError('options.types must name at least one type (omit it for all types)');
  const allowList = checkTerms(input?.allowList, 'options.allowList');
  const denyList = checkTerms(input?.denyList, 'options.denyList');
  const maskCareUnits = input?.maskCareUnits ?? false;
  const replacement = input?.replacement ?? undefined;
  if (replacement !== undefined && replacement.length > MAX_REPLACEMENT_LENGTH) {
    throw new InvalidInputError(`options.replacement must be at most ${MAX_REPLACEMENT_LENGTH} characters`);
  }
  const mask: MaskOptions = {
    minScore,
    types: input?.types ?? PHI_TYPES,
    style: input?.style ?? 'TYPE_LABEL',
    character: input?.maskCharacter ?? DEFAULT_MASK_CHARACTER,
    replacement: replacement ?? DEFAULT_REPLACEMENT,
    allowList,
    denyList,
    maskCareUnits,
  };
  // Every rule of masking itself (style names, one code point for the character) is checked here, before any job exists.
  try {
    resolveMaskOptions(mask);
  } catch (error) {
    // The contract calls the mask character `maskCharacter`.
    if (error instanceof InvalidInputError)
      throw new InvalidInputError(error.message.replace('options.character', 'options.maskCharacter'), {
        cause: error,
      });
    throw error;
  }
  const recorded: JobOptions = {
    minScore,
    types: [...new Set(mask.types)],
    style: mask.style ?? 'TYPE_LABEL',
    ...(mask.style === 'CHARACTER' ? { maskCharacter: mask.character } : {}),
    ...(mask.style === 'FIXED' || denyList.length > 0 ? { replacement: mask.replacement } : {}),
    allowList: [...allowList],
    denyList: [...denyList],
    allowListCount: allowList.length,
    denyListCount: denyList.length,
    maskCareUnits,
  };
  return { mask, recorded };
}

function checkTerms(terms: readonly string[] | null | undefined, field: string): readonly string[] {
  if (!terms) return [];
  if (terms.length > MAX_TERMS) throw new InvalidInputError(`${field} may hold at most ${MAX_TERMS} terms`);
  for (const [i, term] of terms.entries()) {
    if (term.trim() === '' || term.length > MAX_TERM_LENGTH) {
      throw new InvalidInputError(`${field}[${i}] must be 1 to ${MAX_TERM_LENGTH} characters and not blank`);
    }
  }
  return terms;
}
