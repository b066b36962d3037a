import { PAGE_KINDS } from './generatePage.ts';
import { TYPE_ORDER } from './imageEvalTables.ts';
import { meanPageSeconds, type ImageEvalRun } from './ImageEvalRun.ts';
import { PADDING_PX } from './imagePipeline.ts';
import { CONDITIONS } from './pagePlan.ts';
import { covered, fullyCovered, groupBy, leftUncovered, share, TARGETS, type WordOutcome } from './WordOutcome.ts';

/** A group's figures: counts and shares only. */
function figures(list: readonly WordOutcome[]) {
  return {
    pages: new Set(list.map((o) => o.page)).size,
    words: list.length,
    phiWords: list.filter((o) => o.phi).length,
    phiCovered: list.filter((o) => o.phi && covered(o)).length,
    phiCoveredShare:
      share(
        list.filter((o) => o.phi),
        covered,
      ) ?? null,
    phiFullyCovered:
      share(
        list.filter((o) => o.phi),
        fullyCovered,
      ) ?? null,
    nonPhiUncovered:
      share(
        list.filter((o) => !o.phi),
        leftUncovered,
      ) ?? null,
    ocrRead: share(list, (o) => o.read) ?? null,
  };
}

/** The figures `--json OUT` writes: the run's settings and each group's counts and shares, never a word's text. */
export function imageEvalJson(run: ImageEvalRun): object {
  const words = run.generated.words;
  const { shared } = run;
  const group = (list: readonly WordOutcome[], key: (o: WordOutcome) => string, order?: readonly string[]) =>
    Object.fromEntries(groupBy(list, key, order).map(([k, v]) => [k, figures(v)]));
  return {
    node: process.version,
    pages: run.count,
    seed: run.seed,
    fonts: run.usedFonts,
    turn: run.turn,
    minScore: run.minScore,
    paddingPx: PADDING_PX,
    secondsPerPage: meanPageSeconds(run),
    targets: TARGETS,
    overall: figures(words),
    byKind: group(words, (o) => o.kind, PAGE_KINDS),
    byStyle: group(words, (o) => o.group),
    byType: group(
      words.filter((o) => o.phi),
      (o) => o.type,
      TYPE_ORDER,
    ),
    byCondition: Object.fromEntries(
      CONDITIONS.map((c) => [c, words.filter((o) => o.conditions.includes(c))] as const)
        .filter(([, v]) => v.length > 0)
        .map(([k, v]) => [k, figures(v)]),
    ),
    byFont: group(words, (o) => o.font),
    shared: shared ? group(shared, (o) => o.group) : null,
  };
}
