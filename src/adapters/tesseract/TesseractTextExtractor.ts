import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { createWorker as tesseractCreateWorker, OEM } from 'tesseract.js';
import { HdmError, UnsupportedImageError } from '../../core/errors.ts';
import type { OcrPage, OcrWord, PixelBox, PreparedImage } from '../../core/Image.ts';
import type { Logger } from '../../core/JobServices.ts';
import type { TextExtractor } from '../../core/ports.ts';
import { OcrEngineError } from './errors.ts';
import { addMissedLines } from './addMissedLines.ts';
import { besideBand, blankBands } from './blankBands.ts';
import { eraseRuleLines } from './eraseRuleLines.ts';
import { findDarkRegions, isDarkPage } from './findDarkRegions.ts';
import {
  cropGrey,
  decodeGrey,
  enlargeGrey,
  invertBand,
  turnGrey,
  type GreyImage,
  type QuarterTurn,
} from './GreyImage.ts';
import { legibleWordCount, readsUpright, type TurnedRead } from './readsUpright.ts';
import { paperGrain } from './paperGrain.ts';
import { removeSpecks } from './removeSpecks.ts';
import { rereadUnsureLines, UNSURE } from './rereadUnsureLines.ts';
import { toOcrWords, type TessBlock } from './toOcrWords.ts';
import { toPaddedGreyscale } from './toPaddedGreyscale.ts';
import { TesseractWorkerPool } from './TesseractWorkerPool.ts';
import { unturnWords } from './unturnWords.ts';

/** Pixels past which a page with small type is not enlarged (2× of 6 MP is 24 MP: ~100 MB in the engine). */
const MAX_ENLARGED_PIXELS = 24_000_000;

/**
 * How the engine splits ink from paper: one threshold for the whole page (Otsu, tesseract's default) or
 * one per neighbourhood (Sauvola). Values of tesseract's `thresholding_method`.
 */
type Binarization = 'otsu' | 'sauvola';
/**
 * Engine variables for each. Sauvola with a wider window and a lower k than tesseract's defaults (0.33,
 * 0.34) keeps more of light, thin type (five noisy exploration pages, one read each: 85 → 98 % of words found).
 */
const THRESHOLDING: Record<Binarization, Record<string, string>> = {
  otsu: { thresholding_method: '0', thresholding_window_size: '0.33', thresholding_kfactor: '0.34' },
  sauvola: { thresholding_method: '2', thresholding_window_size: '0.6', thresholding_kfactor: '0.2' },
};
/** Paper grain (paperGrain.ts) from which a page is a noisy scan: clean renders and their JPEGs have 0. */
const GRAINY = 1;
/** A page whose first read has this share of words or more under UNSURE confidence reads poorly. */
const POORLY_READ_SHARE = 0.1;

/** Least strip read on either side of a dark band for the lines beside it: two lines of 14 px type. */
const BESIDE_BAND_PX = 40;

/** The part of a tesseract.js Worker this adapter uses. */
export interface TesseractWorker {
  recognize(
    image: Buffer,
    options: object,
    output: { blocks: true },
  ): Promise<{ data: { blocks: TessBlock[] | null } }>;
  /** Sets engine variables; a worker without it reads every page with the engine's defaults. */
  setParameters?(parameters: Record<string, string>): Promise<unknown>;
  terminate(): Promise<unknown>;
}

export interface TesseractWorkerConfig {
  langPath: string;
  /** tesseract.js reports asynchronous worker errors here; without it they crash the process. */
  errorHandler: (error: unknown) => void;
}

export type CreateTesseractWorker = (config: TesseractWorkerConfig) => Promise<TesseractWorker>;

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

const require = createRequire(import.meta.url);

export function defaultLangPath(): string {
  return path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

/** tesseract.js's createWorker, offline: local language data, no cache written to the working directory. */
export const createTesseractWorker: CreateTesseractWorker = ({ langPath, errorHandler }) =>
  tesseractCreateWorker('eng', OEM.LSTM_ONLY, {
    langPath,
    gzip: true,
    cacheMethod: 'none',
    errorHandler,
  }) as Promise<TesseractWorker>;

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
    for (const [n, region] of bands.entries()) words = await this.rereadDark(grey, region, n, best, words, grainy);
    // Words read on a dark band were read inverted already; read again from the page they would be light on dark.
    words = await rereadUnsureLines(
      grey,
      words,
      best.turn,
      async (image) => (await this.read(image, 0, 1)).words,
      (w) => w.lineId.startsWith('dark'),
    );
    // Last: what the page's reads found beside a band, and the lines they read again, stand.
    if (bands.length > 0) words = await this.readBesideBands(grey, bands, best, words);
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

  /**
   * Reads a dark band of the page again, inverted and enlarged, turned as the page read best: tesseract
   * takes a dark band for a picture and often reads nothing on it (the name, date of birth and MRN in an
   * EHR's banner, a pharmacy's name and phone on a label's black header). The band's new words replace
   * those first read there when more of them are legible; where the engine read the band well itself
   * (large type), its words stay. Words come back in the page's pixels.
   */
  private async rereadDark(
    grey: GreyImage,
    region: PixelBox,
    n: number,
    best: TurnedRead,
    words: OcrWord[],
    grainy: boolean,
  ): Promise<OcrWord[]> {
    // The band's edges, inverted, are thin dark lines along it: erased like any rule.
    const band = invertBand(grey, region);
    const crop = { ...eraseRuleLines(band), inBand: band.inBand };
    const inside = (w: OcrWord): boolean =>
      centreInside(w.box, region) && crop.inBand(w.box.left + w.box.width / 2, w.box.top + w.box.height / 2);
    // A band is small: it is read at the page's scale and enlarged, and the read with more legible words
    // kept (enlarging helps small type, and hurts a noisy scan's). On a grainy scan each is also read with
    // thresholds per neighbourhood, which keep light, thin type the noise would swallow (a pharmacy's
    // name in a light face on a noisy label: read only that way).
    const scales = [...new Set([best.scale, Math.max(best.scale, enlargement(crop))])];
    const ways: Binarization[] = grainy ? ['otsu', 'sauvola'] : ['otsu'];
    const reads = await Promise.all(
      scales.flatMap((scale) =>
        ways.map(async (way) => {
          const read = await this.read(crop, best.turn, scale, way);
          return unturnWords(read.words, best.turn, crop.width, crop.height, scale)
            .map((w) => moveWord(w, region, `dark${n}`))
            .filter(inside);
        }),
      ),
    );
    const found = reads.reduce((a, b) => (legibleWordCount(b) > legibleWordCount(a) ? b : a));
    if (legibleWordCount(found) <= legibleWordCount(words.filter(inside))) return words;
    const kept = words.filter((w) => !inside(w));
    // Reading order: the band's words go before the first word printed below the band's top (the region's
    // top for a band askew: its words are read left to right).
    const at = kept.findIndex((w) => w.box.top > region.top);
    return at < 0 ? [...kept, ...found] : [...kept.slice(0, at), ...found, ...kept.slice(at)];
  }

  /**
   * Reads the lines beside each dark band again with the bands painted out, and adds those the page's
   * read missed (blankBands.ts says why the engine misses them). Only a strip around each band is read:
   * twice the band's thickness on either side, at least BESIDE_BAND_PX.
   */
  private async readBesideBands(
    grey: GreyImage,
    bands: readonly PixelBox[],
    best: TurnedRead,
    words: OcrWord[],
  ): Promise<OcrWord[]> {
    const blanked = blankBands(grey, bands);
    const across = best.turn % 180 === 0 ? 'vertical' : 'horizontal';
    let out = words;
    for (const [n, band] of bands.entries()) {
      const thickness = across === 'vertical' ? band.height : band.width;
      const strip = besideBand(band, Math.max(2 * thickness, BESIDE_BAND_PX), across, grey);
      const crop = cropGrey(blanked, strip);
      const read = await this.read(crop, best.turn, best.scale);
      const found = unturnWords(read.words, best.turn, crop.width, crop.height, best.scale).map((w) =>
        moveWord(w, strip, `beside${n}`),
      );
      out = addMissedLines(out, found, 'beside');
    }
    return out;
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

/** A word read on a crop, moved onto the page; its line and block ids kept apart from the page's own. */
function moveWord(word: OcrWord, region: PixelBox, prefix: string): OcrWord {
  return {
    ...word,
    box: { ...word.box, left: word.box.left + region.left, top: word.box.top + region.top },
    polygon: word.polygon.map((p) => ({ x: p.x + region.left, y: p.y + region.top })),
    lineId: `${prefix}.${word.lineId}`,
    blockId: `${prefix}.${word.blockId}`,
  };
}

function centreInside(box: PixelBox, region: PixelBox): boolean {
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  return x >= region.left && x <= region.left + region.width && y >= region.top && y <= region.top + region.height;
}

/** 2×, or less for a large page, or 1 (not at all) when even 1.25× would pass MAX_ENLARGED_PIXELS. */
function enlargement(grey: GreyImage): number {
  const scale = Math.min(2, Math.sqrt(MAX_ENLARGED_PIXELS / (grey.width * grey.height)));
  return scale >= 1.25 ? scale : 1;
}

/** tesseract.js rejects with a bare string; this names the condition without quoting it. */
function engineError(error: unknown): HdmError {
  const message = error instanceof Error ? error.message : String(error);
  if (/read image|pix not read|Unknown format/i.test(message))
    return new UnsupportedImageError('the OCR engine cannot read this image', { cause: error });
  return new OcrEngineError('the OCR engine failed on this image', { cause: error });
}
