import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { memoryIo } from './memoryIo.ts';
import { tempFiles } from './tempFiles.ts';

const PHI = 'jane.roe@example.org';
const NOTE = `Follow-up: write to ${PHI} about the results.\n`;
const files = tempFiles();

describe('hdm detect', () => {
  it('prints DetectPHI-shaped JSON for stdin, pretty-printed', async () => {
    const { io, stdout, stderr } = memoryIo({ stdin: NOTE });
    expect(await main(['detect', '--types', 'EMAIL'], io)).toBe(0);
    expect(stderr()).toBe('');
    expect(stdout()).toMatch(/^\{\n {2}"Entities": \[/);
    expect(stdout().endsWith('\n')).toBe(true);
    const { Entities } = JSON.parse(stdout()) as { Entities: Record<string, unknown>[] };
    const begin = NOTE.indexOf(PHI);
    expect(Entities).toEqual([
      {
        Id: expect.any(Number),
        BeginOffset: begin,
        EndOffset: begin + PHI.length,
        Score: expect.any(Number),
        Text: PHI,
        Category: 'PROTECTED_HEALTH_INFORMATION',
        Type: 'EMAIL',
        Traits: [],
      },
    ]);
  });

  it('reads a FILE, and - as stdin', async () => {
    const path = files.file('note.txt', NOTE);
    const fromFile = memoryIo();
    expect(await main(['detect', path], fromFile.io)).toBe(0);
    const fromDash = memoryIo({ stdin: NOTE });
    expect(await main(['detect', '-'], fromDash.io)).toBe(0);
    expect(fromFile.stdout()).toBe(fromDash.stdout());
    expect(fromFile.stdout()).toContain(PHI);
  });

  it('applies --types and --min-score', async () => {
    const other = memoryIo({ stdin: NOTE });
    expect(await main(['detect', '--types', 'AGE,PROFESSION'], other.io)).toBe(0);
    expect(JSON.parse(other.stdout())).toEqual({ Entities: [] });
    const strict = memoryIo({ stdin: NOTE });
    expect(await main(['detect', '--min-score=1'], strict.io)).toBe(0);
    const { Entities } = JSON.parse(strict.stdout()) as { Entities: { Score: number }[] };
    expect(Entities.every((e) => e.Score >= 1)).toBe(true);
  });

  it('offsets count a leading BOM, so they index the text as read', async () => {
    const { io, stdout } = memoryIo({ stdin: `\uFEFF${NOTE}` });
    expect(await main(['detect', '--types', 'EMAIL'], io)).toBe(0);
    const { Entities } = JSON.parse(stdout()) as { Entities: { BeginOffset: number }[] };
    expect(Entities[0]?.BeginOffset).toBe(NOTE.indexOf(PHI) + 1);
  });

  it.each([
    ['a missing file', () => `${files.dir}/absent.txt`, 'absent.txt: no such file'],
    ['a directory', () => files.dir, 'is a directory, not a file'],
    [
      'invalid UTF-8 on line 3',
      () =>
        files.file('latin1.txt', Buffer.concat([Buffer.from(`ok\n${PHI}\nM\u00fcller `), Buffer.from([0xfc, 0x0a])])),
      'latin1.txt:3: not valid UTF-8',
    ],
  ])('reports %s in one line, exit 1', async (_label, path, message) => {
    const { io, stdout, stderr } = memoryIo();
    expect(await main(['detect', path()], io)).toBe(1);
    expect(stdout()).toBe('');
    expect(stderr()).toMatch(/^hdm: [^\n]+\n$/);
    expect(stderr()).toContain(message);
    expect(stderr()).not.toContain(PHI);
  });

  it('reports invalid UTF-8 on stdin with its line', async () => {
    const { io, stderr } = memoryIo({ stdin: Buffer.concat([Buffer.from(`${PHI}\n`), Buffer.from([0xc3, 0x28])]) });
    expect(await main(['detect'], io)).toBe(1);
    expect(stderr()).toBe('hdm: <stdin>:2: not valid UTF-8\n');
  });
});
