import { FindingsDocument, JobsDocument, type FindingsQuery, type JobsQuery } from '../../src/client/index.ts';
import type { Connection } from './connection.ts';
import { formatTime, h } from './dom.ts';
import type { ErrorBanner } from './errors.ts';
import { bucketFindings, chartWindowStart } from './chartData.ts';
import { findingsChart } from './findingsChart.ts';
import { countsList } from './jobCounts.ts';
import type { View } from './view.ts';

const JOBS_PAGE = 10;
const FINDINGS_PAGE = 100;
// The chart reads at most this many findings (50 pages); beyond, it says it shows the newest ones.
const MAX_CHART_FINDINGS = 5000;

type JobRow = JobsQuery['jobs']['items'][number];
type ChartFinding = FindingsQuery['findings']['items'][number];

/** History: the caller's jobs, newest first, 10 a page; and a chart of findings by type over time. */
export function createHistoryView(connection: Connection, errors: ErrorBanner, openJob: (id: string) => void): View {
  const tbody = h('tbody', {});
  const previous = h('button', { type: 'button', class: 'secondary', disabled: true }, 'Previous page');
  const next = h('button', { type: 'button', class: 'secondary', disabled: true }, 'Next page');
  const refresh = h('button', { type: 'button', class: 'secondary' }, 'Refresh');
  const pageInfo = h('p', { class: 'hint', 'aria-live': 'polite' });
  const chartHolder = h('div', { 'aria-busy': 'false' });
  const element = h(
    'section',
    { 'aria-labelledby': 'history-heading', 'data-view': 'history' },
    h('h2', { id: 'history-heading' }, 'History'),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        {},
        h('caption', {}, 'Past jobs'),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...['Created', 'Kind', 'Status', 'Findings'].map((name) => h('th', { scope: 'col' }, name)),
            h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Details')),
          ),
        ),
        tbody,
      ),
    ),
    h('div', { class: 'pager' }, previous, next, refresh),
    pageInfo,
    h('h3', {}, 'Findings by type over time'),
    chartHolder,
  );

  // The page shown: its own token (null: the first) and the tokens of the pages before it. Replaced only
  // once a load succeeds, so a failed one leaves the page number and the buttons true to the rows shown.
  let shownPage: JobsPage = { token: null, earlier: [] };
  let nextToken: string | null = null;
  let loading = 0;
  let charting = 0;

  const loadJobs = async (page: JobsPage) => {
    const mine = ++loading;
    try {
      const { jobs } = await connection.client.request(JobsDocument, {
        limit: JOBS_PAGE,
        ...(page.token ? { nextToken: page.token } : {}),
      });
      if (mine !== loading) return;
      shownPage = page;
      nextToken = jobs.nextToken;
      tbody.replaceChildren(...(jobs.items.length > 0 ? jobs.items.map((job) => jobRow(job, openJob)) : [emptyRow()]));
      previous.disabled = page.earlier.length === 0;
      next.disabled = !nextToken;
      pageInfo.textContent = `Page ${page.earlier.length + 1}`;
    } catch (error) {
      if (mine === loading) errors.show(error);
    }
  };

  const loadChart = async () => {
    // Only the newest load draws: an older one finishing last would show stale bars.
    const mine = ++charting;
    chartHolder.setAttribute('aria-busy', 'true');
    try {
      const findings = await recentFindings(connection);
      if (mine !== charting) return;
      chartHolder.replaceChildren(
        findingsChart(bucketFindings(findings)),
        ...(findings.length >= MAX_CHART_FINDINGS
          ? [h('p', { class: 'note' }, `Only the newest ${MAX_CHART_FINDINGS} findings are charted.`)]
          : []),
      );
    } catch (error) {
      if (mine === charting) errors.show(error);
    } finally {
      if (mine === charting) chartHolder.setAttribute('aria-busy', 'false');
    }
  };

  next.addEventListener('click', () => {
    if (!nextToken) return;
    void loadJobs({ token: nextToken, earlier: [...shownPage.earlier, shownPage.token] });
  });
  previous.addEventListener('click', () => {
    const { earlier } = shownPage;
    if (earlier.length === 0) return;
    void loadJobs({ token: earlier.at(-1) ?? null, earlier: earlier.slice(0, -1) });
  });
  refresh.addEventListener('click', () => {
    void loadJobs({ token: null, earlier: [] });
    void loadChart();
  });

  return {
    element,
    show: () => {
      if (!connection.connected) return;
      // Each visit shows the current page afresh (new jobs may have arrived); the chart too.
      void loadJobs(shownPage);
      void loadChart();
    },
  };
}

/** A page of the jobs list: its nextToken (null for the first page) and those of the pages before it. */
interface JobsPage {
  token: string | null;
  earlier: readonly (string | null)[];
}

function jobRow(job: JobRow, openJob: (id: string) => void): HTMLTableRowElement {
  const open = h(
    'button',
    { type: 'button', class: 'secondary', 'aria-label': `Open job ${job.id.slice(0, 8)}` },
    'Open',
  );
  open.addEventListener('click', () => openJob(job.id));
  return h(
    'tr',
    { 'data-job-id': job.id },
    h('td', {}, h('time', { datetime: job.createdAt }, formatTime(job.createdAt))),
    h('td', {}, job.kind),
    h('td', {}, job.status),
    h('td', {}, countsList(job.findingCounts, job.findingCount)),
    h('td', {}, open),
  );
}

function emptyRow(): HTMLTableRowElement {
  return h('tr', {}, h('td', { colspan: 5 }, 'No jobs yet: mask a note or an image.'));
}

/** The caller's findings of the last 7 days, newest first, up to MAX_CHART_FINDINGS. */
async function recentFindings(connection: Connection): Promise<ChartFinding[]> {
  const filter = { createdAfter: chartWindowStart().toISOString() };
  const findings: ChartFinding[] = [];
  let token: string | null = null;
  do {
    const page: FindingsQuery = await connection.client.request(FindingsDocument, {
      filter,
      limit: FINDINGS_PAGE,
      ...(token ? { nextToken: token } : {}),
    });
    findings.push(...page.findings.items);
    token = page.findings.nextToken;
  } while (token && findings.length < MAX_CHART_FINDINGS);
  return findings;
}
