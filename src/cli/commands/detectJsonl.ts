import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createCliTextDetector } from '../../services/cliServices.ts';
import type { CliIo } from '../CliIo.ts';
import { InputError } from '../CliError.ts';
import { decodeUtf8 } from '../decodeUtf8.ts';
import { OutputWriter } from '../OutputWriter.ts';
import { type DetectCliOptions, toDetectOptions } from '../parseDetectOptions.ts';
import { ProgressBar } from '../ProgressBar.ts';
import { STDIN_NAME, assertStdinUsable, fileError, isStdin, isSystemError } from '../readInput.ts';
import { readLineBatches, type LineBatch } from '../readLineBatches.ts';

/**
 * `hdm detect --jsonl`: reads `{"id", "text", ...}` lines and writes `{"id", "spans": [{start, end,
 * type, score}]}` lines (the bench's prediction format), streaming: memory stays at one input chunk
 * plus one output buffer whatever the input size. Blank lines are skipped; the first malformed line
 * stops the run with exit code 1 after the lines before it have been written.
 */
export async function detectJsonl(file: string | undefined, options: DetectCliOptions, io: CliIo): Promise<number> {
  assertStdinUsable(file, io, 'detect');
  const name = isStdin(file) ? STDIN_NAME : (file as string);
  const detector = createCliTextDetector();
  const { input, totalBytes } = isStdin(file) ? { input: io.stdin, totalBytes: undefined } : await openFile(name);
  const detectOptions = toDetectOptions(options);
  const out = new OutputWriter(io.stdout);
  const progress = ProgressBar.forTerminal(io.stderr, io.stdout, io.now, totalBytes);
  let lines = 0;
  let bytes = 0;
  try {
    reading: for await (const batch of readBatches(input, name)) {
      for (const line of batch.lines) {
        lines = line.number;
        bytes += line.bytes.length + 1;
        progress?.update(lines, bytes);
        const record = parseRecord(decodeUtf8(line.bytes, name, line.number), name, line.number);
        if (record === undefined) continue;
        const spans = detector.detectSync(record.text, detectOptions).map((entity) => ({
          start: entity.BeginOffset,
          end: entity.EndOffset,
          type: entity.Type,
          score: entity.Score,
        }));
        // Awaiting only real flushes keeps the per-line path free of microtask hops.
        const flushing = out.write(`${JSON.stringify({ id: record.id, spans })}\n`);
        if (flushing) await flushing;
        if (out.closed) break reading;
      }
      bytes = batch.bytesRead;
      await out.flush();
    }
    progress?.finish(lines, bytes);
  } finally {
    progress?.clear();
    await out.finish();
    input.destroy();
  }
  return 0;
}

/** The record on a line, or undefined for a blank line. Errors name the line, never its content. */
function parseRecord(text: string, name: string, lineNumber: number): { id: string; text: string } | undefined {
  if (text.trim() === '') return undefined;
  const where = `${name}:${lineNumber}`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the input, which may be PHI.
    throw new InputError(`${where}: not valid JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(`${where}: must be a JSON object with "id" and "text"`);
  }
  const record = value as { id?: unknown; text?: unknown };
  if (typeof record.id !== 'string') throw new InputError(`${where}: "id" must be a string`);
  if (typeof record.text !== 'string') throw new InputError(`${where}: "text" must be a string`);
  return { id: record.id, text: record.text };
}

/** Input batches; a system error while reading (EIO, EISDIR, ...) becomes an InputError naming the input. */
async function* readBatches(input: Readable, name: string): AsyncGenerator<LineBatch> {
  try {
    yield* readLineBatches(input);
  } catch (error) {
    throw isSystemError(error) ? fileError(name, error) : error;
  }
}

async function openFile(name: string): Promise<{ input: Readable; totalBytes: number | undefined }> {
  try {
    const handle = await open(name, 'r');
    const stats = await handle.stat().catch(async (error: unknown) => {
      await handle.close();
      throw error;
    });
    if (stats.isDirectory()) {
      await handle.close();
      throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    }
    const input = handle.createReadStream({ highWaterMark: 256 * 1024 });
    return { input, totalBytes: stats.isFile() ? stats.size : undefined };
  } catch (error) {
    throw fileError(name, error);
  }
}
