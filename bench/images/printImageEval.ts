import { num, pct, table } from '../table.ts';
import { ALL_PAGE_STYLES, PAGE_KINDS, type PageStyle } from './generatePage.ts';
import { missTable, spilledTable, summaryHeader, summaryRow, TYPE_ORDER } from './imageEvalTables.ts';
import { meanPageSeconds, type ImageEvalRun } from './ImageEvalRun.ts';
import { PADDING_PX } from './imagePipeline.ts';
import { CONDITIONS, FORM_ORDER, VARIANT_LABEL } from './pagePlan.ts';
import {
  covered,
  fullyCovered,
  groupBy,
  leftUncovered,
  share,
  TARGETS,
  verdict,
  type WordOutcome,
} from './WordOutcome.ts';

type Worst = readonly [string, number | undefined] | undefined;

/** The kind of page with the lowest share (kinds without PHI words left out). */
function worstOf(shares: readonly (readonly [string, number | undefined])[]): Worst {
  return shares.reduce<Worst>(
    (w, k) => (k[1] !== undefined && (w?.[1] === undefined || k[1] < w[1]) ? k : w),
    undefined,
  );
}

/** Prints the report of a run as Markdown on stdout: counts and shares only, never a word's text. */
export function printImageEval(run: ImageEvalRun): void {
  printTargets(run);
  printBreakdowns(run.generated.words, run.usedFonts);
  console.log('\n### Pages\n');
  console.log(
    table(
      [
        'page',
        'style',
        'size',
        'font',
        'condition',
        'words',
        'PHI words',
        'PHI covered %',
        'non-PHI intact %',
        'OCR read %',
        'seconds',
      ],
      run.generated.pages,
      ['l', 'l', 'r', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  console.log(`\nWhy missed: *partly covered* = a fill reaches the word but leaves > 2 % of its pixels; *not found by OCR* = no OCR
word at it; *misread* = OCR read other letters there and nothing was detected; *read correctly, not detected* = the
detector (or its type and score filters) passed over it. Shares are of pixels of the true ink box (rotated with the page).
The last column re-measures partly covered words with every fill grown by 2 px along its edges' normals (a diagnostic,
not what the product does).`);
  printShared(run);
  const pageSeconds = meanPageSeconds(run);
  console.log(
    `\nTotal time ${num(run.seconds, 1)} s (${num(pageSeconds, 2)} s a generated page in the pipeline, generation not included).`,
  );
}

function printTargets(run: ImageEvalRun): void {
  const words = run.generated.words;
  const phi = words.filter((o) => o.phi);
  const plain = words.filter((o) => !o.phi);
  const byKind = groupBy(words, (o) => o.kind, PAGE_KINDS);
  const worst = worstOf(
    byKind.map(
      ([name, list]) =>
        [
          name,
          share(
            list.filter((o) => o.phi),
            fullyCovered,
          ),
        ] as const,
    ),
  );
  const worstCovered = worstOf(
    byKind.map(
      ([name, list]) =>
        [
          name,
          share(
            list.filter((o) => o.phi),
            covered,
          ),
        ] as const,
    ),
  );
  console.log(
    `## Image masking on generated pages (${run.count} pages, seed ${run.seed}, fonts ${run.fonts}, turn ${run.turn}°, minScore ${run.minScore}, padding ${PADDING_PX} px, ${process.version})\n`,
  );
  console.log(`Font families used (${run.usedFonts.length}): ${run.usedFonts.join(', ')}.\n`);
  console.log(
    table(
      ['measure', 'value', 'target', 'met'],
      [
        [
          "PHI words covered (>= 90 % of the outline: issue 12's measure)",
          `${pct(share(phi, covered))} % (${num(phi.filter(covered).length)} of ${num(phi.length)})`,
          `>= ${TARGETS.phi * 100} %`,
          verdict(share(phi, covered), TARGETS.phi),
        ],
        [
          'worst kind of page, PHI words covered (>= 90 %)',
          worstCovered ? `${pct(worstCovered[1])} % (${worstCovered[0]})` : '–',
          `>= ${TARGETS.everyKind * 100} % each`,
          verdict(worstCovered?.[1], TARGETS.everyKind),
        ],
        [
          'PHI words fully covered (>= 98 %: stricter)',
          `${pct(share(phi, fullyCovered))} % (${num(phi.filter(fullyCovered).length)} of ${num(phi.length)})`,
          `>= ${TARGETS.phi * 100} %`,
          verdict(share(phi, fullyCovered), TARGETS.phi),
        ],
        [
          'worst kind of page, PHI words fully covered (>= 98 %)',
          worst ? `${pct(worst[1])} % (${worst[0]})` : '–',
          `>= ${TARGETS.everyKind * 100} % each`,
          verdict(worst?.[1], TARGETS.everyKind),
        ],
        [
          'non-PHI words left intact (<= 10 % covered)',
          `${pct(share(plain, leftUncovered))} % (${num(plain.filter(leftUncovered).length)} of ${num(plain.length)})`,
          `>= ${TARGETS.nonPhi * 100} %`,
          verdict(share(plain, leftUncovered), TARGETS.nonPhi),
        ],
        [
          'OCR word recall (same letters and digits, at the word)',
          `${pct(share(words, (o) => o.read))} % of ${num(words.length)}`,
          '',
          '',
        ],
        ['OCR words located (any text, at the word)', `${pct(share(words, (o) => o.located))} %`, '', ''],
        ['pipeline seconds per page (mean)', num(meanPageSeconds(run), 2), '', ''],
      ],
    ),
  );
}

function printBreakdowns(words: readonly WordOutcome[], usedFonts: readonly string[]): void {
  console.log("\n### Per kind of page (and the registration form's layouts)\n");
  const byKind = groupBy(words, (o) => o.kind, PAGE_KINDS);
  const variants = groupBy(
    words.filter((o) => o.kind === 'form'),
    (o) => VARIANT_LABEL[o.group as PageStyle] ?? o.group,
    FORM_ORDER.map((v) => VARIANT_LABEL[v] as string),
  );
  console.log(
    table(summaryHeader(TARGETS.everyKind), [
      ...byKind.map(([name, list]) => summaryRow(name, list, TARGETS.everyKind)),
      ...variants.map(([name, list]) => summaryRow(`  ${name}`, list, TARGETS.everyKind)),
      summaryRow('all', words, TARGETS.phi),
    ]),
  );
  console.log('\n### PHI words per type, and why the missed ones were missed\n');
  console.log(missTable(words, (o) => o.type, TYPE_ORDER));
  console.log('\n### Per condition (a page can be in several; rows overlap)\n');
  console.log(
    table(
      summaryHeader(),
      CONDITIONS.map((c) => [c, words.filter((o) => o.conditions.includes(c))] as const)
        .filter(([, list]) => list.length > 0)
        .map(([name, list]) => summaryRow(name, list)),
    ),
  );
  console.log('\n### Per font family\n');
  console.log(
    table(
      summaryHeader(),
      groupBy(words, (o) => o.font, usedFonts).map(([name, list]) => summaryRow(name, list)),
    ),
  );
  console.log('\n### PHI words per style, and why the missed ones were missed\n');
  console.log(missTable(words, (o) => o.group, ALL_PAGE_STYLES));
  console.log('\n### Non-PHI words covered, per style\n');
  console.log(spilledTable(words));
}

function printShared({ shared, sharedDir }: ImageEvalRun): void {
  if (!shared) {
    console.log(`\nShared radiographs skipped: ${sharedDir} not found (pass --shared DIR to include them).`);
    return;
  }
  console.log(`\n## Shared radiographs (${sharedDir}; only PHI boxes are known, ground truth shifted by −25 px)\n`);
  console.log(
    table(
      ['image', 'boxes', 'fully covered %', 'OCR read %', 'OCR located %'],
      groupBy(shared, (o) => o.group).map(([name, list]) => [
        name,
        num(list.length),
        pct(share(list, fullyCovered)),
        pct(share(list, (o) => o.read)),
        pct(share(list, (o) => o.located)),
      ]),
    ),
  );
  console.log('');
  console.log(missTable(shared, (o) => o.type));
  const real = shared.filter((o) => !o.type.startsWith('sex'));
  console.log(
    `\nWithout the sex markers: ${pct(share(real, fullyCovered))} % of ${num(real.length)} names and dates fully covered.`,
  );
}
