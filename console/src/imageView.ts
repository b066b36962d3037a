import { CreateImageUploadDocument, MaskImageDocument } from '../../src/client/index.ts';
import type { Connection } from './connection.ts';
import { h } from './dom.ts';
import type { ErrorBanner } from './errors.ts';
import { followJob, type JobStatus, type JobWithFindings } from './followJob.ts';
import { downloadLink, findingsTable, maskedFigure, originalFigure } from './imageFigures.ts';
import type { View } from './view.ts';

const ACCEPTED = ['image/png', 'image/jpeg', 'image/tiff', 'image/webp'];

/** The file is not one of the four image types the API takes. */
export class UnsupportedFileError extends Error {
  override readonly name = 'UnsupportedFileError';
  constructor() {
    super('UNSUPPORTED_IMAGE: choose a PNG, JPEG, TIFF or WebP image');
  }
}

/** The presigned PUT did not store the image. */
export class UploadFailedError extends Error {
  override readonly name = 'UploadFailedError';
  constructor(status: number) {
    super(`The upload was refused (HTTP ${status})`);
  }
}

/**
 * Images: upload through createImageUpload's presigned URL, maskImage on it, follow the job live over the
 * real-time subscription, then the original with the finding boxes beside the masked image.
 */
export function createImageView(connection: Connection, errors: ErrorBanner): View {
  const fileInput = h('input', { id: 'image-file', type: 'file', accept: ACCEPTED.join(',') });
  const dropZone = h(
    'button',
    { type: 'button', class: 'drop-zone', 'aria-describedby': 'drop-hint' },
    'Drop an image here, or press to choose one',
  );
  const status = h('span', { role: 'status', 'data-testid': 'image-job-status', class: 'status-line' }, '');
  const results = h('div', { class: 'two-col image-results' });
  const details = h('div', {});
  const element = h(
    'section',
    { 'aria-labelledby': 'images-heading', 'data-view': 'images' },
    h('h2', { id: 'images-heading' }, 'Images'),
    dropZone,
    h(
      'p',
      { id: 'drop-hint', class: 'hint' },
      "PNG, JPEG, TIFF or WebP, up to 20 MiB. It is uploaded to the API's store with a presigned URL, then masked by a job whose status arrives live.",
    ),
    h('label', { for: 'image-file' }, 'Image file'),
    fileInput,
    h('p', {}, 'Job status: ', status),
    results,
    details,
  );

  let objectUrls: string[] = [];
  let runNumber = 0;
  // The job the shown upload follows: a newer file stops it (its subscription ends, its polling stops).
  let following: AbortController | undefined;
  const track = (url: string) => void objectUrls.push(url);

  const run = async (file: File) => {
    const mine = ++runNumber;
    following?.abort();
    const controller = new AbortController();
    following = controller;
    for (const url of objectUrls) URL.revokeObjectURL(url);
    objectUrls = [];
    results.replaceChildren();
    details.replaceChildren();
    errors.clear();
    status.textContent = '';
    // Checked after every await: an older upload that finishes late must not touch a newer one's results.
    const current = () => mine === runNumber;
    const showStatus = (next: JobStatus) => void (current() && (status.textContent = next));
    try {
      if (!ACCEPTED.includes(file.type)) throw new UnsupportedFileError();
      const client = connection.client;
      const original = URL.createObjectURL(file);
      track(original);
      results.append(originalFigure(original, [], 'Original image'));
      status.textContent = 'UPLOADING';
      const { createImageUpload: upload } = await client.request(CreateImageUploadDocument, {
        contentType: file.type,
        contentLength: file.size,
      });
      if (!current()) return;
      const put = await fetch(upload.url, {
        method: 'PUT',
        headers: { 'content-type': file.type },
        body: file,
        credentials: 'omit',
      });
      if (!current()) return;
      if (!put.ok) throw new UploadFailedError(put.status);
      const job = await followJob(
        client,
        async () =>
          (await client.request(MaskImageDocument, { input: { s3: { bucket: upload.bucket, key: upload.key } } }))
            .maskImage,
        showStatus,
        { signal: controller.signal },
      );
      if (!current()) return;
      await showResult(job, original, current);
    } catch (error) {
      if (!current()) return;
      if (status.textContent === 'UPLOADING' || status.textContent === '') status.textContent = 'FAILED';
      errors.show(error);
    }
  };

  const showResult = async (job: JobWithFindings, original: string, current: () => boolean) => {
    if (job.status === 'FAILED') {
      status.textContent = job.status;
      errors.show(new Error(`${job.error?.code ?? 'INTERNAL'}: ${job.error?.message ?? 'the job failed'}`));
      return;
    }
    const findings = job.findings.items;
    const figures: HTMLElement[] = [
      originalFigure(
        original,
        findings,
        `Original image: ${findings.length} ${findings.length === 1 ? 'finding' : 'findings'} outlined`,
      ),
    ];
    if (job.maskedImage?.url) {
      const link = await downloadLink(job.maskedImage.url, job.maskedImage.contentType, track);
      if (!current()) return;
      figures.push(
        h(
          'div',
          {},
          maskedFigure(job.maskedImage.url, `Masked image, ${job.maskedImage.width}×${job.maskedImage.height}`),
          h('p', {}, link),
        ),
      );
    }
    results.replaceChildren(...figures);
    details.replaceChildren(...(job.warnings ?? []).map((w) => h('p', { class: 'note' }, w)), findingsTable(findings));
    // Last: whoever waits for SUCCEEDED finds the images, boxes and link already there.
    status.textContent = job.status;
  };

  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) void run(file);
  });
  dropZone.addEventListener('click', () => fileInput.click());
  dropZone.addEventListener('dragover', (event) => {
    event.preventDefault();
    dropZone.classList.add('dragging');
  });
  dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dragging'));
  dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    dropZone.classList.remove('dragging');
    const file = event.dataTransfer?.files[0];
    if (file) void run(file);
  });
  return { element, show: () => undefined };
}
