import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseFill } from '../../adapters/sharp/parseFill.ts';
import type { ImageFormat } from '../../core/detectImageFormat.ts';
import { HdmError, InvalidInputError } from '../../core/errors.ts';
import { maskImageBytes } from '../../core/maskImageBytes.ts';
import { DEFAULT_IMAGE_PADDING_PX, type ImageFinding } from '../../core/maskImageContent.ts';
import type { MaskOptions } from '../../core/MaskOptions.ts';
import { parseMaskOptions } from '../../core/parseMaskOptions.ts';
import { createCliImageEngines } from '../../services/cliServices.ts';
import type { CliIo } from '../CliIo.ts';
import { InputError, UsageError } from '../CliError.ts';
import { parseArguments } from '../parseArguments.ts';
import { maskImageBatch } from '../imageBatch/maskImageBatch.ts';
import { parseDetectOptions } from '../parseDetectOptions.ts';
import { fileError, isStdin, STDIN_NAME } from '../readInput.ts';
import { writeAtomically } from '../writeAtomically.ts';

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  findings: { type: 'string' },
  'min-score': { type: 'string' },
  types: { type: 'string' },
  'mask-care-units': { type: 'boolean' },
  fill: { type: 'string' },
  concurrency: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HINT = "Run 'hdm mask-image --help' for usage.";
export const DEFAULT_IMAGE_FILL = '#000000';
/** Pixels added around each covered word's outline: the same as the image worker (src/services/). */
export const IMAGE_PADDING_PX = DEFAULT_IMAGE_PADDING_PX;

/** Extensions each format may keep from the input's name; the first is used when the name has another. */
const EXTENSIONS: Record<ImageFormat, string[]> = {
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  tiff: ['tif', 'tiff'],
  webp: ['webp'],
};

/** Most OCR workers `--concurrency` takes: each one holds ~100 MB. */
export const MAX_CONCURRENCY = 64;

/**
 * `hdm mask-image IN [-o OUT] [--findings FILE]`: the image worker's masking (OCR, the text detector,
 * every word of a finding covered) on one local file. The output has the input's format and size, no
 * metadata. Findings are written as type, score and boxes, never the text read.
 * `hdm mask-image IN... -o OUT` (several inputs, or a folder): a batch through one pool of OCR workers.
 */
export async function maskImage(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArguments('mask-image', args, OPTIONS);
  if (positionals.length === 0)
    throw new UsageError(
      'give exactly one input image (IN, or - for stdin), or several files and folders with -o OUT',
      HINT,
    );
  const { minScore, types, maskCareUnits } = parseDetectOptions('mask-image', values);
  const fill = checkFill(values.fill ?? DEFAULT_IMAGE_FILL);
  const concurrency = parseConcurrency(values.concurrency);
  const { mask } = parseMaskOptions({ minScore, ...(types ? { types } : {}), maskCareUnits });
  if (await isBatch(positionals)) {
    const outDir = await checkBatchOutput(positionals, values.output);
    const inFlight = concurrency + inFlightExtra(io);
    return maskImageBatch(
      {
        inputs: positionals,
        outDir,
        findings: values.findings,
        concurrency,
        inFlight,
        mask,
        fill,
        paddingPx: IMAGE_PADDING_PX,
      },
      io,
    );
  }
  return maskOneImage(positionals[0] as string, values.output, values.findings, { mask, fill }, io);
}

/** Several inputs, or one folder: a batch. One file (or stdin) keeps the one-image behaviour. */
async function isBatch(inputs: readonly string[]): Promise<boolean> {
  if (inputs.length > 1) return true;
  const input = inputs[0] as string;
  return (
    !isStdin(input) &&
    (await stat(input).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  );
}

/** A batch writes into a folder: -o is required, cannot be stdout or a file, and stdin is no input. */
async function checkBatchOutput(inputs: readonly string[], output: string | undefined): Promise<string> {
  if (inputs.some(isStdin)) throw new UsageError("'-' (stdin) can only be the only input", HINT);
  if (output === undefined)
    throw new UsageError('several inputs, or a folder, need -o OUT: the folder to write the masked images to', HINT);
  if (isStdin(output))
    throw new UsageError('several inputs, or a folder, cannot be written to stdout: give -o a folder', HINT);
  const existing = await stat(output).catch(() => undefined);
  if (existing !== undefined && !existing.isDirectory())
    throw new UsageError('OUT must be a folder when there are several inputs, or a folder input', HINT);
  return output;
}

/** `--concurrency N`: OCR workers, 1 to 64; by default one per core. */
export function parseConcurrency(value: string | undefined): number {
  if (value === undefined) return Math.max(1, availableParallelism());
  const n = /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 1 && n <= MAX_CONCURRENCY))
    throw new UsageError(`--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}`, HINT);
  return n;
}

/**
 * Pages in flight beyond the OCR workers: with one more, the next page is read and decoded, and the
 * last one detected and written, while every worker is busy (bench/maskImageBatch.ts, 24 pages on
 * 2 cores, median of 3: 19.8 s against 34.3 s with two workers, 29.3 s against 32.6 s with one; two
 * more was slower). HDM_BENCH_IN_FLIGHT_EXTRA (0 to 8) overrides it, for that bench only.
 */
function inFlightExtra(io: CliIo): number {
  const extra = io.env.HDM_BENCH_IN_FLIGHT_EXTRA;
  return extra !== undefined && /^[0-8]$/.test(extra) ? Number(extra) : 1;
}

/** One image: today's behaviour (default OUT next to IN, stdin and stdout with '-', findings as JSON). */
async function maskOneImage(
  input: string,
  explicitOut: string | undefined,
  findingsFile: string | undefined,
  options: { mask: MaskOptions; fill: string },
  io: CliIo,
): Promise<number> {
  if (isStdin(input) && io.stdin.isTTY === true)
    throw new UsageError('no input: give an image FILE, or pipe one to stdin', HINT);
  if (
    explicitOut !== undefined &&
    !isStdin(explicitOut) &&
    !isStdin(input) &&
    path.resolve(explicitOut) === path.resolve(input)
  ) {
    throw new UsageError('OUT must not be the input file', HINT);
  }
  const name = isStdin(input) ? STDIN_NAME : input;
  const bytes = await readBytes(input, io);
  let out = explicitOut ?? '-';
  const engines = createCliImageEngines({ poolSize: 1 });
  const parts = { ...engines, fill: options.fill, paddingPx: IMAGE_PADDING_PX };
  let masked;
  try {
    // The output is known once the format is (its default name has the format's extension); a
    // terminal is refused before OCR starts, and no worker starts for a file that is not an image.
    masked = await asInputError(
      name,
      maskImageBytes(parts, bytes, (prepared) => {
        out = explicitOut ?? (isStdin(input) ? '-' : defaultOutput(input, prepared.format));
        if (isStdin(out) && io.stdout.isTTY === true)
          throw new UsageError('will not write an image to a terminal: give -o OUT, or redirect stdout', HINT);
        return options.mask;
      }),
    );
  } finally {
    await engines.close();
  }
  // Findings first: when they cannot be written, no masked image claims the run succeeded.
  if (findingsFile !== undefined)
    await writeAtomically(findingsFile, JSON.stringify(masked.findings.map(findingJson), null, 2) + '\n', io);
  await writeAtomically(out, masked.image.bytes, io);
  if (masked.truncated) io.stderr.write('hdm: warning: OCR read only part of the image; some text may be unmasked\n');
  return 0;
}

/** The fill, checked before any work: an unknown colour must never mean "no fill". */
function checkFill(fill: string): string {
  try {
    parseFill(fill);
  } catch (error) {
    if (error instanceof InvalidInputError)
      throw new UsageError('--fill must be #rgb, #rrggbb, rgb(r, g, b) or a basic colour name, opaque', HINT);
    throw error;
  }
  return fill;
}

/** `scan.png` → `scan.masked.png` next to it; the input's extension is kept when it names the format. */
export function defaultOutput(input: string, format: ImageFormat): string {
  const parsed = path.parse(input);
  const ext = parsed.ext.slice(1).toLowerCase();
  const kept = EXTENSIONS[format].includes(ext) ? parsed.ext.slice(1) : EXTENSIONS[format][0];
  const stem = EXTENSIONS[format].includes(ext) ? parsed.name : parsed.base;
  return path.join(parsed.dir, `${stem}.masked.${kept}`);
}

function findingJson(f: ImageFinding): Pick<ImageFinding, 'type' | 'score' | 'boundingBox' | 'pixelBox'> {
  return { type: f.type, score: f.score, boundingBox: f.boundingBox, pixelBox: f.pixelBox };
}

async function readBytes(input: string, io: CliIo): Promise<Buffer> {
  try {
    if (!isStdin(input)) return await readFile(input);
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks);
  } catch (error) {
    throw fileError(isStdin(input) ? STDIN_NAME : input, error);
  }
}

/**
 * Image errors (not an image, truncated, too many bytes or pixels, unreadable by the OCR engine) become
 * one-line input errors naming the file; their messages name the rule, never content (core/errors.ts).
 */
async function asInputError<T>(name: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof HdmError && error.code !== 'INTERNAL') throw new InputError(`${name}: ${error.message}`);
    throw error;
  }
}
