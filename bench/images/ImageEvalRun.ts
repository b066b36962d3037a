import type { GeneratedRun } from './evalGenerated.ts';
import type { WordOutcome } from './WordOutcome.ts';

/** Everything one `npm run eval:images` measured, for the printed report and the JSON figures. */
export interface ImageEvalRun {
  count: number;
  seed: number;
  /** The --fonts option: dejavu or all. */
  fonts: string;
  turn: number;
  minScore: number;
  /** The font families the pages used, in plan order. */
  usedFonts: string[];
  generated: GeneratedRun;
  /** The shared radiographs' words; undefined when the folder is absent. */
  shared: WordOutcome[] | undefined;
  sharedDir: string;
  /** Wall-clock seconds of the whole run. */
  seconds: number;
}

/** Mean pipeline seconds of a generated page (0 with no pages). */
export function meanPageSeconds(run: ImageEvalRun): number {
  const { seconds } = run.generated;
  return seconds.length > 0 ? seconds.reduce((a, b) => a + b, 0) / seconds.length : 0;
}
