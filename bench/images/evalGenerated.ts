import { num, pct } from '../table.ts';
import { generatePage, type GeneratePageOptions } from './generatePage.ts';
import type { ImagePipeline } from './imagePipeline.ts';
import { measureWord } from './measureWord.ts';
import type { PagePlan } from './pagePlan.ts';
import { fullyCovered, leftUncovered, share, type WordOutcome } from './WordOutcome.ts';

export interface GeneratedRun {
  words: WordOutcome[];
  /** One row of the pages table per page. */
  pages: string[][];
  /** Seconds of the pipeline per page (generation not included). */
  seconds: number[];
}

/** Generates each planned page, runs it through the pipeline, and measures every true word on it. */
export async function evalGenerated(run: ImagePipeline, plans: readonly PagePlan[]): Promise<GeneratedRun> {
  const words: WordOutcome[] = [];
  const pages: string[][] = [];
  const seconds: number[] = [];
  for (const [i, plan] of plans.entries()) {
    const page = await generatePage(plan.options);
    const result = await run.run(page.bytes);
    const name = `page ${i + 1}`;
    const outcomes = page.words
      .map((w): WordOutcome => ({
        page: name,
        group: plan.options.style,
        kind: plan.kind,
        conditions: plan.conditions,
        font: page.fontFamily,
        phi: w.phi,
        type: w.type ?? '',
        ...measureWord(w, result, page),
      }))
      .filter((o) => !Number.isNaN(o.share));
    words.push(...outcomes);
    seconds.push(result.seconds);
    const phi = outcomes.filter((o) => o.phi);
    const plain = outcomes.filter((o) => !o.phi);
    pages.push([
      name,
      plan.options.style,
      `${page.width}×${page.height}`,
      `${page.fontFamily} ${page.fontSize}px`,
      conditionLabel(plan.options),
      num(outcomes.length),
      num(phi.length),
      pct(share(phi, fullyCovered)),
      pct(share(plain, leftUncovered)),
      pct(share(outcomes, (o) => o.read)),
      num(result.seconds, 1),
    ]);
    console.error(`eval:images: ${name} of ${plans.length} done (${num(result.seconds, 1)} s)`);
  }
  return { words, pages, seconds };
}

function conditionLabel(o: GeneratePageOptions): string {
  const parts = [
    ...(o.rotateDeg !== undefined ? [`rot ${num(o.rotateDeg, 1)}°`] : []),
    ...(o.jpegQuality !== undefined ? [`JPEG q${o.jpegQuality}`] : []),
    ...(o.noise ? [`noise σ${o.noise.sigma} blur ${o.noise.blur}`] : []),
  ];
  return [...(parts.length > 0 ? parts : ['PNG']), ...(o.turn ? [`turned ${o.turn}°`] : [])].join(' + ');
}
