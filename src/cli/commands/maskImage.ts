import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SharpImageRedactor } from '../../adapters/sharp/SharpImageRedactor.ts';
import { parseFill } from '../../adapters/sharp/parseFill.ts';
import { TesseractTextExtractor } from '../../adapters/tesseract/TesseractTextExtractor.ts';
import type { ImageFormat } from '../../core/detectImageFormat.ts';
import { HdmError, InvalidInputError } from '../../core/errors.ts';
import { DEFAULT_IMAGE_PADDING_PX, maskImageContent, type ImageFinding } from '../../core/maskImageContent.ts';
import { parseMaskOptions } from '../../core/parseMaskOptions.ts';
import { LocalPhiDetector } from '../../detect/LocalPhiDetector.ts';
import type { CliIo } from '../CliIo.ts';
import { InputError, UsageError } from '../CliError.ts';
import { parseArguments } from '../parseArguments.ts';
import { parseDetectOptions } from '../parseDetectOptions.ts';
import { fileError, isStdin, STDIN_NAME } from '../readInput.ts';

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  findings: { type: 'string' },
  'min-score': { type: 'string' },
  types: { type: 'string' },
  'mask-care-units': { type: 'boolean' },
  fill: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HINT = "Run 'hdm mask-image --help' for usage.";
export const DEFAULT_IMAGE_FILL = '#000000';
/** Pixels added around each covered word's outline: the same as the image worker (src/services.ts). */
export const IMAGE_PADDING_PX = DEFAULT_IMAGE_PADDING_PX;

/** Extensions each format may keep from the input's name; the first is used when the name has another. */
const EXTENSIONS: Record<ImageFormat, string[]> = { png: ['png'], jpeg: ['jpg', 'jpeg'], tiff: ['tif', 'tiff'], webp: ['webp'] };

/**
 * `hdm mask-image IN [-o OUT] [--findings FILE]`: the image worker's masking (OCR, the text detector,
 * every word of a finding covered) on one local file. The output has the input's format and size, no
 * metadata. Findings are written as type, score and boxes, never the text read.
 */
export async function maskImage(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArguments('mask-image', args, OPTIONS);
  if (positionals.length !== 1) throw new UsageError('give exactly one input image (IN, or - for stdin)', HINT);
  const input = positionals[0] as string;
  const { minScore, types, maskCareUnits } = parseDetectOptions('mask-image', values);
  const fill = checkFill(values.fill ?? DEFAULT_IMAGE_FILL);
  const { mask } = parseMaskOptions({ minScore, ...(types ? { types } : {}), maskCareUnits });
  if (isStdin(input) && io.stdin.isTTY === true) throw new UsageError('no input: give an image FILE, or pipe one to stdin', HINT);
  const explicitOut = values.output;
  if (explicitOut !== undefined && !isStdin(explicitOut) && !isStdin(input) && path.resolve(explicitOut) === path.resolve(input)) {
    throw new UsageError('OUT must not be the input file', HINT);
  }

  const name = isStdin(input) ? STDIN_NAME : input;
  const redactor = new SharpImageRedactor({ paddingPx: 0 });
  const prepared = await asInputError(name, redactor.prepare(await readBytes(input, io)));
  const out = explicitOut ?? (isStdin(input) ? '-' : defaultOutput(input, prepared.format));
  if (isStdin(out) && io.stdout.isTTY === true) throw new UsageError('will not write an image to a terminal: give -o OUT, or redirect stdout', HINT);

  const extractor = new TesseractTextExtractor({ poolSize: 1 });
  let masked;
  try {
    masked = await asInputError(name, maskImageContent(
      { extractor, redactor, detector: new LocalPhiDetector(), fill, paddingPx: IMAGE_PADDING_PX },
      prepared,
      mask,
    ));
  } finally {
    await extractor.close();
  }
  // Findings first: when they cannot be written, no masked image claims the run succeeded.
  if (values.findings !== undefined) await writeAtomically(values.findings, JSON.stringify(masked.findings.map(findingJson), null, 2) + '\n', io);
  await writeAtomically(out, masked.image.bytes, io);
  if (masked.truncated) io.stderr.write('hdm: warning: OCR read only part of the image; some text may be unmasked\n');
  return 0;
}

/** The fill, checked before any work: an unknown colour must never mean "no fill". */
function checkFill(fill: string): string {
  try {
    parseFill(fill);
  } catch (error) {
    if (error instanceof InvalidInputError) throw new UsageError('--fill must be #rgb, #rrggbb, rgb(r, g, b) or a basic colour name, opaque', HINT);
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

/** Writes to a temporary file next to the target and renames it: a failed run leaves no half-written file. */
async function writeAtomically(target: string, data: Uint8Array | string, io: CliIo): Promise<void> {
  if (isStdin(target)) return writeStdout(data, io);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    const code = (error as { code?: unknown } | null)?.code;
    const reason = typeof code === 'string' && /^E[A-Z]+$/.test(code) ? ` (${code})` : '';
    throw new InputError(`${target}: cannot write${reason}`);
  }
}

function writeStdout(data: Uint8Array | string, io: CliIo): Promise<void> {
  return new Promise((resolve, reject) => {
    // A reader that went away (EPIPE) is not an error, as for the text commands.
    const onError = (error: unknown): void => {
      const code = (error as { code?: unknown } | null)?.code;
      if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') resolve();
      else reject(new InputError('cannot write the output'));
    };
    io.stdout.once('error', onError);
    io.stdout.write(data, () => {
      io.stdout.off('error', onError);
      resolve();
    });
  });
}
