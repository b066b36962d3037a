import type { Readable } from 'node:stream';

export interface Line {
  /** The line's bytes, without its `\n` or `\r\n`. */
  bytes: Buffer;
  /** One-based, counting blank lines. */
  number: number;
}

export interface LineBatch {
  lines: Line[];
  /** Input bytes consumed so far, for progress. */
  bytesRead: number;
}

/**
 * Splits a byte stream into lines, one batch per chunk read, holding at most one chunk and one
 * partial line in memory. Lines stay bytes (unlike readline) so each can be decoded as strict UTF-8
 * on its own and an invalid byte reported with its line number. A leading UTF-8 BOM is dropped.
 */
export async function* readLineBatches(input: Readable): AsyncGenerator<LineBatch> {
  let partial: Buffer[] = [];
  let number = 0;
  let bytesRead = 0;
  for await (const raw of input) {
    const chunk: Buffer = typeof raw === 'string' ? Buffer.from(raw) : raw;
    bytesRead += chunk.length;
    const lines: Line[] = [];
    let start = 0;
    for (let end = chunk.indexOf(0x0a); end !== -1; end = chunk.indexOf(0x0a, start)) {
      let bytes = chunk.subarray(start, end);
      if (partial.length > 0) {
        bytes = Buffer.concat([...partial, bytes]);
        partial = [];
      }
      lines.push(toLine(bytes, ++number));
      start = end + 1;
    }
    // Copy the tail: a subarray would keep the whole chunk alive.
    if (start < chunk.length) partial.push(Buffer.from(chunk.subarray(start)));
    yield { lines, bytesRead };
  }
  if (partial.length > 0) {
    yield { lines: [toLine(Buffer.concat(partial), number + 1)], bytesRead };
  }
}

function toLine(bytes: Buffer, number: number): Line {
  let begin = 0;
  let end = bytes.length;
  if (number === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) begin = 3;
  if (end > begin && bytes[end - 1] === 0x0d) end -= 1;
  return { bytes: bytes.subarray(begin, end), number };
}
