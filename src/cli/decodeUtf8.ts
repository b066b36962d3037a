import { InputError } from './CliError.ts';

// ignoreBOM keeps a leading byte-order mark in the text, so masked output is byte-faithful to the input.
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes UTF-8 strictly. On invalid bytes, throws an InputError naming the input and the first bad
 * line (`name:line: not valid UTF-8`); the bytes themselves are never shown.
 */
export function decodeUtf8(bytes: Uint8Array, name: string, firstLineNumber = 1): string {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    throw new InputError(`${name}:${firstLineNumber + firstBadLine(bytes)}: not valid UTF-8`);
  }
}

/** Zero-based index of the first line that fails to decode (a newline byte never occurs inside a UTF-8 sequence). */
function firstBadLine(bytes: Uint8Array): number {
  let line = 0;
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    try {
      strictDecoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    start = end + 1;
    line += 1;
  }
  return 0;
}
