import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config, { GENERATED_FILES } from '../../../codegen.ts';

// The committed generated files must be what codegen makes from schema.graphql and operations.graphql now:
// a schema or operation change without `npm run codegen` would ship types that lie.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface GeneratedFile {
  filename: string;
  content: string;
}

describe('src/client generated files', () => {
  it('match what codegen generates from schema.graphql and src/client/operations.graphql', async () => {
    const outputs = (await generate({ ...config, cwd: ROOT, silent: true }, false)) as GeneratedFile[];
    const byName = new Map(outputs.map((o) => [o.filename.replace(ROOT, ''), o.content]));
    expect([...byName.keys()].sort()).toEqual([...GENERATED_FILES].sort());
    for (const file of GENERATED_FILES) {
      const committed = await readFile(new URL(file, `file://${ROOT}`), 'utf8');
      expect(
        committed === byName.get(file),
        `${file} is out of date with schema.graphql or src/client/operations.graphql: run npm run codegen`,
      ).toBe(true);
    }
  });
});
