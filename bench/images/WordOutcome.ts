import { COVER, FULL_COVER, LEFT_UNCOVERED } from './coverage.ts';

/** One true word's outcome in `npm run eval:images`: no text kept, only what it was and what happened to it. */
export interface WordOutcome {
  page: string;
  /** The page's style (a form variant is its own style), or the shared image's name. */
  group: string;
  kind: string;
  conditions: string[];
  font: string;
  phi: boolean;
  type: string;
  share: number;
  /** The share if every fill were 2 px larger on each side: tells "a pixel short" from other misses. */
  grownShare: number;
  located: boolean;
  read: boolean;
}

/** Issue 12's targets: all PHI words covered, every kind of page, non-PHI words left intact. */
export const TARGETS = { phi: 0.97, everyKind: 0.93, nonPhi: 0.95 } as const;

export const fullyCovered = (o: WordOutcome): boolean => o.share >= FULL_COVER;
export const covered = (o: WordOutcome): boolean => o.share >= COVER;
export const leftUncovered = (o: WordOutcome): boolean => o.share <= LEFT_UNCOVERED;

/** The share of `words` that pass `test`; undefined when there are none. */
export function share(words: readonly WordOutcome[], test: (o: WordOutcome) => boolean): number | undefined {
  return words.length === 0 ? undefined : words.filter(test).length / words.length;
}

/** Words grouped by `key`, groups in `order` first, then in order of appearance; empty groups left out. */
export function groupBy(
  words: readonly WordOutcome[],
  key: (o: WordOutcome) => string,
  order?: readonly string[],
): [string, WordOutcome[]][] {
  const groups = new Map<string, WordOutcome[]>();
  for (const name of order ?? []) groups.set(name, []);
  for (const o of words) groups.set(key(o), [...(groups.get(key(o)) ?? []), o]);
  return [...groups].filter(([, list]) => list.length > 0);
}

export function verdict(value: number | undefined, target: number): string {
  return value === undefined ? '–' : value >= target ? 'yes' : 'no';
}
