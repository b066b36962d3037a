import type { Connection } from './connection.ts';
import { formatTime, h } from './dom.ts';
import type { ErrorBanner } from './errors.ts';
import { readJob, type JobWithFindings } from './followJob.ts';
import { findingsTable, maskedFigure } from './imageFigures.ts';
import { countsList } from './jobCounts.ts';
import type { View } from './view.ts';

/** #job/<id>: one past job, its counts and its findings; an image job's masked image. */
export function createJobView(connection: Connection, errors: ErrorBanner, back: () => void): View {
  const region = h('section', {
    role: 'region',
    'aria-label': 'Job details',
    'data-testid': 'job-details',
    tabindex: -1,
  });
  const backButton = h('button', { type: 'button', class: 'secondary' }, 'Back to history');
  backButton.addEventListener('click', back);
  const element = h('div', { 'data-view': 'job' }, h('h2', {}, 'Job'), backButton, region);
  let shown = 0;

  return {
    element,
    show: (id) => {
      const mine = ++shown;
      region.replaceChildren(h('p', {}, 'Loading…'));
      if (!id || !connection.connected) {
        region.replaceChildren(
          h('p', {}, connection.connected ? 'No job id in the address.' : 'Connect to see this job.'),
        );
        return;
      }
      readJob(connection.client, id).then(
        (job) => {
          if (mine !== shown) return;
          region.replaceChildren(...jobDetails(job));
          region.focus();
        },
        (error: unknown) => {
          if (mine !== shown) return;
          region.replaceChildren(h('p', {}, 'This job could not be read.'));
          errors.show(error);
        },
      );
    },
  };
}

function jobDetails(job: JobWithFindings): Node[] {
  const options = job.options;
  const nodes: Node[] = [
    h('h3', {}, `${job.kind === 'IMAGE' ? 'Image' : 'Text'} job ${job.id.slice(0, 8)}`),
    h(
      'dl',
      { class: 'details' },
      h('dt', {}, 'Job id'),
      h('dd', {}, h('code', {}, job.id)),
      h('dt', {}, 'Status'),
      h('dd', { 'data-testid': 'job-status' }, job.status),
      h('dt', {}, 'Kind'),
      h('dd', {}, job.kind),
      h('dt', {}, 'Created'),
      h('dd', {}, h('time', { datetime: job.createdAt }, formatTime(job.createdAt))),
      h('dt', {}, 'Updated'),
      h('dd', {}, h('time', { datetime: job.updatedAt }, formatTime(job.updatedAt))),
      h('dt', {}, 'Findings'),
      h('dd', {}, countsList(job.findingCounts, job.findingCount)),
      h('dt', {}, 'Options'),
      h(
        'dd',
        {},
        `minimum score ${options.minScore}, ${options.types.length === 9 ? 'all types' : options.types.join(', ')}, ${options.style}${options.maskCareUnits ? ', care units masked' : ''}`,
      ),
    ),
  ];
  if (job.error) nodes.push(h('p', { class: 'error' }, `${job.error.code}: ${job.error.message}`));
  for (const warning of job.warnings ?? []) nodes.push(h('p', { class: 'note' }, warning));
  if (job.kind === 'IMAGE' && job.maskedImage?.url)
    nodes.push(maskedFigure(job.maskedImage.url, `Masked image, ${job.maskedImage.width}×${job.maskedImage.height}`));
  if (job.kind === 'TEXT' && job.maskedText !== null)
    nodes.push(h('h4', {}, 'Masked text'), h('pre', { class: 'text-output' }, job.maskedText));
  nodes.push(findingsTable(job.findings.items));
  return nodes;
}
