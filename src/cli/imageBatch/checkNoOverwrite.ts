import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../CliError.ts';
import { MASK_IMAGE_HINT, type PlannedPage } from './planOutputs.ts';

/**
 * Refuses, before any work, a run that would write over one of its inputs: an output (or the findings
 * file) whose real path, links resolved, is an input's, or OUT inside an input folder (its outputs
 * would mix with the inputs and be masked again by the next run).
 */
export async function checkNoOverwrite(
  pages: readonly PlannedPage[],
  folders: readonly string[],
  outDir: string,
  findings?: string,
): Promise<void> {
  const real = realPathResolver();
  const out = await real(outDir);
  const folder = folders.find((f) => out === f || out.startsWith(f.endsWith(path.sep) ? f : f + path.sep));
  if (folder !== undefined)
    throw new UsageError(`OUT must not be inside an input folder (${outDir} is in ${folder})`, MASK_IMAGE_HINT);
  const inputs = new Map(pages.map((p) => [p.real, p.input]));
  for (const page of pages) {
    const input = inputs.get(await real(page.output));
    if (input !== undefined)
      throw new UsageError(`${page.output} is the input ${input}: refusing to write over an input`, MASK_IMAGE_HINT);
  }
  if (findings === undefined) return;
  const target = await real(findings);
  const clash = inputs.get(target) ?? pages.find((p) => path.resolve(p.output) === path.resolve(findings))?.output;
  if (clash !== undefined) throw new UsageError(`--findings ${findings} would write over ${clash}`, MASK_IMAGE_HINT);
}

/**
 * The real path of a file that may not exist yet: the deepest existing folder resolved (links and all),
 * then the rest appended. Folders are memoised, since thousands of outputs share a few.
 */
function realPathResolver(): (file: string) => Promise<string> {
  const folders = new Map<string, Promise<string>>();
  const resolve = async (file: string): Promise<string> => {
    const absolute = path.resolve(file);
    try {
      return await realpath(absolute);
    } catch {
      const parent = path.dirname(absolute);
      if (parent === absolute) return absolute;
      let known = folders.get(parent);
      if (!known) folders.set(parent, (known = resolve(parent)));
      return path.join(await known, path.basename(absolute));
    }
  };
  return resolve;
}
