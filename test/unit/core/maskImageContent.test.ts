import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { SharpImageRedactor } from '../../../src/adapters/sharp/SharpImageRedactor.ts';
import type { OcrPage, OcrWord } from '../../../src/core/Image.ts';
import { maskImageContent, MIN_WORD_CONFIDENCE } from '../../../src/core/maskImageContent.ts';
import { parseMaskOptions } from '../../../src/core/parseMaskOptions.ts';
import { LocalPhiDetector } from '../../../src/detect/LocalPhiDetector.ts';

/** Words on one line, 80 px apart, with the engine's confidence for each. */
function line(words: readonly (readonly [string, number])[], top = 10): OcrWord[] {
  return words.map(([text, confidence], i) => {
    const box = { left: 10 + i * 80, top, width: 70, height: 18 };
    const polygon = [
      { x: box.left, y: top },
      { x: box.left + 70, y: top },
      { x: box.left + 70, y: top + 18 },
      { x: box.left, y: top + 18 },
    ];
    return { text, confidence, box, polygon, lineId: `l${top}`, blockId: 'b0' };
  });
}

describe('maskImageContent', () => {
  it('leaves words the engine is not sure of out of the page text: they neither hide a name nor become findings', async () => {
    const redactor = new SharpImageRedactor({ paddingPx: 0 });
    const bytes = await sharp({ create: { width: 600, height: 80, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const image = await redactor.prepare(bytes);
    // Texture read as words on a radiograph ("Es", "Deis", confidence under 0.4) around its burned-in label.
    const page: OcrPage = {
      width: 600,
      height: 80,
      words: [
        ...line(
          [
            ['Deis', 0.25],
            ['Ro', 0.1],
          ],
          10,
        ),
        ...line(
          [
            ['Es', 0.16],
            ['MARTIN', 0.96],
            ['CHAD', 0.92],
            ['01.01.2000', 0.96],
          ],
          40,
        ),
      ],
    };
    const extractor = { extract: async () => page };
    const { mask } = parseMaskOptions({ minScore: 0.5 });
    const masked = await maskImageContent(
      { extractor, redactor, detector: new LocalPhiDetector(), fill: '#fff', paddingPx: 0 },
      image,
      mask,
    );
    expect(MIN_WORD_CONFIDENCE).toBeGreaterThan(0.25);
    expect(masked.findings.map((f) => f.type).sort()).toEqual(['DATE', 'NAME']);
    // MARTIN, CHAD and the date are covered; nothing on the texture line is.
    expect(masked.coveredWords).toBe(3);
    expect(masked.regions.every((r) => r.every((p) => p.y >= 40))).toBe(true);
    // The gap between MARTIN and CHAD (x 160-170: OCR boxes may fall short of the ink there) is filled too,
    // white where it was black; the gap between the name and the date, two findings, is not.
    const { data, info } = await sharp(masked.image.bytes).raw().toBuffer({ resolveWithObject: true });
    expect(data[(48 * info.width + 165) * info.channels]).toBe(255);
    expect(data[(48 * info.width + 245) * info.channels]).toBe(0);
  });

  it('keeps unsure pieces of a link or an e-mail address in the page text, so the whole link is masked', async () => {
    const redactor = new SharpImageRedactor({ paddingPx: 0 });
    const bytes = await sharp({ create: { width: 700, height: 80, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const image = await redactor.prepare(bytes);
    // Small type read nearly right but unsure: "https:" "//portal" (confidence 0), the rest sure.
    const page: OcrPage = {
      width: 700,
      height: 80,
      words: [
        ...line(
          [
            ['Portal:', 0.96],
            ['https:', 0],
            ['//portal', 0.05],
            ['stmichaels', 0.91],
            ['net/portal/login', 0.88],
          ],
          10,
        ),
        ...line(
          [
            ['Es', 0.16],
            ['jo.lee@mail.org', 0.2],
          ],
          40,
        ),
      ],
    };
    const { mask } = parseMaskOptions({ minScore: 0.5 });
    const masked = await maskImageContent(
      {
        extractor: { extract: async () => page },
        redactor,
        detector: new LocalPhiDetector(),
        fill: '#000',
        paddingPx: 0,
      },
      image,
      mask,
    );
    expect(masked.findings.map((f) => f.type).sort()).toEqual(['EMAIL', 'URL']);
    // The link's four pieces and the address; not the label, not the texture.
    expect(masked.coveredWords).toBe(5);
  });

  it('keeps unsure words of some length on a line of sure ones: small type on a noisy scan is often read right but unsure', async () => {
    const redactor = new SharpImageRedactor({ paddingPx: 0 });
    const bytes = await sharp({ create: { width: 700, height: 80, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const image = await redactor.prepare(bytes);
    const page: OcrPage = {
      width: 700,
      height: 80,
      words: [
        ...line(
          [
            ['Seen', 0.95],
            ['by', 0.94],
            ['Dr.', 0.93],
            ['Thornton', 0.29],
            ['on', 0.95],
            ['17-Jun-1931', 0.03],
          ],
          10,
        ),
        ...line(
          [
            ['Deis', 0.25],
            ['Ro', 0.1],
          ],
          40,
        ),
      ],
    };
    const { mask } = parseMaskOptions({ minScore: 0.5 });
    const masked = await maskImageContent(
      {
        extractor: { extract: async () => page },
        redactor,
        detector: new LocalPhiDetector(),
        fill: '#000',
        paddingPx: 0,
      },
      image,
      mask,
    );
    expect(masked.findings.map((f) => f.type).sort()).toEqual(['DATE', 'NAME']);
    // "Thornton" and the date; the line of unsure fragments alone is still left out.
    expect(masked.regions.every((r) => r.every((p) => p.y < 40))).toBe(true);
  });
});
