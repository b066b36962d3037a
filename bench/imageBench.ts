// Image masking speed for `npm run bench`: seconds per page end to end and per stage, pages per minute
// with the tesseract worker pool, peak RSS. The same parts as the image worker and `hdm mask-image`.
import { S3Client } from '@aws-sdk/client-s3';
import { S3ObjectStore } from '../src/adapters/s3/S3ObjectStore.ts';
import { SharpImageRedactor } from '../src/adapters/sharp/SharpImageRedactor.ts';
import { s3rverClientConfig, startS3rver } from '../local/s3/startS3rver.ts';
import { TesseractTextExtractor } from '../src/adapters/tesseract/TesseractTextExtractor.ts';
import type { PreparedImage } from '../src/core/Image.ts';
import { DEFAULT_IMAGE_PADDING_PX, maskImageContent } from '../src/core/maskImageContent.ts';
import { parseMaskOptions } from '../src/core/parseMaskOptions.ts';
import type { ImageRedactor, PhiDetector, TextExtractor } from '../src/core/ports.ts';
import { LocalPhiDetector } from '../src/detect/LocalPhiDetector.ts';
import { generatePage, PAGE_SIZES, PAGE_STYLES } from './images/generatePage.ts';
import { num, table } from './table.ts';

export interface ImageBenchOptions {
  /** Pages per size (default 4: one per style). */
  pages?: number;
  /** Tesseract workers (default: the extractor's, available cores − 1). */
  poolSize?: number;
  minScore?: number;
}

/** Mean seconds per page, one page at a time. `map` is the rest of maskImageContent (page text, words to regions). */
export interface StageSeconds {
  prepare: number;
  ocr: number;
  detect: number;
  map: number;
  redact: number;
  /** The masked image put to s3rver through the S3 adapter, as the worker stores it. */
  store: number;
  total: number;
}

export interface ImageSizeRun {
  size: string;
  width: number;
  height: number;
  pages: number;
  /** Sequential: mean per page. */
  perPage: StageSeconds;
  /** All pages submitted at once, the pool working through them. */
  concurrentSeconds: number;
  pagesPerMinute: number;
}

export interface ImageBenchResult {
  poolSize: number;
  runs: ImageSizeRun[];
  /** Highest RSS sampled while the image cases ran (worker threads included: they share the process). */
  peakRssMB: number;
  /** RSS when the image cases started. */
  startRssMB: number;
}

const MB = 1024 * 1024;

/** Times each port call; maskImageContent calls each once per page. */
class Timed implements TextExtractor, PhiDetector, ImageRedactor {
  seconds = { ocr: 0, detect: 0, redact: 0 };
  constructor(
    private readonly ocr: TextExtractor,
    private readonly detector: PhiDetector,
    private readonly redactor: ImageRedactor,
  ) {}
  extract = (image: PreparedImage) => this.#time('ocr', () => this.ocr.extract(image));
  detect = (text: string) => this.#time('detect', () => this.detector.detect(text));
  prepare = (input: Uint8Array) => this.redactor.prepare(input);
  redact: ImageRedactor['redact'] = (image, regions, options) =>
    this.#time('redact', () => this.redactor.redact(image, regions, options));
  async #time<T>(stage: 'ocr' | 'detect' | 'redact', work: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      this.seconds[stage] += (performance.now() - t0) / 1000;
    }
  }
}

/**
 * Generates the pages first (not timed), warms the pool up with one page, then per size: each page alone
 * (stage times) and all pages at once (pages per minute with the pool).
 */
export async function measureImages(options: ImageBenchOptions = {}): Promise<ImageBenchResult> {
  const count = options.pages ?? PAGE_STYLES.length;
  const ocr = new TesseractTextExtractor(options.poolSize === undefined ? {} : { poolSize: options.poolSize });
  const redactor = new SharpImageRedactor({ paddingPx: 0 });
  const detector = new LocalPhiDetector();
  const { mask } = parseMaskOptions({ minScore: options.minScore ?? 0.5 });
  const startRssMB = process.memoryUsage.rss() / MB;
  let peak = startRssMB;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss() / MB)), 20);
  const s3rver = await startS3rver({ buckets: ['bench-output'] });
  const s3 = new S3Client(s3rverClientConfig(s3rver.endpoint));
  const objects = new S3ObjectStore({ client: s3 });
  let stored = 0;
  const maskPage = async (bytes: Uint8Array, timed: Timed) => {
    const t0 = performance.now();
    const prepared = await redactor.prepare(bytes);
    const prepare = (performance.now() - t0) / 1000;
    const masked = await maskImageContent(
      { extractor: timed, redactor: timed, detector: timed, fill: '#000', paddingPx: DEFAULT_IMAGE_PADDING_PX },
      prepared,
      mask,
    );
    const t1 = performance.now();
    await objects.put(
      { bucket: 'bench-output', key: `masked/${stored++}/image.${masked.image.format}` },
      masked.image.bytes,
      masked.image.contentType,
    );
    return { prepare, store: (performance.now() - t1) / 1000, total: (performance.now() - t0) / 1000 };
  };
  try {
    const runs: ImageSizeRun[] = [];
    for (const [size, dims] of Object.entries(PAGE_SIZES).reverse()) {
      const pages = await Promise.all(
        Array.from({ length: count }, (_, i) =>
          generatePage({
            seed: 900 + i,
            style: PAGE_STYLES[i % PAGE_STYLES.length] as (typeof PAGE_STYLES)[number],
            ...dims,
            fontSize: 22,
          }),
        ),
      );
      await maskPage(pages[0]!.bytes, new Timed(ocr, detector, redactor)); // warm-up: starts the workers, loads the detector
      const timed = new Timed(ocr, detector, redactor);
      let prepare = 0;
      let store = 0;
      let total = 0;
      for (const page of pages) {
        const run = await maskPage(page.bytes, timed);
        prepare += run.prepare;
        store += run.store;
        total += run.total;
      }
      const t0 = performance.now();
      await Promise.all(pages.map((page) => maskPage(page.bytes, new Timed(ocr, detector, redactor))));
      const concurrentSeconds = (performance.now() - t0) / 1000;
      const s = timed.seconds;
      const n = pages.length;
      runs.push({
        size: size.toUpperCase(),
        ...dims,
        pages: n,
        concurrentSeconds,
        pagesPerMinute: (60 * n) / concurrentSeconds,
        perPage: {
          prepare: prepare / n,
          ocr: s.ocr / n,
          detect: s.detect / n,
          redact: s.redact / n,
          store: store / n,
          map: (total - prepare - s.ocr - s.detect - s.redact - store) / n,
          total: total / n,
        },
      });
    }
    return { poolSize: ocr.workerCount, runs, peakRssMB: peak, startRssMB };
  } finally {
    clearInterval(sampler);
    await ocr.close();
    s3.destroy();
    await s3rver.close();
  }
}

/** Markdown tables in the style of the rest of `npm run bench`. */
export function formatImageBench(result: ImageBenchResult): string {
  const s = (x: number) => num(x, 3);
  return [
    `## maskImage content: OCR (tesseract.js, pool of ${result.poolSize}), detector, sharp redaction (${process.version})\n`,
    table(
      [
        'page',
        'pages',
        'prepare s',
        'OCR s',
        'detect s',
        'map s',
        'redact s',
        'store s',
        'end to end s/page',
        'pages/min (pool)',
      ],
      result.runs.map((r) => [
        `${r.size} (${r.width}×${r.height})`,
        num(r.pages),
        s(r.perPage.prepare),
        s(r.perPage.ocr),
        s(r.perPage.detect),
        s(r.perPage.map),
        s(r.perPage.redact),
        s(r.perPage.store),
        s(r.perPage.total),
        num(r.pagesPerMinute, 1),
      ]),
    ),
    '',
    `Generated pages (one per style, 22 px body text, PNG), generation not timed; one warm-up page per size. Stage times are means`,
    `with one page at a time; store is the put to s3rver through the S3 adapter; pages/min submits all pages at once to the pool. RSS: ${num(result.startRssMB)} MB`,
    `at the start of the image cases, peak ${num(result.peakRssMB)} MB while they ran (the tesseract workers are threads of this process).`,
  ].join('\n');
}
