import { mkdir } from 'node:fs/promises';
import { loadConfig } from '../../config.ts';
import { HdmError } from '../../core/errors.ts';
import type { MaskedImageContent } from '../../core/maskImageContent.ts';
import type { MaskOptions } from '../../core/MaskOptions.ts';
import { createCliImageEngines } from '../../services/cliServices.ts';
import type { CliIo } from '../CliIo.ts';
import { CliError } from '../CliError.ts';
import { PageProgress } from '../PageProgress.ts';
import { writeError } from '../writeAtomically.ts';
import { checkNoOverwrite } from './checkNoOverwrite.ts';
import { describeFailure } from './describeFailure.ts';
import { findImageFiles } from './findImageFiles.ts';
import { FindingsJsonl } from './FindingsJsonl.ts';
import { formatSummary } from './formatSummary.ts';
import { maskPageFile, type PageParts } from './maskPageFile.ts';
import { planOutputs, type PlannedPage } from './planOutputs.ts';
import { runPool } from './runPool.ts';

export interface BatchOptions {
  inputs: readonly string[];
  /** The output folder (created when missing). */
  outDir: string;
  /** JSON Lines findings file, if asked for. */
  findings: string | undefined;
  /** OCR workers. */
  concurrency: number;
  /** Pages read, decoded, OCRed or written at once (bounds memory). */
  inFlight: number;
  mask: MaskOptions;
  fill: string;
  paddingPx: number;
}

/** Per-page results, kept by page index so the summary lists files in input order. */
interface Tally {
  masked: number;
  wordsCovered: number;
  byType: Record<string, number>;
  failures: string[];
  warnings: string[];
}

const TRUNCATED = 'OCR read only part of the page; some text may be unmasked';

/**
 * `hdm mask-image IN... -o OUT`: finds the images (by content), plans every output and refuses
 * collisions and overwrites before any work, then masks the pages through one OCR pool, a page's
 * failure reported by name while the others go on. Exit code 1 when any page or input failed.
 */
export async function maskImageBatch(options: BatchOptions, io: CliIo): Promise<number> {
  const startedAt = io.now();
  const found = await findImageFiles(options.inputs);
  const pages = planOutputs(found.images, options.outDir);
  await checkNoOverwrite(pages, found.folders, options.outDir, options.findings);
  try {
    await mkdir(options.outDir, { recursive: true });
  } catch (error) {
    throw writeError(options.outDir, error);
  }
  for (const line of found.skipped) io.stderr.write(`hdm: ${line}\n`);
  const findings = options.findings === undefined ? undefined : await FindingsJsonl.open(options.findings);
  const tally: Tally = { masked: 0, wordsCovered: 0, byType: {}, failures: [], warnings: [] };
  try {
    await maskPages(pages, options, io, tally, findings);
  } catch (error) {
    await findings?.abort();
    throw error;
  }
  await findings?.commit();
  const seconds = (io.now() - startedAt) / 1000;
  const failures = [...found.failures, ...tally.failures.filter(Boolean)];
  const summary = {
    pages: pages.length,
    masked: tally.masked,
    failures,
    skipped: found.skipped.length,
    wordsCovered: tally.wordsCovered,
    findingsByType: tally.byType,
    warnings: tally.warnings.filter(Boolean),
    seconds,
  };
  await new Promise<void>((resolve) => io.stderr.write(formatSummary(summary), () => resolve()));
  return failures.length > 0 ? 1 : 0;
}

async function maskPages(
  pages: readonly PlannedPage[],
  options: BatchOptions,
  io: CliIo,
  tally: Tally,
  findings: FindingsJsonl | undefined,
): Promise<void> {
  if (pages.length === 0) return;
  const progress = PageProgress.forTerminal(io.stderr, io.now, pages.length);
  // One pool for the whole run: starting a worker costs ~200 ms and ~100 MB, so never one per page.
  const engines = createCliImageEngines({ poolSize: options.concurrency });
  const parts: PageParts = { ...engines, fill: options.fill, paddingPx: options.paddingPx, mask: options.mask };
  let done = 0;
  let failed = 0;
  try {
    await runPool(pages.length, options.inFlight, async (index) => {
      const page = pages[index] as PlannedPage;
      try {
        const masked = await maskPageFile(page, parts, io);
        count(tally, index, page, masked);
        findings?.add({ file: page.input, output: page.output, findings: masked.findings });
      } catch (error) {
        failed++;
        tally.failures[index] = describeFailure(page.input, error);
        if (!(error instanceof CliError || error instanceof HdmError) && debugEnabled(io)) {
          const stack = `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`;
          if (progress) progress.note(stack);
          else io.stderr.write(stack);
        }
      }
      progress?.update(++done, failed);
    });
  } finally {
    progress?.clear();
    await engines.close();
  }
}

function count(tally: Tally, index: number, page: PlannedPage, masked: MaskedImageContent): void {
  tally.masked++;
  tally.wordsCovered += masked.coveredWords;
  for (const finding of masked.findings) tally.byType[finding.type] = (tally.byType[finding.type] ?? 0) + 1;
  if (masked.truncated) tally.warnings[index] = `${page.input}: ${TRUNCATED}`;
}

/** HDM_DEBUG=1 shows the stack of an unexpected error; a broken setting elsewhere means "no debug". */
function debugEnabled(io: CliIo): boolean {
  try {
    return loadConfig(io.env, 'cli').debug;
  } catch {
    return false;
  }
}
