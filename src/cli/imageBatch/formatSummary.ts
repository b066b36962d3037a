/** What a batch did, in counts and file names only. */
export interface BatchSummary {
  /** Images found and attempted. */
  pages: number;
  masked: number;
  /** `path: reason`, one per page or input that failed. */
  failures: readonly string[];
  /** Files passed over (not images). */
  skipped: number;
  /** Words filled over, on all pages. */
  wordsCovered: number;
  /** Findings (a name or an address may cover several words) by PHI type. */
  findingsByType: Readonly<Record<string, number>>;
  /** `path: warning`. */
  warnings: readonly string[];
  seconds: number;
}

/**
 * The end-of-run report on stderr: a small aligned table, then the warnings and failures by file.
 *
 *   hdm: 3 pages in 4.2 s (1.40 s a page)
 *     masked          2
 *     failed          1
 *     skipped         1  not images
 *     words covered  41
 *     PHI found      23  NAME 9, DATE 6, ID 4, ADDRESS 4
 *   failed:
 *     scans/torn.png: the image could not be decoded (corrupt, truncated or unsupported)
 */
export function formatSummary(s: BatchSummary): string {
  const perPage = s.pages > 0 ? ` (${(s.seconds / s.pages).toFixed(2)} s a page)` : '';
  const found = Object.values(s.findingsByType).reduce((sum, n) => sum + n, 0);
  const rows: [string, number, string][] = [
    ['masked', s.masked, ''],
    ['failed', s.failures.length, ''],
    ['skipped', s.skipped, s.skipped > 0 ? 'not images' : ''],
    ['words covered', s.wordsCovered, ''],
    ['PHI found', found, byType(s.findingsByType)],
  ];
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const numberWidth = Math.max(...rows.map(([, n]) => String(n).length));
  const lines = [`hdm: ${s.pages} ${s.pages === 1 ? 'page' : 'pages'} in ${s.seconds.toFixed(1)} s${perPage}`];
  for (const [label, n, note] of rows)
    lines.push(`  ${label.padEnd(labelWidth)}  ${String(n).padStart(numberWidth)}${note ? `  ${note}` : ''}`);
  if (s.warnings.length > 0) lines.push('warnings:', ...s.warnings.map((w) => `  ${w}`));
  if (s.failures.length > 0) lines.push('failed:', ...s.failures.map((f) => `  ${f}`));
  return lines.join('\n') + '\n';
}

/** "NAME 9, DATE 6": most frequent first, ties by name. */
function byType(counts: Readonly<Record<string, number>>): string {
  return Object.entries(counts)
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))
    .map(([type, n]) => `${type} ${n}`)
    .join(', ');
}
