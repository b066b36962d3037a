import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/cli/CliError.ts';
import { planOutputs } from '../../../src/cli/imageBatch/planOutputs.ts';

const image = (input: string, relative: string) => ({ input, real: path.resolve(input), relative });

describe('planOutputs', () => {
  it('keeps file names, and a folder input its own name and the paths below it', () => {
    const pages = planOutputs(
      [
        image('scans/a.png', 'a.png'),
        image('batch/x.png', 'batch/x.png'),
        image('batch/sub/x.png', 'batch/sub/x.png'),
        image('other/x.png', 'other/x.png'),
      ],
      'out',
    );
    expect(pages.map((p) => p.output)).toEqual([
      'out/a.png',
      'out/batch/x.png',
      'out/batch/sub/x.png',
      'out/other/x.png',
    ]);
    expect(pages[0]).toMatchObject({ input: 'scans/a.png', relative: 'a.png' });
  });

  it('refuses two inputs that would land on one output, naming both and the output', () => {
    let error: unknown;
    try {
      planOutputs([image('a/x.png', 'x.png'), image('b/y.png', 'y.png'), image('b/x.png', 'x.png')], 'out');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe(
      'a/x.png and b/x.png would both be written to out/x.png; give their folders instead, or mask them in separate runs',
    );
    expect((error as UsageError).exitCode).toBe(2);
  });

  it('compares resolved paths: out/./x.png and out/x.png collide', () => {
    expect(() => planOutputs([image('x.png', 'x.png'), image('d/x.png', './x.png')], 'out')).toThrow(
      /would both be written/,
    );
  });

  it('plans nothing for no images', () => {
    expect(planOutputs([], 'out')).toEqual([]);
  });
});
