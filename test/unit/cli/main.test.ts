import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { memoryIo } from './memoryIo.ts';

const PHI = 'jane.roe@example.org';
const packageVersion = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

describe('hdm help and version', () => {
  it.each([['--help'], ['-h'], ['help']])('prints the general help for %s', async (arg) => {
    const { io, stdout, stderr } = memoryIo();
    expect(await main([arg], io)).toBe(0);
    expect(stdout()).toContain('Usage:');
    expect(stdout()).toContain('hdm mask [FILE|-]');
    expect(stdout()).toContain('hdm detect --jsonl');
    expect(stderr()).toBe('');
  });

  it.each([
    [['mask', '--help'], 'Usage: hdm mask'],
    [['mask', 'x.txt', '--bogus', '-h'], 'Usage: hdm mask'],
    [['detect', '-h'], 'Usage: hdm detect'],
    [['help', 'detect'], 'Usage: hdm detect'],
    [['help', 'mask'], '--replacement TEXT'],
  ])('prints command help for %j', async (args, expected) => {
    const { io, stdout } = memoryIo();
    expect(await main(args, io)).toBe(0);
    expect(stdout()).toContain(expected);
  });

  it('prints the version from package.json', async () => {
    const { io, stdout } = memoryIo();
    expect(await main(['--version'], io)).toBe(0);
    expect(stdout()).toBe(`${packageVersion}\n`);
  });

  it('with no arguments, prints the help on stderr and exits 2', async () => {
    const { io, stdout, stderr } = memoryIo();
    expect(await main([], io)).toBe(2);
    expect(stdout()).toBe('');
    expect(stderr()).toContain('Usage:');
  });
});

describe('hdm usage errors', () => {
  it.each([
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['--frobnicate'], "unknown option '--frobnicate'"],
    [['help', 'frobnicate'], "no help for 'frobnicate'"],
    [['mask', '--bogus'], "unknown option '--bogus'"],
    [['detect', '-x'], "unknown option '-x'"],
    [['mask', '--min-score'], 'option --min-score needs a value'],
    [['mask', '--min-score', '-1'], 'write --min-score=VALUE'],
    [['mask', '--min-score', '1.5'], '--min-score must be a number from 0 to 1'],
    [['detect', '--min-score', 'abc'], '--min-score must be a number from 0 to 1'],
    [['detect', '--min-score', ''], '--min-score must be a number from 0 to 1'],
    [['detect', '--types', 'NAME,PET'], "--types: unknown type 'PET'"],
    [['detect', '--types', ','], '--types needs at least one type'],
    [['detect', '--jsonl=yes'], 'option --jsonl takes no value'],
    [['mask', 'a.txt', 'b.txt'], 'give at most one FILE'],
    [['mask', '--style', 'blur'], '--style must be one of type-label, character, fixed'],
    [['mask', '--char', '#', '--replacement', 'X'], '--char and --replacement cannot be used together'],
    [['mask', '--style', 'fixed', '--char', '#'], '--char goes with --style character'],
  ])('%j -> exit 2 with one clear message', async (args, message) => {
    const { io, stdout, stderr } = memoryIo({ stdin: 'note' });
    expect(await main(args, io)).toBe(2);
    expect(stdout()).toBe('');
    const [first, hint, ...more] = stderr().split('\n');
    expect(first).toMatch(/^hdm: /);
    expect(first).toContain(message);
    expect(hint).toMatch(/^Run 'hdm (\w+ )?--help' for usage\.$/);
    expect(more).toEqual(['']);
  });

  it('never echoes option values or odd-looking words, which may be PHI', async () => {
    for (const args of [
      [`--deny=${PHI}`, 'x'],
      ['mask', `--${PHI}`],
      [PHI],
      ['mask', '--types', `NAME,${PHI}`],
      ['mask', '--min-score', PHI],
      ['detect', '--deny', PHI],
    ]) {
      const { io, stderr } = memoryIo({ stdin: 'note' });
      expect(await main(args, io)).toBe(2);
      expect(stderr()).toMatch(/^hdm: /);
      expect(stderr()).not.toContain(PHI);
      expect(stderr()).not.toContain('jane');
    }
  });

  it('accepts --types in any case and with spaces', async () => {
    const { io, stdout } = memoryIo({ stdin: `Mail ${PHI} today` });
    expect(await main(['detect', '--types', ' email , Url'], io)).toBe(0);
    expect(JSON.parse(stdout())).toMatchObject({ Entities: [{ Type: 'EMAIL' }] });
  });

  it('refuses to wait on a terminal when no FILE is given', async () => {
    for (const args of [['mask'], ['detect'], ['detect', '--jsonl']]) {
      const { io, stderr } = memoryIo({ stdinIsTTY: true });
      expect(await main(args, io)).toBe(2);
      expect(stderr()).toContain('hdm: no input: give a FILE, or pipe text to stdin');
    }
  });
});

describe('hdm internal errors', () => {
  function failingStdin(): Readable {
    return new Readable({
      read() {
        this.destroy(new Error(`parser choked on ${PHI}`));
      },
    });
  }

  it('prints a generic line and exits 1, without the message or a stack', async () => {
    for (const args of [['detect'], ['detect', '--jsonl']]) {
      const { io, stdout, stderr } = memoryIo({ stdin: failingStdin() });
      expect(await main(args, io)).toBe(1);
      expect(stdout()).toBe('');
      expect(stderr()).toBe('hdm: internal error (set HDM_DEBUG=1 to see details)\n');
    }
  });

  it('reports a system error on stdin as an input error', async () => {
    for (const args of [['mask'], ['detect', '--jsonl']]) {
      const stdin = new Readable({
        read() {
          this.destroy(Object.assign(new Error(`EIO near ${PHI}`), { code: 'EIO' }));
        },
      });
      const { io, stderr } = memoryIo({ stdin });
      expect(await main(args, io)).toBe(1);
      expect(stderr()).toBe('hdm: <stdin>: cannot read (EIO)\n');
    }
  });

  it('adds the stack when HDM_DEBUG=1', async () => {
    const { io, stderr } = memoryIo({ stdin: failingStdin(), env: { HDM_DEBUG: '1' } });
    expect(await main(['mask'], io)).toBe(1);
    expect(stderr()).toContain('hdm: internal error');
    expect(stderr()).toMatch(/\n\s+at /);
  });
});
