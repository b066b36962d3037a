import { formatScore, h } from './dom.ts';
import type { MaskedSegment, TextFinding } from './maskLocally.ts';

/** "NAME · 0.93": a finding's label in titles and tables. */
export function findingLabel(finding: { type: string; score: number }): string {
  return `${finding.type} · ${formatScore(finding.score)}`;
}

/**
 * The original text with one <mark> per finding (`shown` sorted by begin, longest first). A finding inside
 * another nests in its mark; one that overlaps another's end is cut at that end, so the marks stay a tree.
 * Each mark ends with a visually hidden "(NAME, score 0.93)", so a screen reader hears the type and score
 * that sighted users get from the colour and the tooltip.
 */
export function markFindings(text: string, shown: readonly TextFinding[]): DocumentFragment {
  const root = document.createDocumentFragment();
  const open: { element: ParentNode; end: number; finding?: TextFinding }[] = [{ element: root, end: text.length }];
  let position = 0;
  const top = () => open[open.length - 1] as { element: ParentNode; end: number; finding?: TextFinding };
  const closeTop = () => {
    const closing = top();
    closing.element.append(text.slice(position, closing.end));
    if (closing.finding) closing.element.append(spokenLabel(closing.finding));
    position = closing.end;
    open.pop();
  };
  for (const finding of shown) {
    const begin = finding.beginOffset ?? 0;
    while (open.length > 1 && top().end <= begin) closeTop();
    const end = Math.min(finding.endOffset ?? 0, top().end);
    if (begin < position || begin >= end) continue;
    top().element.append(text.slice(position, begin));
    position = begin;
    const mark = h('mark', {
      'data-type': finding.type,
      'data-score': formatScore(finding.score),
      title: findingLabel(finding),
    });
    top().element.append(mark);
    open.push({ element: mark, end, finding });
  }
  while (open.length > 1) closeTop();
  root.append(text.slice(position));
  return root;
}

/** " (NAME, score 0.93)" for screen readers only (class visually-hidden in styles.css). */
function spokenLabel(finding: { type: string; score: number }): HTMLElement {
  return h('span', { class: 'visually-hidden' }, ` (${finding.type}, score ${formatScore(finding.score)})`);
}

/** The masked text, each replaced span tinted by its type. */
export function renderMaskedSegments(segments: readonly MaskedSegment[]): DocumentFragment {
  const root = document.createDocumentFragment();
  for (const segment of segments) {
    root.append(
      segment.span
        ? h(
            'span',
            { class: 'masked', 'data-type': segment.span.type, title: findingLabel(segment.span) },
            segment.text,
          )
        : segment.text,
    );
  }
  return root;
}
