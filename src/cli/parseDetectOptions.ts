import { PHI_TYPES, isPhiType, type PhiType } from '../core/PhiEntity.ts';
import type { DetectOptions } from '../core/ports.ts';
import { UsageError } from './CliError.ts';

export const DEFAULT_MIN_SCORE = 0.5;

export interface DetectCliOptions {
  minScore: number;
  /** Undefined means all nine types. */
  types: PhiType[] | undefined;
  /** Also mask generic care units and departments (default false). */
  maskCareUnits: boolean;
}

/** `--min-score`, `--types` and `--mask-care-units`, shared by `mask`, `detect` and `mask-image`. */
export function parseDetectOptions(
  command: string,
  values: { 'min-score'?: string | undefined; types?: string | undefined; 'mask-care-units'?: boolean | undefined },
): DetectCliOptions {
  return {
    minScore: parseMinScore(command, values['min-score']),
    types: values.types === undefined ? undefined : parseTypes(command, values.types),
    maskCareUnits: values['mask-care-units'] === true,
  };
}

/** The options as the detector takes them: all nine types when none were named. */
export function toDetectOptions(options: DetectCliOptions): DetectOptions {
  return {
    minScore: options.minScore,
    ...(options.types ? { types: options.types } : {}),
    maskCareUnits: options.maskCareUnits,
  };
}

function parseMinScore(command: string, raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_MIN_SCORE;
  const value = raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new UsageError('--min-score must be a number from 0 to 1', hint(command));
  }
  return value;
}

function parseTypes(command: string, raw: string): PhiType[] {
  const types: PhiType[] = [];
  const entries = raw.split(',').map((entry) => entry.trim().toUpperCase());
  for (const [index, entry] of entries.entries()) {
    if (entry === '') continue;
    if (!isPhiType(entry)) {
      // Type names are safe to echo; anything else (a stray value) is not.
      const shown = /^[A-Z_]{1,20}$/.test(entry) ? `'${entry}'` : `number ${index + 1}`;
      throw new UsageError(`--types: unknown type ${shown}; valid types: ${PHI_TYPES.join(', ')}`, hint(command));
    }
    if (!types.includes(entry)) types.push(entry);
  }
  if (types.length === 0) throw new UsageError('--types needs at least one type', hint(command));
  return types;
}

function hint(command: string): string {
  return `Run 'hdm ${command} --help' for usage.`;
}
