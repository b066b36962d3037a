import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import type { ImageFinding } from '../../core/maskImageContent.ts';
import { tempPathFor, writeError } from '../writeAtomically.ts';

/** One line of the batch findings file: where, what type, how sure; never the text read. */
export interface FindingsLine {
  file: string;
  output: string;
  findings: ImageFinding[];
}

/**
 * The batch `--findings` file, JSON Lines, one line per masked page in the order pages finish.
 * Lines go to a temporary file next to the target as pages finish (memory stays flat over thousands
 * of pages), renamed into place at the end: the file appears whole or not at all.
 */
export class FindingsJsonl {
  readonly #target: string;
  readonly #temp: string;
  readonly #handle: FileHandle;
  /** Writes are chained: pages finish concurrently, and lines must not interleave. */
  #chain: Promise<unknown> = Promise.resolve();
  #failure: unknown;

  private constructor(target: string, temp: string, handle: FileHandle) {
    this.#target = target;
    this.#temp = temp;
    this.#handle = handle;
  }

  /** Opens the temporary file now, so an unwritable target is refused before any page is read. */
  static async open(target: string): Promise<FindingsJsonl> {
    const temp = tempPathFor(target);
    try {
      return new FindingsJsonl(target, temp, await open(temp, 'wx'));
    } catch (error) {
      throw writeError(target, error);
    }
  }

  /** Queues one page's line; a write error is kept and reported by `commit`, not by the page. */
  add(line: FindingsLine): void {
    const findings = line.findings.map((f) => ({
      type: f.type,
      score: f.score,
      boundingBox: f.boundingBox,
      pixelBox: f.pixelBox,
    }));
    const text = JSON.stringify({ file: line.file, output: line.output, findings }) + '\n';
    this.#chain = this.#chain.then(
      () =>
        this.#failure ??
        this.#handle.write(text).then(
          () => undefined,
          (error: unknown) => void (this.#failure = error),
        ),
    );
  }

  /** Renames the finished file into place. */
  async commit(): Promise<void> {
    try {
      await this.#chain;
      await this.#handle.close();
      if (this.#failure !== undefined) throw this.#failure;
      await rename(this.#temp, this.#target);
    } catch (error) {
      await rm(this.#temp, { force: true });
      throw writeError(this.#target, error);
    }
  }

  /** Drops the temporary file (the run stopped before its end). */
  async abort(): Promise<void> {
    await this.#handle.close().catch(() => undefined);
    await rm(this.#temp, { force: true });
  }
}
