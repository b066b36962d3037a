import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { memoryIo } from './memoryIo.ts';
import { tempFiles } from './tempFiles.ts';

const PHI = 'jane.roe@example.org';
const NOTE = `Seen on ward 7, bed 2.\nWrite to ${PHI}, then close.\n`;
const files = tempFiles();

/** Runs `hdm mask`, by default with `--types EMAIL` so the (growing) detector finds only the fixture's e-mail. */
async function mask(args: string[], types = ['--types', 'EMAIL']): Promise<{ code: number; out: string; err: string }> {
  const { io, stdout, stderr } = memoryIo({ stdin: NOTE });
  const code = await main(['mask', ...types, ...args], io);
  return { code, out: stdout(), err: stderr() };
}

describe('hdm mask', () => {
  it('masks with type labels by default and leaves the rest byte for byte', async () => {
    const { code, out, err } = await mask([]);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toBe('Seen on ward 7, bed 2.\nWrite to [EMAIL], then close.\n');
  });

  it('reads a FILE and - as stdin alike', async () => {
    const path = files.file('note.txt', NOTE);
    const { io, stdout } = memoryIo();
    expect(await main(['mask', '--types', 'EMAIL', path], io)).toBe(0);
    expect(stdout()).toBe((await mask(['-'])).out);
    expect(stdout()).not.toContain(PHI);
  });

  it('masks character by character with --style character, and --char implies it', async () => {
    expect((await mask(['--style', 'character'])).out).toContain(`Write to ${'*'.repeat(PHI.length)}, then`);
    expect((await mask(['--char', '#'])).out).toContain(`Write to ${'#'.repeat(PHI.length)}, then`);
    expect((await mask(['--style=CHARACTER', '--char=x'])).out).toContain('x'.repeat(PHI.length));
  });

  it('uses one replacement with --style fixed, and --replacement implies it', async () => {
    expect((await mask(['--replacement', '<removed>'])).out).toContain('Write to <removed>, then');
    expect((await mask(['--style', 'fixed', '--replacement', '###'])).out).toContain('Write to ###, then');
  });

  it('keeps --allow terms and masks --deny terms, repeatable, commas included', async () => {
    const { out } = await mask(['--replacement', '#', '--allow', PHI, '--deny', 'ward 7, bed 2', '--deny', 'close']);
    expect(out).toBe(`Seen on #.\nWrite to ${PHI}, then #.\n`);
  });

  it('reads --allow-file and --deny-file, one term per line', async () => {
    const allow = files.file('allow.txt', `${PHI}\r\n\n`);
    const deny = files.file('deny.txt', '  ward 7, bed 2  \nclose\n');
    const { out } = await mask(['--replacement', '#', '--allow-file', allow, '--deny-file', deny]);
    expect(out).toBe(`Seen on #.\nWrite to ${PHI}, then #.\n`);
  });

  it('filters with --types and --min-score', async () => {
    expect((await mask(['--types', 'age'], [])).out).toBe(NOTE);
    expect((await mask(['--min-score', '0.2'], [])).out).toContain('[EMAIL]');
  });

  it('turns options maskText rejects into a usage error before reading input', async () => {
    const { code, out, err } = await mask(['--char', 'ab']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^hdm: --char .+\nRun 'hdm mask --help' for usage\.\n$/);
  });

  it.each([
    ['a missing FILE', ['missing.txt'], 'missing.txt: no such file'],
    ['a missing --deny-file', ['--deny-file', 'absent-terms.txt'], 'absent-terms.txt: no such file'],
  ])('reports %s with exit 1', async (_label, args, message) => {
    const { code, out, err } = await mask(args.map((arg) => (arg.endsWith('.txt') ? `${files.dir}/${arg}` : arg)));
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(`hdm: ${files.dir}/${message}\n`);
  });

  it('rejects invalid UTF-8 without echoing the text', async () => {
    const path = files.file('bad.txt', Buffer.concat([Buffer.from(`${PHI} `), Buffer.from([0xed, 0xa0, 0x80])]));
    const { io, stdout, stderr } = memoryIo();
    expect(await main(['mask', path], io)).toBe(1);
    expect(stdout()).toBe('');
    expect(stderr()).toBe(`hdm: ${path}:1: not valid UTF-8\n`);
  });
});
