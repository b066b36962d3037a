import { createCliTextDetector } from '../../services/cliServices.ts';
import type { CliIo } from '../CliIo.ts';
import { UsageError } from '../CliError.ts';
import { OutputWriter } from '../OutputWriter.ts';
import { parseArguments } from '../parseArguments.ts';
import { parseDetectOptions, toDetectOptions } from '../parseDetectOptions.ts';
import { readInput } from '../readInput.ts';
import { detectJsonl } from './detectJsonl.ts';

const OPTIONS = {
  'min-score': { type: 'string' },
  types: { type: 'string' },
  'mask-care-units': { type: 'boolean' },
  jsonl: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `hdm detect [FILE|-]`: the PHI found, as Comprehend Medical's DetectPHI response
 * (`{ "Entities": [...] }`, pretty-printed). With `--jsonl`, one prediction line per input line.
 */
export async function detect(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArguments('detect', args, OPTIONS);
  if (positionals.length > 1) throw new UsageError('give at most one FILE', "Run 'hdm detect --help' for usage.");
  const options = parseDetectOptions('detect', values);
  const file = positionals[0];
  if (values.jsonl === true) return detectJsonl(file, options, io);

  const { text } = await readInput(file, io, 'detect');
  const entities = createCliTextDetector().detectSync(text, toDetectOptions(options));
  const out = new OutputWriter(io.stdout);
  await out.write(`${JSON.stringify({ Entities: entities }, null, 2)}\n`);
  await out.finish();
  return 0;
}
