// JSONL reading shared by the bench tools. Errors name the file and line but never echo the line:
// corpora may hold real PHI, and V8's JSON.parse messages quote the offending text.
import fs from 'node:fs';

export class JsonlError extends Error {
  constructor(
    readonly source: string,
    readonly line: number,
    reason: string,
  ) {
    super(`${source}:${line}: ${reason}`);
    this.name = 'JsonlError';
  }
}

export interface JsonlRecord {
  line: number;
  value: unknown;
}

/** Parse JSONL text; blank lines are skipped, CRLF and a leading BOM are accepted. */
export function parseJsonl(text: string, source: string): JsonlRecord[] {
  const out: JsonlRecord[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (!raw) continue;
    try {
      out.push({ line: i + 1, value: JSON.parse(raw) });
    } catch (e) {
      // Keep only the position from V8's message; the rest can contain the text itself.
      const pos = /position (\d+)/.exec(String((e as Error).message))?.[1];
      throw new JsonlError(source, i + 1, `not valid JSON${pos ? ` (at character ${pos})` : ''}`);
    }
  }
  return out;
}

export function readJsonl(file: string): JsonlRecord[] {
  return parseJsonl(fs.readFileSync(file, 'utf8'), file);
}

export function writeJsonl(file: string, values: Iterable<unknown>): void {
  const lines: string[] = [];
  for (const v of values) lines.push(JSON.stringify(v));
  fs.writeFileSync(file, lines.length ? lines.join('\n') + '\n' : '');
}
