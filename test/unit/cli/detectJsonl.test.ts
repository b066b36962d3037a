import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { memoryIo } from './memoryIo.ts';
import { tempFiles } from './tempFiles.ts';

const PHI = 'jane.roe@example.org';
/** The ANSI erase-to-end-of-line sequence the progress bar writes. */
const ERASE_RAW = '\u001b[K';
const files = tempFiles();

function record(id: string, text: string, extra: object = {}): string {
  return JSON.stringify({ id, text, ...extra });
}

function parseLines(
  output: string,
): { id: string; spans: { start: number; end: number; type: string; score: number }[] }[] {
  return output
    .split('\n')
    .filter((line) => line !== '')
    .map(
      (line) =>
        JSON.parse(line) as { id: string; spans: { start: number; end: number; type: string; score: number }[] },
    );
}

describe('hdm detect --jsonl', () => {
  it('writes one {id, spans} line per record, in order, skipping blank lines', async () => {
    const input = [
      record('a', `Mail ${PHI}.`, { spans: [{ start: 5, end: 25, type: 'EMAIL' }] }),
      '',
      '   ',
      record('b', 'Nothing here.'),
      record('c', `${PHI}`),
    ].join('\n');
    const { io, stdout, stderr } = memoryIo({ stdin: input });
    expect(await main(['detect', '--jsonl', '--types', 'EMAIL'], io)).toBe(0);
    expect(stderr()).toBe('');
    expect(stdout().endsWith('\n')).toBe(true);
    expect(parseLines(stdout())).toEqual([
      { id: 'a', spans: [{ start: 5, end: 5 + PHI.length, type: 'EMAIL', score: expect.any(Number) }] },
      { id: 'b', spans: [] },
      { id: 'c', spans: [{ start: 0, end: PHI.length, type: 'EMAIL', score: expect.any(Number) }] },
    ]);
    expect(stdout()).not.toContain('"text"');
  });

  it('reads a FILE with CRLF line ends and a BOM; offsets are UTF-16 string offsets', async () => {
    const text = `\u{1F600} caf\u00e9 ${PHI}`;
    const path = files.file('crlf.jsonl', `\uFEFF${record('x', text)}\r\n${record('y', 'none')}\r\n`);
    const { io, stdout } = memoryIo();
    expect(await main(['detect', '--jsonl', '--types', 'EMAIL', path], io)).toBe(0);
    const [x, y] = parseLines(stdout());
    expect(x?.spans[0]).toMatchObject({ start: text.indexOf(PHI), end: text.length });
    expect(y).toEqual({ id: 'y', spans: [] });
  });

  it('applies --min-score and --types', async () => {
    const input = record('a', `Mail ${PHI}.`);
    const none = memoryIo({ stdin: input });
    expect(await main(['detect', '--jsonl', '--types', 'AGE'], none.io)).toBe(0);
    expect(parseLines(none.stdout())).toEqual([{ id: 'a', spans: [] }]);
    const all = memoryIo({ stdin: input });
    expect(await main(['detect', '--jsonl', '--min-score', '0'], all.io)).toBe(0);
    expect(parseLines(all.stdout())[0]?.spans.length).toBeGreaterThan(0);
  });

  it.each([
    ['not JSON', `{"id": "p1", "text": "${PHI}"`, 'not valid JSON'],
    ['not an object', `["${PHI}"]`, 'must be a JSON object with "id" and "text"'],
    ['a number id', `{"id": 7, "text": "${PHI}"}`, '"id" must be a string'],
    ['no text', `{"id": "p1", "txt": "${PHI}"}`, '"text" must be a string'],
    ['a null text', `{"id": "p1", "text": null, "note": "${PHI}"}`, '"text" must be a string'],
  ])('stops at a line that is %s: one message with file and line, exit 1, no content', async (_label, bad, message) => {
    const path = files.file('bad.jsonl', `${record('ok1', PHI)}\n\n${bad}\n${record('ok2', PHI)}\n`);
    const { io, stdout, stderr } = memoryIo();
    expect(await main(['detect', '--jsonl', path], io)).toBe(1);
    expect(stderr()).toBe(`hdm: ${path}:3: ${message}\n`);
    expect(stderr()).not.toContain(PHI);
    expect(parseLines(stdout()).map((line) => line.id)).toEqual(['ok1']);
  });

  it('reports invalid UTF-8 with its line number and never the bytes', async () => {
    const input = Buffer.concat([
      Buffer.from(`${record('ok', PHI)}\n{"id": "x", "text": "${PHI} M`),
      Buffer.from([0xfc]),
      Buffer.from('ller"}\n'),
    ]);
    const { io, stderr } = memoryIo({ stdin: input });
    expect(await main(['detect', '--jsonl', '-'], io)).toBe(1);
    expect(stderr()).toBe('hdm: <stdin>:2: not valid UTF-8\n');
  });

  it('reports a missing file and a directory', async () => {
    const missing = memoryIo();
    expect(await main(['detect', '--jsonl', `${files.dir}/nope.jsonl`], missing.io)).toBe(1);
    expect(missing.stderr()).toBe(`hdm: ${files.dir}/nope.jsonl: no such file\n`);
    const directory = memoryIo();
    expect(await main(['detect', '--jsonl', files.dir], directory.io)).toBe(1);
    expect(directory.stderr()).toBe(`hdm: ${files.dir}: is a directory, not a file\n`);
  });

  it('streams: a line is answered before the next one is even written', async () => {
    const stdin = new PassThrough();
    const { io, stdout } = memoryIo({ stdin });
    const done = main(['detect', '--jsonl'], io);
    for (const id of ['1', '2', '3']) {
      stdin.write(`${record(id, `to ${PHI}`)}\n`);
      await expect.poll(() => parseLines(stdout()).length, { timeout: 5000 }).toBe(Number(id));
    }
    stdin.end();
    expect(await done).toBe(0);
  });

  it('honours backpressure from a slow stdout', async () => {
    let maxBuffered = 0;
    let lines = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, callback) {
        maxBuffered = Math.max(maxBuffered, this.writableLength);
        lines += chunk.toString('utf8').split('\n').length - 1;
        setTimeout(callback, 1);
      },
    });
    const input = Array.from({ length: 5000 }, (_, i) => record(`d${i}`, `Note ${i}: ${PHI}`)).join('\n');
    const { io } = memoryIo({ stdin: input });
    expect(await main(['detect', '--jsonl'], { ...io, stdout: slow })).toBe(0);
    expect(lines).toBe(5000);
    expect(maxBuffered).toBeLessThan(64 * 1024);
  });

  it('gets through 100,000 lines generated on the fly without keeping them', async () => {
    const total = 100_000;
    let next = 0;
    const stdin = new Readable({
      read() {
        if (next >= total) return void this.push(null);
        const batch: string[] = [];
        for (let i = 0; i < 1000 && next < total; i += 1, next += 1) {
          batch.push(record(`doc-${next}`, next % 10 === 0 ? `Reply to ${PHI}` : 'Stable, no change.'));
        }
        this.push(`${batch.join('\n')}\n`);
      },
    });
    let lines = 0;
    let withSpans = 0;
    let lastId = '';
    const counter = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        for (const line of chunk.toString('utf8').split('\n')) {
          if (line === '') continue;
          lines += 1;
          const parsed = JSON.parse(line) as { id: string; spans: unknown[] };
          if (parsed.spans.length > 0) withSpans += 1;
          lastId = parsed.id;
        }
        callback();
      },
    });
    const { io, stderr } = memoryIo({ stdin });
    expect(await main(['detect', '--jsonl', '--types', 'EMAIL'], { ...io, stdout: counter })).toBe(0);
    expect(stderr()).toBe('');
    expect(lines).toBe(total);
    expect(withSpans).toBe(total / 10);
    expect(lastId).toBe(`doc-${total - 1}`);
  });

  it('stops quietly when the reader goes away', async () => {
    const input = Array.from({ length: 20_000 }, (_, i) => record(`d${i}`, `Note ${i}`)).join('\n');
    let received = 0;
    const closing = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        if (received > 20_000) callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
        else callback();
      },
    });
    const { io, stderr } = memoryIo({ stdin: input });
    expect(await main(['detect', '--jsonl'], { ...io, stdout: closing })).toBe(0);
    expect(stderr()).toBe('');
  });
});

describe('hdm detect --jsonl progress', () => {
  const input = Array.from({ length: 3000 }, (_, i) => record(`d${i}`, `Note ${i}`)).join('\n');

  function chunked(): Readable {
    // Many small chunks, so there are many chances to redraw.
    return Readable.from(input.match(/[\s\S]{1,500}/g) ?? []);
  }

  it('draws on a terminal stderr at most every 100 ms and ends with the totals', async () => {
    let clock = 0;
    const now = (): number => (clock += 7);
    const { io, stderr } = memoryIo({ stdin: chunked(), stderrIsTTY: true, now });
    expect(await main(['detect', '--jsonl'], io)).toBe(0);
    const frames = stderr()
      .split('\r')
      .filter((frame) => frame !== '');
    expect(frames.length).toBeGreaterThan(2);
    expect(frames.length).toBeLessThanOrEqual(clock / 100 + 2);
    expect(frames.at(-1)).toMatch(/^hdm: 3,000 lines, [\d,]+ lines\/s/);
    expect(frames.at(-1)?.endsWith(`lines/s${ERASE_RAW}\n`)).toBe(true);
  });

  it('shows a percentage when reading a file', async () => {
    const path = files.file('progress.jsonl', input);
    let clock = 0;
    const { io, stderr } = memoryIo({ stderrIsTTY: true, now: () => (clock += 50) });
    expect(await main(['detect', '--jsonl', path], io)).toBe(0);
    expect(stderr().endsWith(`, 100%${ERASE_RAW}\n`)).toBe(true);
  });

  it('stays silent when stderr is not a terminal, or when stdout is the same terminal', async () => {
    const piped = memoryIo({ stdin: chunked() });
    expect(await main(['detect', '--jsonl'], piped.io)).toBe(0);
    expect(piped.stderr()).toBe('');
    const screen = memoryIo({ stdin: chunked(), stderrIsTTY: true, stdoutIsTTY: true });
    expect(await main(['detect', '--jsonl'], screen.io)).toBe(0);
    expect(screen.stderr()).toBe('');
  });

  it('erases the bar before an error message', async () => {
    let clock = 0;
    const stdin = Readable.from([...(input.match(/[\s\S]{1,500}/g) ?? []), '\nnot json\n']);
    const { io, stderr } = memoryIo({ stdin, stderrIsTTY: true, now: () => (clock += 100) });
    expect(await main(['detect', '--jsonl'], io)).toBe(1);
    expect(stderr().endsWith(`\r${ERASE_RAW}hdm: <stdin>:3001: not valid JSON\n`)).toBe(true);
  });
});
