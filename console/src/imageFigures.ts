import type { FindingFieldsFragment } from '../../src/client/index.ts';
import { formatScore, h, svg } from './dom.ts';
import { findingLabel } from './highlight.ts';

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/tiff': 'tif',
  'image/webp': 'webp',
};

/** The original image with one outlined box per finding, drawn in ratios of the image (viewBox 0 0 1 1). */
export function originalFigure(
  source: string,
  findings: readonly FindingFieldsFragment[],
  caption: string,
): HTMLElement {
  const boxes = findings.filter((f) => f.boundingBox);
  const overlay = svg(
    'svg',
    {
      viewBox: '0 0 1 1',
      preserveAspectRatio: 'none',
      'data-testid': 'finding-boxes',
      'aria-hidden': 'true',
      focusable: 'false',
    },
    ...boxes.map((f) => {
      const box = f.boundingBox as NonNullable<FindingFieldsFragment['boundingBox']>;
      return svg(
        'rect',
        {
          class: 'finding-box',
          'data-type': f.type,
          'data-score': formatScore(f.score),
          x: box.left,
          y: box.top,
          width: box.width,
          height: box.height,
          'vector-effect': 'non-scaling-stroke',
        },
        svg('title', {}, findingLabel(f)),
      );
    }),
  );
  return h(
    'figure',
    {},
    h('div', { class: 'image-stack' }, h('img', { src: source, alt: 'Original image' }), overlay),
    h('figcaption', {}, caption),
  );
}

/** The masked image as the API stored it (a presigned GET URL). */
export function maskedFigure(url: string, caption: string): HTMLElement {
  return h('figure', {}, h('img', { src: url, alt: 'Masked image' }), h('figcaption', {}, caption));
}

/**
 * "Download masked image": the bytes are fetched into a blob so the link can carry a file name (a
 * cross-origin link ignores `download`). If the store does not allow that fetch, the link opens the URL.
 */
export async function downloadLink(
  url: string,
  contentType: string,
  track: (objectUrl: string) => void,
): Promise<HTMLAnchorElement> {
  const name = `masked.${EXTENSIONS[contentType] ?? 'img'}`;
  try {
    const response = await fetch(url, { credentials: 'omit' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const objectUrl = URL.createObjectURL(await response.blob());
    track(objectUrl);
    return h('a', { href: objectUrl, download: name, class: 'button' }, 'Download masked image');
  } catch {
    return h('a', { href: url, download: name, class: 'button', rel: 'noopener noreferrer' }, 'Download masked image');
  }
}

/** Findings as a table: type, score, and where (text offsets or the box in pixels and ratios). */
export function findingsTable(findings: readonly FindingFieldsFragment[], caption = 'Findings'): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      {},
      h('caption', {}, `${caption} (${findings.length})`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Type'),
          h('th', { scope: 'col' }, 'Score'),
          h('th', { scope: 'col' }, 'Where'),
        ),
      ),
      h(
        'tbody',
        {},
        ...findings.map((f) =>
          h('tr', {}, h('td', {}, f.type), h('td', {}, formatScore(f.score)), h('td', {}, whereOf(f))),
        ),
      ),
    ),
  );
}

function whereOf(finding: FindingFieldsFragment): string {
  if (finding.beginOffset !== null && finding.endOffset !== null)
    return `characters ${finding.beginOffset}–${finding.endOffset}`;
  const box = finding.pixelBox ?? finding.boundingBox;
  if (!box) return '';
  const unit = finding.pixelBox ? 'px' : '';
  const n = (value: number) => (finding.pixelBox ? String(Math.round(value)) : value.toFixed(3));
  return `box left ${n(box.left)}${unit}, top ${n(box.top)}${unit}, ${n(box.width)}×${n(box.height)}${unit}`;
}
