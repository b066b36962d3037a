// End-to-end: `node bin/hdm.js mask-image` as a real process on a generated page (synthetic PHI, known words).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePage, type GeneratedPage } from '../../../bench/images/generatePage.ts';
import { SharpImageRedactor } from '../../../src/adapters/sharp/SharpImageRedactor.ts';
import { TesseractTextExtractor } from '../../../src/adapters/tesseract/TesseractTextExtractor.ts';

const BIN = fileURLToPath(new URL('../../../bin/hdm.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hdm-mask-image-'));
const ocr = new TesseractTextExtractor({ poolSize: 1 });
let page: GeneratedPage;

beforeAll(async () => {
  page = await generatePage({ seed: 21, style: 'form', width: 1155, height: 866, fontSize: 22 });
});
afterAll(async () => {
  await ocr.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

function run(args: string[], input?: Buffer): Promise<Run> {
  const env = { ...process.env };
  delete env.HDM_DEBUG;
  const child = spawn(process.execPath, [BIN, 'mask-image', ...args], { cwd: dir, env });
  const out: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(input);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr }));
  });
}

function file(name: string, content: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const norm = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The words OCR reads in `bytes`, normalised. */
async function readWords(bytes: Buffer): Promise<string[]> {
  const prepared = await new SharpImageRedactor().prepare(bytes);
  return (await ocr.extract(prepared)).words.map((w) => norm(w.text));
}

/** PHI words long enough that OCR reading one of them again means it leaked (not a stray short token). */
function phiWords(p: GeneratedPage): string[] {
  return p.words.filter((w) => w.phi && norm(w.text).length >= 3).map((w) => norm(w.text));
}

/** A PNG header that claims width × height, with a valid IHDR CRC and an empty IDAT: a "decompression bomb" to refuse. */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.alloc(0)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('hdm mask-image as a process', () => {
  it('writes IN.masked.png next to IN: same format and size, no PHI word readable, plain words kept, findings without text', async () => {
    const input = file('intake.png', page.bytes);
    const { code, stderr } = await run([input, '--findings', 'intake.findings.json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);

    const masked = readFileSync(join(dir, 'intake.masked.png'));
    const meta = await sharp(masked).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({
      format: 'png',
      width: page.width,
      height: page.height,
    });

    const read = await readWords(masked);
    const phi = phiWords(page);
    expect(phi.length).toBeGreaterThan(10);
    const leaked = phi.filter((w) => read.includes(w));
    expect(leaked.length, `PHI words still readable: ${leaked.length} of ${phi.length}`).toBe(0);
    const plain = page.words.filter((w) => !w.phi && /^[A-Za-z]{4,}:?$/.test(w.text)).map((w) => norm(w.text));
    expect(plain.length).toBeGreaterThan(10);
    expect(plain.filter((w) => read.includes(w)).length / plain.length).toBeGreaterThan(0.85);

    const findings = JSON.parse(readFileSync(join(dir, 'intake.findings.json'), 'utf8')) as Record<string, unknown>[];
    expect(findings.length).toBeGreaterThan(5);
    // Never the text: the only string in a finding is its type.
    const box = {
      left: expect.any(Number),
      top: expect.any(Number),
      width: expect.any(Number),
      height: expect.any(Number),
    };
    for (const f of findings)
      expect(f).toStrictEqual({
        type: expect.stringMatching(/^[A-Z_]+$/),
        score: expect.any(Number),
        boundingBox: box,
        pixelBox: box,
      });
  });

  it('masks a page scanned sideways (turned 90°, no EXIF tag) where its words are printed', async () => {
    const turned = await generatePage({ seed: 21, style: 'form', width: 1155, height: 866, fontSize: 22, turn: 90 });
    const input = file('sideways.png', turned.bytes);
    const { code, stderr } = await run([input]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const masked = readFileSync(join(dir, 'sideways.masked.png'));
    expect(await sharp(masked).metadata()).toMatchObject({ width: turned.width, height: turned.height });
    const read = await readWords(masked);
    const phi = phiWords(turned);
    expect(phi.filter((w) => read.includes(w))).toEqual([]);
    const plain = turned.words.filter((w) => !w.phi && /^[A-Za-z]{4,}:?$/.test(w.text)).map((w) => norm(w.text));
    expect(plain.filter((w) => read.includes(w)).length / plain.length).toBeGreaterThan(0.85);
  });

  it('reads stdin and writes stdout with -, keeping JPEG as JPEG, in the --fill colour', async () => {
    const jpeg = await generatePage({
      seed: 22,
      style: 'letter',
      width: 1155,
      height: 866,
      fontSize: 20,
      jpegQuality: 80,
    });
    const { code, stdout, stderr } = await run(['-', '-o', '-', '--fill', 'white', '--types', 'NAME,DATE'], jpeg.bytes);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const meta = await sharp(stdout).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({
      format: 'jpeg',
      width: jpeg.width,
      height: jpeg.height,
    });
    const read = await readWords(stdout);
    const names = jpeg.words.filter((w) => w.type === 'NAME' && norm(w.text).length >= 3).map((w) => norm(w.text));
    expect(names.length).toBeGreaterThan(3);
    expect(names.filter((w) => read.includes(w))).toEqual([]);
    // Only NAME and DATE were asked for: a phone number stays readable (digits are read as one word).
    const phones = jpeg.words
      .filter((w) => w.type === 'PHONE_OR_FAX' && /^[\d-]{7,}$/.test(w.text))
      .map((w) => norm(w.text));
    expect(phones.length).toBeGreaterThan(0);
    expect(phones.some((w) => read.includes(w))).toBe(true);
  });

  it.each([
    ['a missing file', () => join(dir, 'nowhere.png'), /^hdm: .*nowhere\.png: no such file\n$/],
    [
      'a text file',
      () => file('note.png', 'Patient Jane Roe, DOB 04/12/1961, MRN 4482-1937'),
      /^hdm: .*note\.png: the image must be PNG, JPEG, TIFF or WebP/,
    ],
    [
      'a truncated PNG',
      () => file('cut.png', page.bytes.subarray(0, Math.floor(page.bytes.length / 2))),
      /^hdm: .*cut\.png: /,
    ],
    [
      'too many pixels',
      () => file('bomb.png', pngClaiming(20_000, 20_000)),
      /^hdm: .*bomb\.png: the image must have at most/,
    ],
  ])('refuses %s: exit 1, one line on stderr, no content, nothing written', async (_, make, message) => {
    const input = make();
    const before = readdirSync(dir).length;
    const { code, stdout, stderr } = await run([input, '--findings', 'bad.findings.json']);
    expect(code).toBe(1);
    expect(stdout.length).toBe(0);
    expect(stderr).toMatch(message);
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(stderr).not.toMatch(/Jane|Roe|1961|4482/);
    expect(existsSync(join(dir, 'bad.findings.json'))).toBe(false);
    expect(readdirSync(dir).length).toBe(before);
  });

  it('refuses a bad --fill and a missing IN as usage errors (exit 2) without echoing the value', async () => {
    const input = file('usage.png', page.bytes);
    const fill = await run([input, '--fill', 'Jane-Roe-colour']);
    expect(fill.code).toBe(2);
    expect(fill.stderr).toMatch(/^hdm: --fill must be/);
    expect(fill.stderr).not.toContain('Jane');
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^hdm: give exactly one input image/);
    expect(existsSync(join(dir, 'usage.masked.png'))).toBe(false);
  });
});
