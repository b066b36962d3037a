import { mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNoOverwrite } from '../../../src/cli/imageBatch/checkNoOverwrite.ts';
import { planOutputs } from '../../../src/cli/imageBatch/planOutputs.ts';
import { tempFiles } from './tempFiles.ts';

const { dir, file } = tempFiles();
mkdirSync(join(dir, 'in'));
mkdirSync(join(dir, 'elsewhere'));
const a = file('in/a.png', 'x');
const b = file('elsewhere/b.png', 'x');
const inputs = [a, b].map((input) => ({
  input,
  real: realpathSync(input),
  relative: input.split('/').pop() as string,
}));
const folder = realpathSync(join(dir, 'in'));

describe('checkNoOverwrite', () => {
  it('accepts a new output folder', async () => {
    const out = join(dir, 'out/deeper');
    await expect(
      checkNoOverwrite(planOutputs(inputs, out), [], out, join(out, 'findings.jsonl')),
    ).resolves.toBeUndefined();
  });

  it('refuses an output that is an input', async () => {
    const out = join(dir, 'in');
    await expect(checkNoOverwrite(planOutputs(inputs, out), [], out)).rejects.toThrow(
      `${join(out, 'a.png')} is the input ${a}: refusing to write over an input`,
    );
  });

  it('refuses an output that reaches an input through a link', async () => {
    symlinkSync(join(dir, 'in'), join(dir, 'linked'));
    const out = join(dir, 'linked');
    await expect(checkNoOverwrite(planOutputs(inputs, out), [], out)).rejects.toThrow(
      /linked\/a\.png is the input .*in\/a\.png/,
    );
  });

  it('refuses OUT inside, or equal to, an input folder', async () => {
    for (const out of [join(dir, 'in'), join(dir, 'in/masked')]) {
      await expect(checkNoOverwrite(planOutputs(inputs.slice(1), out), [folder], out)).rejects.toThrow(
        /OUT must not be inside an input folder/,
      );
    }
    // A sibling whose name starts the same is not inside.
    const out = join(dir, 'in-masked');
    await expect(checkNoOverwrite(planOutputs(inputs, out), [folder], out)).resolves.toBeUndefined();
  });

  it('refuses a findings file that is an input or an output', async () => {
    const out = join(dir, 'out2');
    await expect(checkNoOverwrite(planOutputs(inputs, out), [], out, a)).rejects.toThrow(
      `--findings ${a} would write over ${a}`,
    );
    await expect(checkNoOverwrite(planOutputs(inputs, out), [], out, join(out, 'b.png'))).rejects.toThrow(
      'would write over',
    );
  });
});
