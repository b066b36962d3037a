import { InvalidInputError } from '../../core/errors.ts';
import { maskText, type MaskOptions, type MaskStyle } from '../../core/maskText.ts';
import { createCliTextDetector } from '../../services/cliServices.ts';
import type { CliIo } from '../CliIo.ts';
import { InputError, UsageError } from '../CliError.ts';
import { OutputWriter } from '../OutputWriter.ts';
import { parseArguments } from '../parseArguments.ts';
import { parseDetectOptions, toDetectOptions } from '../parseDetectOptions.ts';
import { readInput, readTextFile } from '../readInput.ts';

const OPTIONS = {
  style: { type: 'string' },
  char: { type: 'string' },
  replacement: { type: 'string' },
  'min-score': { type: 'string' },
  types: { type: 'string' },
  'mask-care-units': { type: 'boolean' },
  // Repeatable rather than comma-separated: a term may contain a comma.
  allow: { type: 'string', multiple: true },
  deny: { type: 'string', multiple: true },
  'allow-file': { type: 'string' },
  'deny-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const STYLES: Record<string, MaskStyle> = { 'type-label': 'TYPE_LABEL', character: 'CHARACTER', fixed: 'FIXED' };
const HINT = "Run 'hdm mask --help' for usage.";

/** `hdm mask [FILE|-]`: the input with its PHI masked, on stdout, byte for byte otherwise. */
export async function mask(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArguments('mask', args, OPTIONS);
  if (positionals.length > 1) throw new UsageError('give at most one FILE', HINT);
  const detectOptions = parseDetectOptions('mask', values);
  const { minScore, types } = detectOptions;
  const options: MaskOptions = { style: parseStyle(values), minScore, ...(types ? { types } : {}) };
  if (values.char !== undefined) options.character = values.char;
  if (values.replacement !== undefined) options.replacement = values.replacement;
  const allowList = [...(values.allow ?? []), ...(await readTerms(values['allow-file']))];
  const denyList = [...(values.deny ?? []), ...(await readTerms(values['deny-file']))];
  if (allowList.length > 0) options.allowList = allowList;
  if (denyList.length > 0) options.denyList = denyList;
  // Check the options on empty text first, so a bad one is a usage error before any input is read.
  try {
    maskText('', [], options);
  } catch (error) {
    if (error instanceof InvalidInputError) throw new UsageError(inOptionNames(error.message), HINT);
    throw error;
  }

  const { text } = await readInput(positionals[0], io, 'mask');
  const entities = createCliTextDetector().detectSync(text, toDetectOptions(detectOptions));
  let maskedText: string;
  try {
    ({ maskedText } = maskText(text, entities, options));
  } catch (error) {
    // Core messages name the rule, never the value (DESIGN.md, errors.ts).
    if (error instanceof InvalidInputError) throw new InputError(error.message);
    throw error;
  }
  const out = new OutputWriter(io.stdout);
  await out.write(maskedText);
  await out.finish();
  return 0;
}

/** `--style`, or the style `--char` / `--replacement` imply when it is absent. */
function parseStyle(values: { style?: string; char?: string; replacement?: string }): MaskStyle {
  if (values.char !== undefined && values.replacement !== undefined) {
    throw new UsageError('--char and --replacement cannot be used together', HINT);
  }
  const implied = values.char !== undefined ? 'CHARACTER' : values.replacement !== undefined ? 'FIXED' : undefined;
  if (values.style === undefined) return implied ?? 'TYPE_LABEL';
  const style = STYLES[values.style.toLowerCase().replace('_', '-')];
  if (style === undefined) throw new UsageError(`--style must be one of ${Object.keys(STYLES).join(', ')}`, HINT);
  if (implied !== undefined && implied !== style) {
    const option = values.char !== undefined ? '--char' : '--replacement';
    const needed = values.char !== undefined ? 'character' : 'fixed';
    throw new UsageError(`${option} goes with --style ${needed}`, HINT);
  }
  return style;
}

/** maskText names its API fields (`options.character`); a CLI user knows them as options (`--char`). */
function inOptionNames(message: string): string {
  return message
    .replace(/\boptions\.character\b/g, '--char')
    .replace(/\boptions\.replacement\b/g, '--replacement')
    .replace(/\b(?:options\.)?allowList\b/g, '--allow')
    .replace(/\b(?:options\.)?denyList\b/g, '--deny');
}

/** A terms file: one term per line; surrounding whitespace and blank lines are ignored. */
async function readTerms(path: string | undefined): Promise<string[]> {
  if (path === undefined) return [];
  const text = await readTextFile(path);
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((term) => term.trim())
    .filter((term) => term !== '');
}
