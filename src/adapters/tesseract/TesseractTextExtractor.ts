import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { HdmError, UnsupportedImageError } from '../../core/errors.ts';
import type { OcrPage, OcrWord, PreparedImage } from '../../core/Image.ts';
import type { Logger } from '../../core/JobServices.ts';
import type { TextExtractor } from '../../core/ports.ts';
import { OcrEngineError } from './errors.ts';
import { addMissedLines } from './addMissedLines.ts';
import { THRESHOLDING, type Binarization } from './Binarization.ts';
import {
  createTesseractWorker,
  defaultLangPath,
  type CreateTesseractWorker,
  type TesseractWorker,
} from './createTesseractWorker.ts';
import { enlargement } from './enlargement.ts';
import { eraseRuleLines } from './eraseRuleLines.ts';
import { findDarkRegions, isDarkPage } from './findDarkRegions.ts';
import { decodeGrey, enlargeGrey, turnGrey, type GreyImage, type QuarterTurn } from './GreyImage.ts';
import { readBesideBands } from './readBesideBands.ts';
import { readUnreadInk } from './readUnreadInk.ts';
import { typeMarks } from './findUnreadInk.ts';
import { snapWordsToInk } from './snapWordsToInk.ts';
import { readsUpright, type TurnedRead } from './readsUpright.ts';
import { paperGrain } from './paperGrain.ts';
import { removeSpecks } from './removeSpecks.ts';
import { rereadDark } from './rereadDark.ts';
import { rereadUnsureLines, UNSURE } from './rereadUnsureLines.ts';
import { toOcrWords } from './toOcrWords.ts';
import { toPaddedGreyscale } from './toPaddedGreyscale.ts';
import { TesseractWorkerPool } from './TesseractWorkerPool.ts';
import { inUprightFrame, unturnWords } from './unturnWords.ts';

// Worker start-up lives in createTesseractWorker.ts; re-exported here, where callers and tests import it from.
export {
  createTesseractWorker,
  defaultLangPath,
  type CreateTesseractWorker,
  type TesseractWorker,
  type TesseractWorkerConfig,
} from './createTesseractWorker.ts';

/** Paper grain (paperGrain.ts) from which a page is a noisy scan: clean renders and their JPEGs have 0. */
const GRAINY = 1;
/** A page whose first read has this share of words or more under UNSURE confidence reads poorly. */
const POORLY_READ_SHARE = 0.1;

export interface TesseractTextExtractorOptions {
  /** Workers kept alive (default: available cores − 1, at least 1). */
  poolSize?: number;
  /** Folder holding eng.traineddata.gz (default: @tesseract.js-data/eng's 4.0.0_best_int). */
  langPath?: string;
  /** Bound on a worker's start (default 30 s): tesseract.js never settles when language data fails to load. */
  startTimeoutMs?: number;
  /** Bound on one page (default 120 s); the worker is then terminated and replaced. */
  recognizeTimeoutMs?: number;
  /** Pixels of border added before OCR (default 25), so words touching the edge are read. */
  padding?: number;
  /**
   * Find pages scanned sideways or upside down, and type too small to read (default true): a page that
   * reads badly upright is read again turned 180°, and, when it still reads as nothing, 90° and 270°;
   * small type is read again enlarged; the best read wins (readsUpright.ts).
   */
  detectOrientation?: boolean;
  /** Starts one worker; injectable to count or fake workers (default: tesseract.js createWorker). */
  createWorker?: CreateTesseractWorker;
  logger?: Logger;
}

/** The TextExtractor port on tesseract.js (WASM, offline), with a pool of reused workers. */
export class TesseractTextExtractor implements TextExtractor {
  private readonly pool: TesseractWorkerPool<TesseractWorker>;
  private readonly recognizeTimeoutMs: number;
  private readonly padding: number;
  private readonly detectOrientation: boolean;
  private readonly logger: Logger | undefined;

  constructor(options: TesseractTextExtractorOptions = {}) {
    const langPath = options.langPath ?? defaultLangPath();
    // Fail at once with a clear message instead of a start timeout much later.
    if (!existsSync(path.join(langPath, 'eng.traineddata.gz')))
      throw new HdmError('INTERNAL', 'OCR language data not found (eng.traineddata.gz in langPath)');
    const create = options.createWorker ?? createTesseractWorker;
    this.logger = options.logger;
    this.recognizeTimeoutMs = options.recognizeTimeoutMs ?? 120_000;
    this.padding = options.padding ?? 25;
    this.detectOrientation = options.detectOrientation ?? true;
    this.pool = new TesseractWorkerPool({
      size: Math.max(1, Math.floor(options.poolSize ?? availableParallelism() - 1)),
      startTimeoutMs: options.startTimeoutMs ?? 30_000,
      // Error details stay out of the log: they may quote engine output.
      create: () => create({ langPath, errorHandler: () => this.logger?.warn('ocr.worker_error') }),
      onDiscard: (reason) => this.logger?.warn('ocr.worker_discarded', { reason }),
    });
  }

  /** Workers alive or starting (at most poolSize). */
  get workerCount(): number {
    return this.pool.size;
  }

  async extract(image: PreparedImage): Promise<OcrPage> {
    const grey = eraseRuleLines(removeSpecks(await decodeGrey(image.bytes)));
    const read = (turn: QuarterTurn, scale: number): Promise<TurnedRead> => this.read(grey, turn, scale);
    let best = this.detectOrientation ? await readsUpright(read, enlargement(grey)) : await read(0, 1);
    // On a grainy scan one threshold for the whole page loses light or thin type (a label's grey lines in a
    // light face: 8 of 64 words found); thresholds per neighbourhood find more of it but read clean pages
    // and dark images worse. A grainy or poorly read paper page is read the second way too, and the lines
    // it finds where the first read found nothing are added.
    const grainy = paperGrain(grey) >= GRAINY;
    if ((grainy || readsPoorly(best.words)) && !isDarkPage(grey)) {
      const second = await this.read(grey, best.turn, best.scale, 'sauvola');
      best = { ...best, words: addMissedLines(best.words, second.words, 'sauvola') };
    }
    let words = unturnWords(best.words, best.turn, grey.width, grey.height, best.scale);
    const bands = findDarkRegions(grey);
    for (const [n, region] of bands.entries())
      words = await rereadDark(this.read.bind(this), grey, region, n, best, words, grainy);
    // Words read on a dark band were read inverted already; read again from the page they would be light on dark.
    words = await rereadUnsureLines(
      grey,
      words,
      best.turn,
      async (image) => (await this.read(image, 0, 1)).words,
      (w) => w.lineId.startsWith('dark'),
    );
    // Last: what the page's reads found beside a band, and the lines they read again, stand.
    if (bands.length > 0) words = await readBesideBands(this.read.bind(this), grey, bands, best, words);
    // Then lines of type no read found at all: light type on a grainy scan, which the page's one threshold
    // leaves on the paper's side. Clean pages and their JPEGs are read whole already (and the search costs
    // a quarter of a second on an A4 page at 300 dpi).
    if (grainy) {
      const upright = turnGrey(grey, best.turn);
      const marks = typeMarks(upright);
      words = await readUnreadInk(
        grey,
        words,
        best.turn,
        async (image) => (await this.read(image, 0, 1)).words,
        upright,
        marks,
      );
      // Last of all, every word's outline grown to the ink of its letters: the masks are drawn on the outlines.
      words = inUprightFrame(words, best.turn, upright, (uprightWords) => snapWordsToInk(uprightWords, marks));
    }
    return {
      width: image.width,
      height: image.height,
      words,
      ...(best.turn === 0 ? {} : { turnedDegrees: best.turn }),
    };
  }

  /** One OCR pass over the page turned clockwise by `turn` and enlarged `scale` times; words in that image's pixels. */
  private async read(
    grey: GreyImage,
    turn: QuarterTurn,
    scale: number,
    binarization: Binarization = 'otsu',
  ): Promise<TurnedRead> {
    const turned = turnGrey(await enlargeGrey(grey, scale), turn);
    const padded = toPaddedGreyscale(turned, this.padding);
    const data = await this.pool.run(async (worker) => {
      const other = binarization !== 'otsu' && worker.setParameters !== undefined;
      try {
        if (other) await worker.setParameters?.(THRESHOLDING[binarization]);
        return (await worker.recognize(padded.pgm, {}, { blocks: true })).data;
      } catch (error) {
        throw engineError(error);
      } finally {
        // Workers are shared: the next page gets the default back.
        if (other) await worker.setParameters?.(THRESHOLDING.otsu)?.catch(() => undefined);
      }
    }, this.recognizeTimeoutMs);
    return {
      turn,
      scale,
      words: toOcrWords(data.blocks ?? [], { offset: this.padding, width: turned.width, height: turned.height }),
    };
  }

  /** Terminates every worker; running and queued extracts reject with OcrClosedError. */
  close(): Promise<void> {
    return this.pool.close();
  }
}

/**
 * A read with no words, or with a tenth of them or more unsure (on the exploration pages: 0-6 % on clean ones,
 * 16-50 % on the noisy scans that read worst).
 */
function readsPoorly(words: readonly OcrWord[]): boolean {
  return words.filter((w) => w.confidence < UNSURE).length >= POORLY_READ_SHARE * words.length;
}

/** tesseract.js rejects with a bare string; this names the condition without quoting it. */
function engineError(error: unknown): HdmError {
  const message = error instanceof Error ? error.message : String(error);
  if (/read image|pix not read|Unknown format/i.test(message))
    return new UnsupportedImageError('the OCR engine cannot read this image', { cause: error });
  return new OcrEngineError('the OCR engine failed on this image', { cause: error });
}
