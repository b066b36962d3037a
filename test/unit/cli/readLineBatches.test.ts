import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLineBatches } from '../../../src/cli/readLineBatches.ts';

async function lines(chunks: Buffer[]): Promise<[number, string][]> {
  const out: [number, string][] = [];
  for await (const batch of readLineBatches(Readable.from(chunks))) {
    for (const line of batch.lines) out.push([line.number, line.bytes.toString('utf8')]);
  }
  return out;
}

describe('readLineBatches', () => {
  const text = '\uFEFFfirst\r\n\nsecond caf\u00e9 \u{1F600}\nlast without newline';
  const expected: [number, string][] = [
    [1, 'first'],
    [2, ''],
    [3, 'second caf\u00e9 \u{1F600}'],
    [4, 'last without newline'],
  ];

  it('splits lines, drops CR before LF and a leading BOM, numbers blank lines too', async () => {
    expect(await lines([Buffer.from(text)])).toEqual(expected);
  });

  it('gives the same lines whatever the chunk boundaries, even inside a character', async () => {
    const bytes = Buffer.from(text);
    for (const size of [1, 2, 3, 5, 7]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      expect(await lines(chunks)).toEqual(expected);
    }
  });

  it('reports bytes read so far and yields nothing for empty input', async () => {
    const sizes: number[] = [];
    for await (const batch of readLineBatches(Readable.from([Buffer.from('a\nb'), Buffer.from('c\n')])))
      sizes.push(batch.bytesRead);
    expect(sizes).toEqual([3, 5]);
    expect(await lines([])).toEqual([]);
  });
});
