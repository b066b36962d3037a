import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OcrPage, OcrWord, PixelBox, PreparedImage } from '../../src/core/Image.ts';
import type { TextExtractor } from '../../src/core/ports.ts';
import { boxIou } from '../helpers/renderTextImage.ts';

/** Gives the extractor under test; called once per suite, so a runner may share one with a worker pool. */
export type TextExtractorFactory = () => TextExtractor | Promise<TextExtractor>;

export interface TruthWord {
  text: string;
  box: PixelBox;
  line: number;
}

export interface ContractPage {
  image: PreparedImage;
  /** The words printed on it, in reading order, with their ink boxes. */
  words: TruthWord[];
}

const LETTER = new URL('../fixtures/images/ocr-letter.png', import.meta.url);
const LETTER_TRUTH = new URL('../fixtures/images/ocr-letter.json', import.meta.url);
/** Rows of the letter holding its three lines of patient details (synthetic), and no other ink. */
const CROP = { left: 0, top: 80, width: 797, height: 120 };

/**
 * The pages every extractor reads: three lines of a rendered letter (name, birth date, record number,
 * address, phone, e-mail: a small image, so OCR stays quick), and a blank page. Exported because a runner
 * over a service answers them from recorded responses.
 */
export async function contractPages(): Promise<{ details: ContractPage; blank: ContractPage }> {
  const truth = JSON.parse(readFileSync(LETTER_TRUTH, 'utf8')) as { words: TruthWord[] };
  const bytes = await sharp(readFileSync(LETTER)).extract(CROP).png().toBuffer();
  const words = truth.words
    .filter((w) => w.box.top >= CROP.top && w.box.top + w.box.height <= CROP.top + CROP.height)
    .map((w) => ({ text: w.text, line: w.line, box: { ...w.box, top: w.box.top - CROP.top } }));
  const blank = await sharp({ create: { width: 320, height: 120, channels: 3, background: '#ffffff' } })
    .png()
    .toBuffer();
  return {
    details: { image: png(bytes, CROP.width, CROP.height), words },
    blank: { image: png(blank, 320, 120), words: [] },
  };
}

function png(bytes: Uint8Array, width: number, height: number): PreparedImage {
  return { bytes, format: 'png', contentType: 'image/png', width, height };
}

/** For each true word, the read word over it (IoU above 0.5), if any. */
function matchWords(page: OcrPage, truth: TruthWord[]): (OcrWord | undefined)[] {
  return truth.map((t) => page.words.find((w) => boxIou(w.box, t.box) > 0.5));
}

/** The TextExtractor contract (src/core/ports.ts): every adapter must pass all of it. */
export function describeTextExtractorContract(name: string, factory: TextExtractorFactory): void {
  describe(`TextExtractor contract: ${name}`, () => {
    let pages: Awaited<ReturnType<typeof contractPages>>;
    let details: OcrPage;
    let blank: OcrPage;

    // One read of each page for the whole suite: OCR is the slow part, the checks are many.
    beforeAll(async () => {
      pages = await contractPages();
      const extractor = await factory();
      details = await extractor.extract(pages.details.image);
      blank = await extractor.extract(pages.blank.image);
    });

    it('reads nine words in ten or more with their true text, each boxed over its ink', () => {
      const truth = pages.details.words;
      const matched = matchWords(details, truth);
      const same = truth.filter((t, i) => matched[i]?.text === t.text).length;
      expect(same / truth.length).toBeGreaterThanOrEqual(0.9);
    });

    it('gives the words in reading order, one line id per printed line', () => {
      const truth = pages.details.words;
      const matched = matchWords(details, truth);
      const positions = matched.filter((w): w is OcrWord => w !== undefined).map((w) => details.words.indexOf(w));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      const idsByLine = new Map<number, Set<string>>();
      truth.forEach((t, i) => {
        const word = matched[i];
        if (word) idsByLine.set(t.line, (idsByLine.get(t.line) ?? new Set()).add(word.lineId));
      });
      expect(idsByLine.size).toBe(3);
      for (const ids of idsByLine.values()) expect(ids.size).toBe(1);
      expect(new Set([...idsByLine.values()].flatMap((ids) => [...ids])).size).toBe(3);
    });

    it("gives the image's size, and words inside it with trimmed text, a confidence from 0 to 1, an outline and ids", () => {
      const { width, height } = pages.details.image;
      expect(details).toMatchObject({ width, height });
      expect(details.words.length).toBeGreaterThan(0);
      for (const w of details.words) {
        expect(w.text).not.toBe('');
        expect(w.text.trim()).toBe(w.text);
        expect(w.confidence).toBeGreaterThanOrEqual(0);
        expect(w.confidence).toBeLessThanOrEqual(1);
        expect(w.box.width).toBeGreaterThan(0);
        expect(w.box.height).toBeGreaterThan(0);
        expect(w.box.left).toBeGreaterThanOrEqual(0);
        expect(w.box.top).toBeGreaterThanOrEqual(0);
        expect(w.box.left + w.box.width).toBeLessThanOrEqual(width);
        expect(w.box.top + w.box.height).toBeLessThanOrEqual(height);
        expect(w.polygon.length).toBeGreaterThanOrEqual(3);
        for (const p of w.polygon) expect(p.x >= 0 && p.x <= width && p.y >= 0 && p.y <= height).toBe(true);
        expect(w.lineId).not.toBe('');
        expect(w.blockId).not.toBe('');
      }
    });

    it('reads no words on a blank page, and marks neither page truncated', () => {
      expect(blank).toMatchObject({ width: 320, height: 120, words: [] });
      expect(blank.truncated ?? false).toBe(false);
      expect(details.truncated ?? false).toBe(false);
    });
  });
}
