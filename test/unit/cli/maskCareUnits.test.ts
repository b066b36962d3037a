import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TesseractTextExtractor } from '../../../src/adapters/tesseract/TesseractTextExtractor.ts';
import { main } from '../../../src/cli/main.ts';
import { parseDetectOptions, toDetectOptions } from '../../../src/cli/parseDetectOptions.ts';
import type { DetectOptions } from '../../../src/core/ports.ts';
import { LocalPhiDetector } from '../../../src/detect/LocalPhiDetector.ts';
import { memoryIo } from './memoryIo.ts';
import { tempFiles } from './tempFiles.ts';

// `--mask-care-units` on every command that detects. What the detector does with the option is its own
// tests' business: here the detector is only watched, to see which options each command hands it.

const NOTE = 'Moved from the MICU to Ellison 10 on 03/14/2023.\n';
const files = tempFiles();
afterEach(() => vi.restoreAllMocks());

/** The options of every detectSync / detect call the command makes. */
function watchDetector(): DetectOptions[] {
  const seen: DetectOptions[] = [];
  const sync = LocalPhiDetector.prototype.detectSync;
  vi.spyOn(LocalPhiDetector.prototype, 'detectSync').mockImplementation(function (
    this: LocalPhiDetector,
    text,
    options = {},
  ) {
    seen.push(options);
    return sync.call(this, text, options);
  });
  return seen;
}

describe('parseDetectOptions: --mask-care-units', () => {
  it('is false unless the flag is given', () => {
    expect(parseDetectOptions('detect', {}).maskCareUnits).toBe(false);
    expect(parseDetectOptions('detect', { 'mask-care-units': true }).maskCareUnits).toBe(true);
  });

  it('reaches the detector options with minScore and types', () => {
    expect(toDetectOptions(parseDetectOptions('mask', { 'mask-care-units': true }))).toEqual({
      minScore: 0.5,
      maskCareUnits: true,
    });
    expect(toDetectOptions(parseDetectOptions('mask', { types: 'address', 'min-score': '0.7' }))).toEqual({
      minScore: 0.7,
      types: ['ADDRESS'],
      maskCareUnits: false,
    });
  });

  it.each(['detect', 'mask', 'mask-image'])(
    'hdm %s --mask-care-units=yes is a usage error (exit 2): the flag takes no value',
    async (command) => {
      const { io, stderr } = memoryIo({ stdin: NOTE });
      expect(await main([command, '--mask-care-units=yes', ...(command === 'mask-image' ? ['in.png'] : [])], io)).toBe(
        2,
      );
      expect(stderr()).toContain('option --mask-care-units takes no value');
    },
  );

  it.each(['detect', 'mask', 'mask-image'])('hdm %s --help lists the flag', async (command) => {
    const { io, stdout } = memoryIo();
    expect(await main([command, '--help'], io)).toBe(0);
    expect(stdout()).toContain('--mask-care-units');
  });
});

describe('the commands pass --mask-care-units to the detector', () => {
  it.each([
    ['detect', ['detect']],
    ['detect --jsonl', ['detect', '--jsonl']],
    ['mask', ['mask']],
  ])('%s', async (_, command) => {
    const stdin = command.includes('--jsonl') ? `${JSON.stringify({ id: 'a', text: NOTE })}\n` : NOTE;
    for (const flag of [false, true]) {
      const seen = watchDetector();
      const { io } = memoryIo({ stdin });
      expect(await main([...command, ...(flag ? ['--mask-care-units'] : [])], io)).toBe(0);
      expect(seen).toEqual([expect.objectContaining({ maskCareUnits: flag })]);
      vi.restoreAllMocks();
    }
  });

  it('mask-image', async () => {
    // The OCR engine stubbed: a page whose words are known, so no engine starts.
    const words = ['Moved', 'from', 'MICU'].map((text, i) => {
      const box = { left: 10 + 60 * i, top: 10, width: 50, height: 20 };
      const polygon = [
        { x: box.left, y: 10 },
        { x: box.left + 50, y: 10 },
        { x: box.left + 50, y: 30 },
        { x: box.left, y: 30 },
      ];
      return { text, confidence: 0.95, box, polygon, lineId: 'l0', blockId: 'b0' };
    });
    const input = files.file(
      'unit.png',
      await sharp({ create: { width: 200, height: 40, channels: 3, background: '#ffffff' } })
        .png()
        .toBuffer(),
    );
    for (const flag of [false, true]) {
      vi.spyOn(TesseractTextExtractor.prototype, 'extract').mockResolvedValue({ width: 200, height: 40, words });
      const detect = vi.spyOn(LocalPhiDetector.prototype, 'detect');
      const { io } = memoryIo();
      expect(
        await main(
          ['mask-image', input, '-o', `${files.dir}/out-${flag}.png`, ...(flag ? ['--mask-care-units'] : [])],
          io,
        ),
      ).toBe(0);
      expect(detect).toHaveBeenCalledOnce();
      expect(detect.mock.calls[0]?.[1]).toEqual({ maskCareUnits: flag });
      vi.restoreAllMocks();
    }
  });
});
