import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generatePage } from '../../bench/images/generatePage.ts';
import {
  makeCredentials,
  Q,
  startTestApi,
  type FindingItem,
  type MaskedJob,
  type TestApi,
} from '../helpers/localApi.ts';
import type { HttpResult } from '../helpers/signedFetch.ts';
import { ChromiumMissingError, chromiumPath, launchChromium, openWatchedPage, type WatchedPage } from './browser.ts';
import {
  contrastProblems,
  documentScrollWidth,
  focusedElement,
  markContents,
  storedEntries,
  unnamedFormControls,
} from './inPage.ts';

// The browser console end to end: the real local server (loopback, temp data directory) serves the
// console at `/`, a real Chromium drives it by the accessible names of the console's DOM contract, and the
// API itself is the oracle for what the page should show. Screenshots land in .screenshots/ (ignored by
// git), so a test run never changes tracked files; `npm run screenshots` copies them into docs/screenshots/.

const SCREENSHOTS = fileURLToPath(new URL('../../.screenshots/', import.meta.url));
const PHI_TYPES = ['NAME', 'DATE', 'AGE', 'ID', 'ADDRESS', 'PHONE_OR_FAX', 'EMAIL', 'URL', 'PROFESSION'];
/** Synthetic: invented people and places, a 555 number. */
const NOTE =
  'Patient Marla Quenby, DOB 03/14/1961, seen 11/02/2023 by Dr. Anselm Ohanian. MRN 4471920. ' +
  'Lives at 42 Alder Lane, Springfield, MA 01103. Call 617-555-0143.';
const DEFAULT_MIN_SCORE = 0.5;
const OCR_TIMEOUT = 90_000;

let t: TestApi;
let origin: string;
let browserPromise: Promise<Browser> | undefined;
/** The note's findings as the API reports them (minScore 0, all types): what the page must show. */
let oracle: FindingItem[];
const opened: WatchedPage[] = [];

/** Launched on first use, so a missing Chromium fails each test with the install instructions. */
const browser = () => (browserPromise ??= launchChromium());

beforeAll(async () => {
  t = await startTestApi();
  origin = new URL(t.api.url).origin;
  await mkdir(SCREENSHOTS, { recursive: true });
  const job = await apiMaskText(NOTE);
  oracle = job.findings.items;
}, 60_000);

afterEach(async () => {
  const problems = opened.flatMap((w) => w.problems);
  await Promise.all(opened.splice(0).map((w) => w.context.close()));
  expect(problems, 'console errors or uncaught exceptions in the page').toEqual([]);
});

afterAll(async () => {
  const launched = await browserPromise?.catch(() => undefined);
  await launched?.close();
  await t?.dispose();
});

describe('the browser console', () => {
  it('says how to get Chromium when it is missing', () => {
    expect(() => chromiumPath({ HDM_CHROMIUM: '/nonexistent/chromium' })).toThrow(ChromiumMissingError);
    expect(() => chromiumPath({ HDM_CHROMIUM: '/nonexistent/chromium' })).toThrow(
      /apt-get install -y chromium.*HDM_CHROMIUM/,
    );
  });

  it('connects by itself on loopback and masks a note: findings marked, the masked text without them', async () => {
    const { page } = await openConsole();
    await expect.poll(() => page.title()).toBe('health-data-masking console');
    await expectConnected(page);
    expect(page.url(), 'the token leaves the address once read').toBe(`${origin}/`);
    await page.reload();
    await expectConnected(page);
    await expect
      .poll(() =>
        page
          .getByRole('navigation', { name: 'Views' })
          .getByRole('button', { name: 'Text' })
          .getAttribute('aria-current'),
      )
      .toBe('page');

    await page.getByRole('textbox', { name: 'Clinical note' }).fill(NOTE);
    await page.getByRole('button', { name: 'Mask', exact: true }).click();
    await expectSummary(page, shown(DEFAULT_MIN_SCORE).length);

    const marks = page.getByTestId('original-with-findings').locator('mark');
    const found = await marks.evaluateAll(markContents);
    for (const finding of shown(DEFAULT_MIN_SCORE)) {
      const mark = found.find((m) => m.text === spanOf(finding));
      expect(mark, `a <mark> for the ${finding.type} finding at ${finding.beginOffset}`).toBeDefined();
      expect(mark).toMatchObject({
        type: finding.type,
        title: `${finding.type} · ${finding.score.toFixed(2)}`,
        spoken: ` (${finding.type}, score ${finding.score.toFixed(2)})`,
      });
      expect(Number(mark?.score)).toBeCloseTo(finding.score, 2);
    }
    // The same findings as text in a table: type, score and offsets, for whoever does not see colours.
    const table = page.getByRole('table', { name: /^Findings shown/ });
    const rows = await table
      .getByRole('row')
      .filter({ hasNot: page.getByRole('columnheader') })
      .allTextContents();
    expect(rows).toHaveLength(shown(DEFAULT_MIN_SCORE).length);
    for (const finding of shown(DEFAULT_MIN_SCORE)) {
      expect(rows, `a table row for the ${finding.type} finding at ${finding.beginOffset}`).toContainEqual(
        `${finding.type}${finding.score.toFixed(2)}characters ${finding.beginOffset}–${finding.endOffset}`,
      );
    }
    expect(await page.getByRole('region', { name: 'Original with findings' }).count()).toBe(1);

    const masked = await maskedText(page);
    expect(leaked(masked, shown(DEFAULT_MIN_SCORE)), 'finding spans left in the masked text').toEqual([]);
    expect(masked).not.toContain('Quenby');
    expect(masked, 'the default style labels spans by type').toContain('NAME');
    await page.screenshot({ path: `${SCREENSHOTS}text.png`, fullPage: true });
  }, 60_000);

  it('re-masks live from the minimum score, the types and the masking style', async () => {
    const { page } = await openConsole();
    await expectConnected(page);
    await page.getByRole('textbox', { name: 'Clinical note' }).fill(NOTE);
    await page.getByRole('button', { name: 'Mask', exact: true }).click();
    await expectSummary(page, shown(DEFAULT_MIN_SCORE).length);
    const jobsBefore = await countJobs();
    const slider = page.getByRole('slider', { name: 'Minimum score' });
    expect(await slider.inputValue()).toBe(String(DEFAULT_MIN_SCORE));

    // 0.95 sits between the detector's scores for this note (asserted, so the step cannot go vacuous).
    const higher = 0.95;
    expect(shown(higher).length).toBeLessThan(shown(DEFAULT_MIN_SCORE).length);
    expect(shown(higher).length).toBeGreaterThan(0);
    await slider.fill(String(higher));
    await expectSummary(page, shown(higher).length);
    await expectMasked(page, shown(higher));
    await expect
      .poll(() => page.getByText(String(higher), { exact: true }).count(), { message: 'the slider shows its value' })
      .toBeGreaterThan(0);

    await slider.fill('1');
    await expectSummary(page, shown(1).length);
    await expectMasked(page, shown(1));
    await slider.fill(String(DEFAULT_MIN_SCORE));
    await expectSummary(page, shown(DEFAULT_MIN_SCORE).length);
    await expectMasked(page, shown(DEFAULT_MIN_SCORE));

    const types = page.getByRole('group', { name: 'Types' });
    await types.getByRole('checkbox', { name: 'DATE', exact: true }).uncheck();
    const withoutDates = shown(DEFAULT_MIN_SCORE, (f) => f.type !== 'DATE');
    expect(withoutDates.length).toBeLessThan(shown(DEFAULT_MIN_SCORE).length);
    await expectSummary(page, withoutDates.length);
    await expectMasked(page, withoutDates);
    expect(await maskedText(page)).toContain('03/14/1961');
    await types.getByRole('checkbox', { name: 'DATE', exact: true }).check();
    await expectSummary(page, shown(DEFAULT_MIN_SCORE).length);

    await page.getByRole('combobox', { name: 'Masking style' }).selectOption({ label: 'Character' });
    const maskCharacter = await page.getByRole('textbox', { name: 'Mask character' }).inputValue();
    expect(maskCharacter).toHaveLength(1);
    await expect.poll(() => maskedText(page)).toContain(maskCharacter.repeat(5));
    const characterMasked = await maskedText(page);
    expect(characterMasked).not.toContain('[NAME]');
    expect(leaked(characterMasked, shown(DEFAULT_MIN_SCORE))).toEqual([]);
    expect(await countJobs(), 'filters and style re-render locally, without new jobs').toBe(jobsBefore);
  }, 60_000);

  it(
    'masks an image: live status to SUCCEEDED, boxes over the original, the masked image shown and downloadable',
    async () => {
      const { page } = await openConsole();
      await expectConnected(page);
      const frames: string[] = [];
      page.on('websocket', (ws) => ws.on('framereceived', (frame) => void frames.push(String(frame.payload))));
      await views(page).getByRole('button', { name: 'Images' }).click();
      await expect.poll(() => new URL(page.url()).hash).toBe('#images');

      const pageImage = await generatePage({ seed: 5, style: 'form', width: 1000, height: 700 });
      await page
        .getByLabel('Image file')
        .setInputFiles({ name: 'page.png', mimeType: 'image/png', buffer: pageImage.bytes });
      const status = page.getByTestId('image-job-status');
      await expect.poll(() => currentText(status), { timeout: OCR_TIMEOUT, interval: 500 }).toMatch(/SUCCEEDED|FAILED/);
      expect(await currentText(status)).toContain('SUCCEEDED');
      expect(await status.getAttribute('role')).toBe('status');

      const job = await latestJob('IMAGE');
      expect(job.status).toBe('SUCCEEDED');
      const live = frames.filter((f) => f.includes(job.id) && f.includes('SUCCEEDED'));
      expect(live.length, 'SUCCEEDED arrived over the real-time WebSocket').toBeGreaterThan(0);

      const boxes = page.getByTestId('finding-boxes').locator('rect.finding-box');
      await expect.poll(() => boxes.count()).toBe(job.findingCount);
      expect(job.findingCount).toBeGreaterThan(0);
      const boxTypes = await boxes.evaluateAll((rects) => rects.map((r) => r.getAttribute('data-type')));
      expect(boxTypes.every((type) => PHI_TYPES.includes(String(type)))).toBe(true);
      await expect.poll(() => naturalWidth(page.getByRole('img', { name: 'Original image' }))).toBe(pageImage.width);
      await expect.poll(() => naturalWidth(page.getByRole('img', { name: 'Masked image' }))).toBe(pageImage.width);

      const link = page.getByRole('link', { name: 'Download masked image' });
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), link.click()]);
      const bytes = await readFile(await download.path());
      expect(pngSize(bytes)).toEqual({ width: pageImage.width, height: pageImage.height });
      const served = Buffer.from(await (await fetch(String(job.maskedImage?.url))).arrayBuffer());
      expect(bytes.equals(served), "the download is the job's masked image").toBe(true);
      await page.screenshot({ path: `${SCREENSHOTS}images.png`, fullPage: true });
    },
    OCR_TIMEOUT + 60_000,
  );

  it(
    'lists past jobs with a chart, and opens one to its findings',
    async () => {
      await ensureJobsOfBothKinds();
      const { page } = await openConsole();
      await expectConnected(page);
      await views(page).getByRole('button', { name: 'History' }).click();
      await expect.poll(() => new URL(page.url()).hash).toBe('#history');

      const table = page.getByRole('table', { name: 'Past jobs' });
      await table.waitFor();
      const headers = await table.getByRole('columnheader').allTextContents();
      expect(headers.map((h) => h.trim())).toEqual(expect.arrayContaining(['Created', 'Kind', 'Status', 'Findings']));
      const textJob = await latestJob('TEXT');
      const imageJob = await latestJob('IMAGE');
      for (const job of [textJob, imageJob]) {
        const row = table.getByRole('row').filter({ has: openButton(page, job.id) });
        await expect.poll(() => row.count(), { message: `a row for the ${job.kind} job` }).toBe(1);
        const cells = await row.textContent();
        expect(cells).toContain(job.kind);
        expect(cells).toContain(job.status);
        for (const { type } of job.findingCounts ?? []) expect(cells).toContain(type);
      }
      expect(await page.getByRole('button', { name: 'Previous page' }).isDisabled()).toBe(true);
      const chartBars = page.getByRole('figure', { name: 'Findings by type over time' }).locator('svg rect');
      await expect.poll(() => chartBars.count()).toBeGreaterThan(0);
      await page.screenshot({ path: `${SCREENSHOTS}history.png`, fullPage: true });

      await openButton(page, textJob.id).click();
      await expect.poll(() => new URL(page.url()).hash).toBe(`#job/${textJob.id}`);
      const details = page.getByRole('region', { name: 'Job details' });
      await details.waitFor();
      expect(await details.getAttribute('data-testid')).toBe('job-details');
      const findingRows = details
        .getByRole('table')
        .getByRole('row')
        .filter({ hasNot: page.getByRole('columnheader') });
      await expect.poll(() => findingRows.count()).toBe(textJob.findingCount);
      const detailsText = await details.textContent();
      for (const expected of ['SUCCEEDED', 'TEXT', ...new Set(oracle.map((f) => f.type))])
        expect(detailsText).toContain(expected);
      await page.screenshot({ path: `${SCREENSHOTS}job.png`, fullPage: true });

      await page.goto(`${origin}/#job/${imageJob.id}`);
      await expect
        .poll(
          () =>
            naturalWidth(page.getByRole('region', { name: 'Job details' }).getByRole('img', { name: 'Masked image' })),
          { timeout: 15_000 },
        )
        .toBeGreaterThan(0);

      // More than a page of jobs (10): Next page, then Previous page back to the first.
      let newest = '';
      for (let i = 1; i <= 11; i++)
        newest = (
          await apiMaskText(`Synthetic note ${i}: seen by Dr. Wren Ashby on 02/${String(i).padStart(2, '0')}/2024.`)
        ).id;
      await views(page).getByRole('button', { name: 'History' }).click();
      const previousPage = page.getByRole('button', { name: 'Previous page' });
      const nextPage = page.getByRole('button', { name: 'Next page' });
      await expect
        .poll(async () => (await jobIdsShown(table))[0], { message: 'the first page, newest job first' })
        .toBe(newest);
      await expect.poll(() => nextPage.isEnabled(), { message: 'Next page with more than 10 jobs' }).toBe(true);
      await page.getByText('Page 1', { exact: true }).waitFor();
      const firstPage = await jobIdsShown(table);
      expect(firstPage).toHaveLength(10);
      expect(await previousPage.isDisabled()).toBe(true);

      await nextPage.click();
      await page.getByText('Page 2', { exact: true }).waitFor();
      expect(await previousPage.isEnabled()).toBe(true);
      const secondPage = await jobIdsShown(table);
      expect(secondPage.length).toBeGreaterThan(0);
      expect(
        secondPage.filter((id) => firstPage.includes(id)),
        'page 2 repeats no job of page 1',
      ).toEqual([]);

      await previousPage.click();
      await page.getByText('Page 1', { exact: true }).waitFor();
      expect(await jobIdsShown(table)).toEqual(firstPage);
      expect(await previousPage.isDisabled()).toBe(true);
    },
    OCR_TIMEOUT + 60_000,
  );

  it('opened without the token, asks for keys: no key pair prefilled, not connected', async () => {
    const watched = await openWatchedPage(await browser());
    opened.push(watched);
    const { page } = watched;
    page.setDefaultTimeout(15_000);
    const configs: Promise<string>[] = [];
    page.on(
      'response',
      (response) => void (response.url().endsWith('/console/config.json') && configs.push(response.text())),
    );
    await page.goto(`${origin}/`);
    const form = page.getByRole('form', { name: 'Credentials' });
    await expect
      .poll(() => form.getByLabel('Endpoint').inputValue(), { message: 'the rest of the config still arrives' })
      .toBe(t.api.url);
    expect(await form.getByLabel('Access key ID').inputValue()).toBe('');
    expect(await form.getByLabel('Secret access key').inputValue()).toBe('');
    expect(await currentText(page.getByTestId('connection-status'))).toBe('Not connected');
    expect(configs).toHaveLength(1);
    expect(await configs[0]).not.toContain(t.credentials().secretAccessKey);

    await form.getByLabel('Access key ID').fill(t.credentials().accessKeyId);
    await form.getByLabel('Secret access key').fill(t.credentials().secretAccessKey);
    await form.getByRole('button', { name: 'Connect' }).click();
    await expectConnected(page);
  }, 60_000);

  it('works phone-sized without sideways scroll, and by keyboard: Tab to Mask, Enter masks', async () => {
    const { page } = await openConsole({ viewport: { width: 375, height: 740 } });
    await expectConnected(page);
    expect(await page.evaluate(documentScrollWidth)).toBeLessThanOrEqual(375);

    const maskRequests: string[] = [];
    page.on('request', (request) => {
      if (
        request.method() === 'POST' &&
        request.url().endsWith('/graphql') &&
        (request.postData() ?? '').includes('maskText')
      )
        maskRequests.push(request.url());
    });
    const note = page.getByRole('textbox', { name: 'Clinical note' });
    await note.fill(NOTE);
    // Typing masks by itself after 600 ms: let that job finish, then Enter must start another.
    await expectSummary(page, shown(DEFAULT_MIN_SCORE).length);
    const before = maskRequests.length;
    await note.focus();
    const reached = await tabTo(page, 'button:Mask');
    expect(reached, 'Tab reaches the Mask button').toBe(true);
    expect((await page.evaluate(focusedElement))?.showsFocus, 'the focused Mask button shows focus').toBe(true);
    const response = page.waitForResponse(
      (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('maskText'),
    );
    await page.keyboard.press('Enter');
    expect((await response).status()).toBe(200);
    expect(maskRequests.length).toBeGreaterThan(before);
    await expectSummary(page, shown(DEFAULT_MIN_SCORE).length);
    expect(await page.evaluate(documentScrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: `${SCREENSHOTS}phone.png`, fullPage: true });
  }, 60_000);

  it('shows the signature error of a wrong secret and of an unknown key; the secret never leaves the page', async () => {
    const watched = await openConsole();
    const { page } = watched;
    const sent: string[] = [];
    page.on(
      'request',
      (request) =>
        void sent.push([request.url(), JSON.stringify(request.headers()), request.postData() ?? ''].join('\n')),
    );
    await expectConnected(page);
    // Chromium logs every refused request (403) as a console error: expected here.
    watched.expect(/Failed to load resource: the server responded with a status of 40[13]/);
    const form = page.getByRole('form', { name: 'Credentials' });
    const mine = t.credentials();
    const wrong = makeCredentials();

    await form.getByLabel('Access key ID').fill(mine.accessKeyId);
    await form.getByLabel('Secret access key').fill(wrong.secretAccessKey);
    await form.getByRole('button', { name: 'Connect' }).click();
    await expectAlert(page, 'InvalidSignatureException');

    await form.getByLabel('Access key ID').fill(wrong.accessKeyId);
    await form.getByRole('button', { name: 'Connect' }).click();
    await expectAlert(page, 'UnrecognizedClientException');
    expect(await currentText(page.getByTestId('connection-status'))).not.toContain(`Connected as ${wrong.accessKeyId}`);
    expect(
      await page.evaluate(storedEntries),
      'no credentials stored unless "Remember for this tab" is ticked',
    ).toEqual({ session: ['hdm-console-token'], local: 0 });

    await form.getByLabel('Access key ID').fill(mine.accessKeyId);
    await form.getByLabel('Secret access key').fill(mine.secretAccessKey);
    await form.getByLabel('Remember for this tab').check();
    await form.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => page.getByRole('alert').count(), { message: 'the error clears on connecting' }).toBe(0);
    await expectConnected(page);
    expect(await page.evaluate(storedEntries), 'remembered for this tab only').toEqual({
      session: ['hdm-console-credentials', 'hdm-console-token'],
      local: 0,
    });
    expect(sent.length).toBeGreaterThan(2);
    const leaks = sent.filter(
      (request) => request.includes(mine.secretAccessKey) || request.includes(wrong.secretAccessKey),
    );
    expect(leaks.length, 'requests that carry a secret access key').toBe(0);
  }, 60_000);

  it('names every control and keeps text contrast at 4.5:1 or more, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await openConsole({ colorScheme });
      await expectConnected(page);
      const form = page.getByRole('form', { name: 'Credentials' });
      for (const label of [
        'Access key ID',
        'Secret access key',
        'Session token (optional)',
        'Region',
        'Endpoint',
        'Remember for this tab',
      ]) {
        expect(await form.getByLabel(label, { exact: true }).count(), `control labelled "${label}"`).toBe(1);
      }
      expect(await form.getByRole('button', { name: 'Connect' }).count()).toBe(1);
      for (const name of ['Text', 'Images', 'History'])
        expect(await views(page).getByRole('button', { name, exact: true }).count(), `view button "${name}"`).toBe(1);
      expect(await page.getByRole('main').count()).toBe(1);

      expect(await page.getByRole('textbox', { name: 'Clinical note' }).count()).toBe(1);
      expect(await page.getByRole('slider', { name: 'Minimum score' }).count()).toBe(1);
      for (const type of PHI_TYPES) {
        expect(
          await page.getByRole('group', { name: 'Types' }).getByRole('checkbox', { name: type, exact: true }).count(),
          `checkbox "${type}"`,
        ).toBe(1);
      }
      const style = page.getByRole('combobox', { name: 'Masking style' });
      expect(await style.locator('option').allTextContents()).toEqual(
        expect.arrayContaining(['Type label', 'Character', 'Fixed text']),
      );
      await style.selectOption({ label: 'Fixed text' });
      await page.getByRole('textbox', { name: 'Replacement' }).waitFor();
      await style.selectOption({ label: 'Type label' });
      expect(await page.evaluate(unnamedFormControls), 'form controls without an accessible name (text view)').toEqual(
        [],
      );

      await page.getByRole('textbox', { name: 'Clinical note' }).fill(NOTE);
      await page.getByRole('button', { name: 'Mask', exact: true }).click();
      await expectSummary(page, shown(DEFAULT_MIN_SCORE).length);
      expect(await page.evaluate(contrastProblems), `low-contrast text, text view (${colorScheme})`).toEqual([]);

      await views(page).getByRole('button', { name: 'Images' }).click();
      expect(await page.getByLabel('Image file').count()).toBe(1);
      expect(
        await page.evaluate(unnamedFormControls),
        'form controls without an accessible name (images view)',
      ).toEqual([]);
      expect(await page.evaluate(contrastProblems), `low-contrast text, images view (${colorScheme})`).toEqual([]);

      await views(page).getByRole('button', { name: 'History' }).click();
      await page.getByRole('table', { name: 'Past jobs' }).waitFor();
      expect(
        await page.evaluate(unnamedFormControls),
        'form controls without an accessible name (history view)',
      ).toEqual([]);
      expect(await page.evaluate(contrastProblems), `low-contrast text, history view (${colorScheme})`).toEqual([]);
    }
  }, 90_000);
});

/**
 * A new context and page (fresh sessionStorage) on the console's address as `npm start` prints it, with
 * this start's token (and a view's hash, `#history` say), watched for console errors.
 */
async function openConsole(options: BrowserContextOptions = {}, hash = ''): Promise<WatchedPage> {
  const watched = await openWatchedPage(await browser(), options);
  opened.push(watched);
  watched.page.setDefaultTimeout(15_000);
  await watched.page.goto(hash ? `${t.api.consoleUrl}&${hash.replace(/^#/, '')}` : t.api.consoleUrl);
  return watched;
}

/** The ids of the jobs the Past jobs table lists, in order. */
async function jobIdsShown(table: Locator): Promise<string[]> {
  return table
    .locator('tr[data-job-id]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-job-id') ?? ''));
}

function views(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Views' });
}

function openButton(page: Page, jobId: string): Locator {
  return page.getByRole('button', { name: `Open job ${jobId.slice(0, 8)}` });
}

/** The locator's text now, or null when it is not there yet (polling must not block on auto-wait). */
async function currentText(locator: Locator): Promise<string | null> {
  return (await locator.count()) === 0 ? null : locator.textContent();
}

async function expectConnected(page: Page): Promise<void> {
  const status = page.getByTestId('connection-status');
  await expect
    .poll(() => currentText(status), { timeout: 15_000 })
    .toContain(`Connected as ${t.credentials().accessKeyId}`);
  expect(await status.getAttribute('role')).toBe('status');
}

async function expectSummary(page: Page, count: number): Promise<void> {
  await expect
    .poll(() => currentText(page.getByTestId('finding-summary')), { timeout: 15_000 })
    .toMatch(new RegExp(`^\\s*${count} findings? shown\\s*$`));
}

async function expectAlert(page: Page, errorType: string): Promise<void> {
  const alert = page.getByRole('alert').filter({ hasText: errorType });
  await expect.poll(() => alert.count(), { timeout: 15_000 }).toBeGreaterThan(0);
  expect(await alert.first().getAttribute('data-testid')).toBe('error');
}

async function maskedText(page: Page): Promise<string> {
  const region = page.getByRole('region', { name: 'Masked text' });
  expect(await region.getAttribute('data-testid')).toBe('masked-text');
  return (await region.textContent()) ?? '';
}

/** The masked text hides exactly `kept`: their spans are gone, every other finding's span is there. */
async function expectMasked(page: Page, kept: FindingItem[]): Promise<void> {
  const released = oracle.filter((f) => !kept.includes(f));
  await expect
    .poll(async () => {
      const text = await maskedText(page);
      return {
        leaked: leaked(text, kept),
        missing: released.filter((f) => !text.includes(spanOf(f))).map(describeFinding),
      };
    })
    .toEqual({ leaked: [], missing: [] });
}

/** The oracle's findings at this minimum score (and filter), as the page must show them. */
function shown(minScore: number, filter: (f: FindingItem) => boolean = () => true): FindingItem[] {
  return oracle.filter((f) => f.score >= minScore && filter(f));
}

function spanOf(f: FindingItem): string {
  return NOTE.slice(f.beginOffset ?? 0, f.endOffset ?? 0);
}

/** Findings whose span is still in `text`, named by type and offset only (never the span itself). */
function leaked(text: string, findings: FindingItem[]): string[] {
  return findings.filter((f) => text.includes(spanOf(f))).map(describeFinding);
}

function describeFinding(f: FindingItem): string {
  return `${f.type}@${f.beginOffset}`;
}

async function naturalWidth(img: Locator): Promise<number> {
  if ((await img.count()) === 0) return 0;
  return img.evaluate((el) =>
    (el as unknown as { complete: boolean; naturalWidth: number }).complete
      ? (el as unknown as { naturalWidth: number }).naturalWidth
      : 0,
  );
}

/** Presses Tab until the focused element is `target` (tag:label); false if it never gets there. */
async function tabTo(page: Page, target: string, maxPresses = 40): Promise<boolean> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(focusedElement))?.description === target) return true;
  }
  return false;
}

/** Width and height from a PNG's IHDR; throws when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature))
    throw new Error(`not a PNG (${bytes.length} bytes)`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function apiMaskText(text: string): Promise<MaskedJob> {
  const result = await t.graphql<{ maskText: MaskedJob }>(Q.maskText, { input: { text, options: { minScore: 0 } } });
  const job = result.body.data?.maskText;
  if (!job) throw new Error(`maskText failed: ${JSON.stringify(result.body.errors?.map((e) => e.errorType))}`);
  return job;
}

interface JobRow {
  id: string;
  kind: string;
  status: string;
  findingCount: number | null;
  findingCounts: { type: string; count: number }[] | null;
  maskedImage: { url: string } | null;
}

interface JobConnection {
  items: JobRow[];
  nextToken: string | null;
}

const JOBS = `query Jobs($nextToken: String) { jobs(limit: 50, nextToken: $nextToken) {
  items { id kind status findingCount findingCounts { type count } maskedImage { url } } nextToken } }`;

async function listJobs(): Promise<JobRow[]> {
  const all: JobRow[] = [];
  let nextToken: string | null = null;
  do {
    const result: HttpResult<{ jobs: JobConnection }> = await t.graphql<{ jobs: JobConnection }>(JOBS, { nextToken });
    const page: JobConnection | undefined = result.body.data?.jobs;
    if (!page) throw new Error(`jobs failed: ${JSON.stringify(result.body.errors?.map((e) => e.errorType))}`);
    all.push(...page.items);
    nextToken = page.nextToken;
  } while (nextToken);
  return all;
}

async function countJobs(): Promise<number> {
  return (await listJobs()).length;
}

/** The newest job of this kind (jobs come newest first). */
async function latestJob(kind: 'TEXT' | 'IMAGE'): Promise<JobRow> {
  const job = (await listJobs()).find((j) => j.kind === kind);
  if (!job) throw new Error(`no ${kind} job yet`);
  return job;
}

/** The history test on its own (vitest -t) still has a TEXT and a finished IMAGE job to list. */
async function ensureJobsOfBothKinds(): Promise<void> {
  const jobs = await listJobs();
  if (!jobs.some((j) => j.kind === 'TEXT')) await apiMaskText(NOTE);
  if (jobs.some((j) => j.kind === 'IMAGE' && j.status === 'SUCCEEDED')) return;
  const created = await t.graphql<{ createImageUpload: { bucket: string; key: string; url: string } }>(
    'mutation Upload($type: String!) { createImageUpload(contentType: $type) { bucket key url } }',
    { type: 'image/png' },
  );
  const upload = created.body.data?.createImageUpload;
  if (!upload) throw new Error('createImageUpload failed');
  const page = await generatePage({ seed: 6, style: 'form', width: 1000, height: 700 });
  expect(
    (await fetch(upload.url, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: page.bytes })).status,
  ).toBe(200);
  await t.graphql('mutation Mask($input: MaskImageInput!) { maskImage(input: $input) { id } }', {
    input: { s3: { bucket: upload.bucket, key: upload.key } },
  });
  await expect
    .poll(async () => (await latestJob('IMAGE')).status, { timeout: OCR_TIMEOUT, interval: 500 })
    .toBe('SUCCEEDED');
}
