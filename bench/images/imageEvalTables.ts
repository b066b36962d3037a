import { num, pct, table } from '../table.ts';
import { FULL_COVER, LEFT_UNCOVERED } from './coverage.ts';
import { ALL_PAGE_STYLES } from './generatePage.ts';
import { covered, fullyCovered, groupBy, leftUncovered, share, verdict, type WordOutcome } from './WordOutcome.ts';

/** The PHI types issue 12 reports, in its order; any other type follows. */
export const TYPE_ORDER = ['URL', 'EMAIL', 'AGE', 'PROFESSION', 'ADDRESS', 'NAME', 'DATE', 'ID', 'PHONE_OR_FAX'];

const MISS_REASONS = [
  'partly covered',
  'not found by OCR',
  'misread by OCR, not detected',
  'read correctly, not detected',
];

/** Why a PHI word is not fully covered, in the order the pipeline would have lost it. */
function missReason(o: WordOutcome): string {
  if (o.share > LEFT_UNCOVERED) return 'partly covered';
  if (!o.located) return 'not found by OCR';
  if (!o.read) return 'misread by OCR, not detected';
  return 'read correctly, not detected';
}

/** A row of the summary tables; with a target, whether the group's PHI words meet it. */
export function summaryRow(name: string, words: readonly WordOutcome[], target?: number): string[] {
  const phi = words.filter((o) => o.phi);
  const plain = words.filter((o) => !o.phi);
  const coveredShare90 = share(phi, covered);
  return [
    name,
    num(new Set(words.map((o) => o.page)).size),
    num(words.length),
    num(phi.length),
    num(phi.filter(covered).length),
    pct(coveredShare90),
    ...(target === undefined ? [] : [verdict(coveredShare90, target)]),
    pct(share(phi, fullyCovered)),
    num(plain.length),
    pct(share(plain, leftUncovered)),
    pct(share(words, (o) => o.read)),
    pct(share(words, (o) => o.located)),
  ];
}

export const summaryHeader = (target?: number): string[] => [
  '',
  'pages',
  'words',
  'PHI words',
  'PHI covered (>= 90 %)',
  'PHI covered %',
  ...(target === undefined ? [] : [`>= ${target * 100} %`]),
  'fully covered (>= 98 %) %',
  'non-PHI words',
  'non-PHI intact %',
  'OCR read %',
  'OCR located %',
];

/** PHI words per group, and why the missed ones were missed. */
export function missTable(
  words: readonly WordOutcome[],
  key: (o: WordOutcome) => string,
  order?: readonly string[],
): string {
  const phiWords = words.filter((o) => o.phi);
  const missed = phiWords.filter((o) => !fullyCovered(o));
  return table(
    [
      '',
      'PHI words',
      'of all PHI %',
      'covered',
      'fully covered %',
      'missed',
      ...MISS_REASONS,
      'partly: full if fills 2 px larger',
    ],
    groupBy(phiWords, key, order).map(([name, list]) => {
      const mine = missed.filter((o) => key(o) === name);
      return [
        name,
        num(list.length),
        pct(list.length / phiWords.length),
        num(list.filter(fullyCovered).length),
        pct(share(list, fullyCovered)),
        num(mine.length),
        ...MISS_REASONS.map((r) => num(mine.filter((o) => missReason(o) === r).length)),
        num(mine.filter((o) => missReason(o) === 'partly covered' && o.grownShare >= FULL_COVER).length),
      ];
    }),
  );
}

/** Non-PHI words the fills reach, per style. */
export function spilledTable(words: readonly WordOutcome[]): string {
  const spilled = words.filter((o) => !o.phi && !leftUncovered(o));
  return table(
    [
      'style',
      'non-PHI words',
      'covered > 10 %',
      'covered >= 90 % (masked as a word)',
      "covered 10-90 % (a neighbour's fill)",
    ],
    groupBy(
      words.filter((o) => !o.phi),
      (o) => o.group,
      ALL_PAGE_STYLES,
    ).map(([name, list]) => {
      const mine = spilled.filter((o) => o.group === name);
      return [
        name,
        num(list.length),
        num(mine.length),
        num(mine.filter((o) => o.share >= 0.9).length),
        num(mine.filter((o) => o.share < 0.9).length),
      ];
    }),
  );
}
