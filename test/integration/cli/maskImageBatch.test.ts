// End-to-end: `node bin/hdm.js mask-image IN... -o OUT` as a real process on small rendered pages
// (synthetic PHI), with real tesseract.js, real sharp and real files in a temp folder.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SharpImageRedactor } from '../../../src/adapters/sharp/SharpImageRedactor.ts';
import { TesseractTextExtractor } from '../../../src/adapters/tesseract/TesseractTextExtractor.ts';
import { renderTextImage } from '../../helpers/renderTextImage.ts';

const BIN = fileURLToPath(new URL('../../../bin/hdm.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hdm-mask-image-batch-'));
const ocr = new TesseractTextExtractor({ poolSize: 1 });
/** Words that must never appear in stderr or the findings file: they are the pages' PHI. */
const PHI = ['Margaret', 'Okafor', 'Harold', 'Lindqvist', 'Beatrice', 'Yamamoto', '1961', '555-0142'];

const page = (name: string, mrn: string, format: 'png' | 'jpeg' = 'png') =>
  renderTextImage({
    lines: [
      ['Patient:', ...name.split(' ')],
      ['DOB:', '04/12/1961'],
      ['MRN:', mrn],
      ['Phone:', '(617)', '555-0142'],
      ['Blood', 'pressure', 'stable.'],
    ],
    fontSize: 26,
    format,
  });

interface Run {
  code: number | null;
  stderr: string;
}

function run(args: string[]): Promise<Run> {
  const env = { ...process.env };
  delete env.HDM_DEBUG;
  const child = spawn(process.execPath, [BIN, 'mask-image', ...args], {
    cwd: dir,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

function write(name: string, content: Buffer | string): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/** Every file below `folder`, relative, dot-files (temporary files) included. */
function tree(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(folder.length + 1))
    .sort();
}

const norm = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

async function readWords(bytes: Buffer): Promise<string[]> {
  return (await ocr.extract(await new SharpImageRedactor().prepare(bytes))).words.map((w) => norm(w.text));
}

beforeAll(async () => {
  const [one, two, three] = await Promise.all([
    page('Margaret Okafor', '4482-1937'),
    page('Harold Lindqvist', '7731-0042', 'jpeg'),
    page('Beatrice Yamamoto', '5520-8817'),
  ]);
  write('scans/intake.png', one.bytes);
  write('scans/ward/intake.jpg', two.bytes);
  write('scans/notes.txt', 'Patient Margaret Okafor, DOB 04/12/1961');
  write('scans/.thumb.png', one.bytes);
  write('extra.png', three.bytes);
  write('torn.png', one.bytes.subarray(0, Math.floor(one.bytes.length / 2)));
  const frame = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#fff' } })
    .png()
    .toBuffer();
  write(
    'pages.tif',
    await sharp([frame, frame], { join: { animated: true } })
      .tiff()
      .toBuffer(),
  );
});
afterAll(async () => {
  await ocr.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hdm mask-image IN... -o OUT', () => {
  it('masks a folder and files through one pool: bad files reported by name, the rest masked, exit 1', async () => {
    const { code, stderr } = await run([
      'scans',
      'extra.png',
      'torn.png',
      'pages.tif',
      '-o',
      'out',
      '--findings',
      'findings.jsonl',
      '--concurrency',
      '2',
    ]);
    expect(code).toBe(1);
    // Outputs keep their names, a folder input's under its own name; nothing else is left in OUT.
    expect(tree(join(dir, 'out'))).toEqual(['extra.png', 'scans/intake.png', 'scans/ward/intake.jpg']);
    expect((await sharp(readFileSync(join(dir, 'out/scans/ward/intake.jpg'))).metadata()).format).toBe('jpeg');
    const read = await readWords(readFileSync(join(dir, 'out/scans/intake.png')));
    expect(read).toContain('pressure');
    expect(read.filter((w) => ['margaret', 'okafor', '44821937'].includes(w))).toEqual([]);

    const lines = stderr.split('\n');
    expect(lines[0]).toBe('hdm: scans/notes.txt: skipped, not a PNG, JPEG, TIFF or WebP image (checked by content)');
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^hdm: 5 pages in [\d.]+ s \([\d.]+ s a page\)$/),
      '  masked          3',
      '  failed          2',
      '  skipped         1  not images',
      expect.stringMatching(/^ {2}words covered +\d+$/),
      expect.stringMatching(/^ {2}PHI found +\d+ {2}([A-Z_]+ \d+)(, [A-Z_]+ \d+)*$/),
      'failed:',
      '  torn.png: the image could not be decoded (corrupt, truncated or unsupported)',
      '  pages.tif: the image has 2 pages or frames; only single-page images can be masked (split it into pages first)',
      '',
    ]);
    expect(stderr).toMatch(/NAME \d+/);
    for (const word of PHI) expect(stderr).not.toContain(word);

    // One line per masked page: file, output and findings as type, score and boxes; never the text.
    const jsonl = readFileSync(join(dir, 'findings.jsonl'), 'utf8');
    for (const word of PHI) expect(jsonl).not.toContain(word);
    const records = jsonl
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { file: string; output: string; findings: Record<string, unknown>[] });
    expect(records.map((r) => [r.file, r.output]).sort()).toEqual([
      ['extra.png', 'out/extra.png'],
      ['scans/intake.png', 'out/scans/intake.png'],
      ['scans/ward/intake.jpg', 'out/scans/ward/intake.jpg'],
    ]);
    const box = {
      left: expect.any(Number),
      top: expect.any(Number),
      width: expect.any(Number),
      height: expect.any(Number),
    };
    for (const record of records) {
      expect(record.findings.map((f) => f.type)).toContain('NAME');
      for (const f of record.findings)
        expect(f).toStrictEqual({
          type: expect.stringMatching(/^[A-Z_]+$/),
          score: expect.any(Number),
          boundingBox: box,
          pixelBox: box,
        });
    }
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('exits 0 when every page is masked, --concurrency 1', async () => {
    const { code, stderr } = await run(['extra.png', 'scans/intake.png', '-o', 'out-ok', '--concurrency', '1']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^hdm: 2 pages in .*\n {2}masked {10}2\n {2}failed {10}0\n/);
    expect(stderr).not.toContain('failed:');
    expect(tree(join(dir, 'out-ok'))).toEqual(['extra.png', 'intake.png']);
  });

  it.each([
    ['-o equal to the input folder', ['scans', '-o', 'scans'], /^hdm: OUT must not be inside an input folder/],
    [
      '-o inside the input folder',
      ['scans', 'extra.png', '-o', 'scans/masked'],
      /^hdm: OUT must not be inside an input folder/,
    ],
    [
      '-o where an input is',
      ['extra.png', 'scans/intake.png', '-o', '.'],
      /^hdm: extra\.png is the input extra\.png: refusing to write over an input/,
    ],
    [
      'two inputs with one output name',
      ['scans/intake.png', 'scans/../scans/intake.png', '-o', 'out-x'],
      /^hdm: scans\/intake\.png and scans\/\.\.\/scans\/intake\.png would both be written to out-x\/intake\.png/,
    ],
    ['several inputs without -o', ['extra.png', 'scans/intake.png'], /^hdm: several inputs, or a folder, need -o OUT/],
    ['a folder without -o', ['scans'], /^hdm: several inputs, or a folder, need -o OUT/],
    ['a file as OUT', ['extra.png', 'scans/intake.png', '-o', 'torn.png'], /^hdm: OUT must be a folder/],
    ['stdin among several inputs', ['-', 'extra.png', '-o', 'out-y'], /^hdm: '-' \(stdin\) can only be the only input/],
    [
      '--concurrency 0',
      ['extra.png', 'scans/intake.png', '-o', 'out-y', '--concurrency', '0'],
      /^hdm: --concurrency must be a whole number from 1 to 64/,
    ],
    [
      '--concurrency 65',
      ['extra.png', 'scans/intake.png', '-o', 'out-y', '--concurrency', '65'],
      /^hdm: --concurrency must be a whole number from 1 to 64/,
    ],
    [
      '--concurrency 1.5',
      ['extra.png', '-o', 'out-y', '--concurrency', '1.5'],
      /^hdm: --concurrency must be a whole number from 1 to 64/,
    ],
  ])('refuses %s up front: exit 2, nothing written', async (_, args, message) => {
    const before = tree(dir);
    const { code, stderr } = await run(args);
    expect(stderr).toMatch(message);
    expect(code).toBe(2);
    expect(stderr.split('\n')[1]).toBe("Run 'hdm mask-image --help' for usage.");
    expect(tree(dir)).toEqual(before);
  });
});
