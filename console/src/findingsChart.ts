import type { ChartData } from './chartData.ts';
import { h, svg } from './dom.ts';
import { PHI_TYPES_SHOWN, type PhiType } from './phiTypes.ts';
import { typeLegend } from './typeLegend.ts';

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 12, right: 8, bottom: 44, left: 40 };

/** A stacked bar chart in SVG, drawn by hand, with a legend and the numbers as a table for screen readers. */
export function findingsChart(data: ChartData): HTMLElement {
  const summary =
    data.total === 0
      ? 'No findings in the last 7 days.'
      : `${data.total} ${data.total === 1 ? 'finding' : 'findings'} ${data.unit === 'hour' ? 'in the last 24 hours, by hour' : 'in the last 7 days, by day'}.`;
  const types = PHI_TYPES_SHOWN.filter((type) => data.buckets.some((b) => b.counts[type]));
  return h(
    'figure',
    { class: 'chart', 'aria-label': 'Findings by type over time' },
    chartSvg(data, summary),
    typeLegend(types.length > 0 ? types : PHI_TYPES_SHOWN, 'Chart legend'),
    h('figcaption', {}, summary),
    dataTable(data, types),
  );
}

function chartSvg(data: ChartData, summary: string): SVGSVGElement {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = niceCeiling(Math.max(1, ...data.buckets.map((b) => b.total)));
  const band = plotWidth / Math.max(1, data.buckets.length);
  const y = (value: number) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  const labelEvery = data.buckets.length > 12 ? 3 : 1;
  const parts: SVGElement[] = [];
  for (const tick of [0, max / 2, max]) {
    parts.push(
      svg('line', {
        class: 'axis',
        x1: MARGIN.left,
        x2: WIDTH - MARGIN.right,
        y1: y(tick),
        y2: y(tick),
        'stroke-opacity': tick === 0 ? 1 : 0.3,
      }),
    );
    parts.push(svg('text', { x: MARGIN.left - 6, y: y(tick) + 4, 'text-anchor': 'end' }, formatTick(tick)));
  }
  data.buckets.forEach((bucket, i) => {
    const x = MARGIN.left + i * band + band * 0.15;
    let stacked = 0;
    for (const type of PHI_TYPES_SHOWN) {
      const count = bucket.counts[type] ?? 0;
      if (count === 0) continue;
      parts.push(
        svg(
          'rect',
          { 'data-type': type, x, width: band * 0.7, y: y(stacked + count), height: y(stacked) - y(stacked + count) },
          svg('title', {}, `${type}: ${count} (${bucket.label})`),
        ),
      );
      stacked += count;
    }
    if (i % labelEvery === 0)
      parts.push(
        svg(
          'text',
          { x: MARGIN.left + i * band + band / 2, y: HEIGHT - MARGIN.bottom + 16, 'text-anchor': 'middle' },
          bucket.label,
        ),
      );
  });
  return svg(
    'svg',
    { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': summary },
    svg('title', {}, summary),
    ...parts,
  );
}

function dataTable(data: ChartData, types: readonly PhiType[]): HTMLElement {
  return h(
    'details',
    {},
    h('summary', {}, 'Chart data as a table'),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        {},
        h('caption', {}, `Findings by ${data.unit} and type`),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, data.unit === 'hour' ? 'Hour' : 'Day'),
            ...types.map((t) => h('th', { scope: 'col' }, t)),
            h('th', { scope: 'col' }, 'Total'),
          ),
        ),
        h(
          'tbody',
          {},
          ...data.buckets.map((b) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, b.label),
              ...types.map((t) => h('td', {}, b.counts[t] ?? 0)),
              h('td', {}, b.total),
            ),
          ),
        ),
      ),
    ),
  );
}

/** 1, 2, 5 times a power of ten, at least `value`, and even so the middle grid line is a whole number. */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return Math.max(2, step * power);
  return 10 * power;
}

function formatTick(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
