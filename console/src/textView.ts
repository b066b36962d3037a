import { JobDocument, MaskTextDocument, type FindingFieldsFragment } from '../../src/client/index.ts';
import type { MaskStyle } from '../../src/core/MaskOptions.ts';
import type { Connection } from './connection.ts';
import { h } from './dom.ts';
import type { ErrorBanner } from './errors.ts';
import { markFindings, renderMaskedSegments } from './highlight.ts';
import { findingsTable } from './imageFigures.ts';
import { isValidMaskCharacter, maskLocally } from './maskLocally.ts';
import { PHI_TYPES_SHOWN, type PhiType } from './phiTypes.ts';
import { typeLegend } from './typeLegend.ts';
import type { View } from './view.ts';

const TYPING_PAUSE_MS = 600;
// Job.findings pages are at most 100 long (the API's limit); a long note's findings take several.
const FINDINGS_PAGE = 100;

/** What one maskText call gave: the note as sent and every finding, whatever its score. */
interface MaskedNote {
  text: string;
  jobId: string;
  findings: FindingFieldsFragment[];
}

/**
 * Text: the note is masked once by the API with minScore 0 and every type, so the job records every
 * finding; the threshold, type filters and style are then applied here (maskLocally), live.
 */
export function createTextView(connection: Connection, errors: ErrorBanner): View {
  const note = h('textarea', { id: 'clinical-note', rows: 12, spellcheck: 'false', autocomplete: 'off' });
  const maskButton = h('button', { type: 'button' }, 'Mask');
  const score = h('input', { id: 'min-score', type: 'range', min: 0, max: 1, step: 0.05, value: 0.5 });
  const scoreValue = h('output', { for: 'min-score' }, '0.5');
  const typeBoxes = PHI_TYPES_SHOWN.map((type) => h('input', { type: 'checkbox', value: type, checked: true }));
  const style = h(
    'select',
    { id: 'mask-style' },
    h('option', { value: 'TYPE_LABEL' }, 'Type label'),
    h('option', { value: 'CHARACTER' }, 'Character'),
    h('option', { value: 'FIXED' }, 'Fixed text'),
  );
  const maskCharacter = h('input', { id: 'mask-character', value: '*', maxlength: 2, size: 3, autocomplete: 'off' });
  const replacement = h('input', { id: 'replacement', value: '[REDACTED]', size: 14, autocomplete: 'off' });
  const characterLabel = h('label', { for: 'mask-character', hidden: true }, 'Mask character ', maskCharacter);
  const replacementLabel = h('label', { for: 'replacement', hidden: true }, 'Replacement ', replacement);
  const original = h('div', {
    class: 'text-output',
    role: 'region',
    'aria-label': 'Original with findings',
    'data-testid': 'original-with-findings',
    tabindex: 0,
  });
  const masked = h('div', {
    class: 'text-output',
    role: 'region',
    'aria-label': 'Masked text',
    'data-testid': 'masked-text',
    tabindex: 0,
  });
  const summary = h('p', { role: 'status', class: 'summary', 'data-testid': 'finding-summary' }, '0 findings shown');
  // Type and score as text, as the Images view lists them: colour and tooltips are not for everyone.
  const findingsHolder = h('div', {});
  const styleHint = h('p', { class: 'hint', 'aria-live': 'polite' });

  const element = h(
    'section',
    { 'aria-labelledby': 'text-heading', 'data-view': 'text' },
    h('h2', { id: 'text-heading' }, 'Text'),
    h(
      'div',
      { class: 'two-col' },
      h(
        'div',
        {},
        h('label', { for: 'clinical-note' }, 'Clinical note'),
        note,
        h(
          'p',
          { class: 'hint' },
          'Masked by the API 600 ms after you stop typing, or now with Mask. The note is sent only in that signed call.',
        ),
        maskButton,
      ),
      h(
        'div',
        {},
        h(
          'div',
          { class: 'controls' },
          h('div', { class: 'score-control' }, h('label', { for: 'min-score' }, 'Minimum score'), score, scoreValue),
          h('label', { for: 'mask-style' }, 'Masking style ', style),
          characterLabel,
          replacementLabel,
        ),
        styleHint,
        h(
          'fieldset',
          { class: 'types-fieldset' },
          h('legend', {}, 'Types'),
          h('div', { class: 'types' }, ...typeBoxes.map((box) => h('label', { class: 'check' }, box, box.value))),
        ),
        h(
          'p',
          { class: 'note' },
          'The job ran once with minimum score 0 and every type, so it recorded every finding; this page applies the threshold, the types and the style from those findings without a new job. ',
          'Findings that touched or overlapped were recorded as one span.',
        ),
      ),
    ),
    h(
      'div',
      { class: 'two-col' },
      h('div', {}, h('h3', {}, 'Original with findings'), original),
      h('div', {}, h('h3', {}, 'Masked text'), masked),
    ),
    summary,
    typeLegend(),
    findingsHolder,
  );

  let current: MaskedNote | undefined;
  let requestNumber = 0;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;

  const options = () => ({
    minScore: Number(score.value),
    types: new Set(typeBoxes.filter((box) => box.checked).map((box) => box.value as PhiType)),
    style: style.value as MaskStyle,
    maskCharacter: maskCharacter.value,
    replacement: replacement.value,
  });

  const render = () => {
    // As the slider reads it (0.5, 0.95, 1), so the number shown is the number set.
    scoreValue.textContent = String(Number(score.value));
    characterLabel.hidden = style.value !== 'CHARACTER';
    replacementLabel.hidden = style.value !== 'FIXED';
    const chosen = options();
    const characterOk = isValidMaskCharacter(chosen.maskCharacter);
    styleHint.textContent =
      chosen.style === 'CHARACTER' && !characterOk ? 'The mask character must be exactly one character; using *.' : '';
    if (!current) {
      original.replaceChildren();
      masked.replaceChildren();
      summary.textContent = '0 findings shown';
      findingsHolder.replaceChildren();
      return;
    }
    const result = maskLocally(current.text, current.findings, {
      ...chosen,
      maskCharacter: characterOk ? chosen.maskCharacter : '*',
    });
    original.replaceChildren(markFindings(current.text, result.shown));
    masked.replaceChildren(renderMaskedSegments(result.segments));
    summary.textContent = `${result.shown.length} ${result.shown.length === 1 ? 'finding' : 'findings'} shown`;
    findingsHolder.replaceChildren(findingsTable(result.shown, 'Findings shown'));
  };

  const mask = async () => {
    clearTimeout(typingTimer);
    const text = note.value;
    const mine = ++requestNumber;
    if (text.trim() === '') {
      // A request still in flight for the old note is now stale (requestNumber moved on), so its finally
      // leaves the busy marks alone: clear them here.
      current = undefined;
      original.removeAttribute('aria-busy');
      masked.removeAttribute('aria-busy');
      render();
      return;
    }
    original.setAttribute('aria-busy', 'true');
    masked.setAttribute('aria-busy', 'true');
    try {
      const masked = await maskNote(connection, text);
      // An answer to an older version of the note is dropped: the newest request wins.
      if (mine !== requestNumber) return;
      current = masked;
      errors.clear();
      render();
    } catch (error) {
      if (mine === requestNumber) errors.show(error);
    } finally {
      if (mine === requestNumber) {
        original.removeAttribute('aria-busy');
        masked.removeAttribute('aria-busy');
      }
    }
  };

  note.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => void mask(), TYPING_PAUSE_MS);
  });
  maskButton.addEventListener('click', () => void mask());
  for (const control of [score, style, maskCharacter, replacement, ...typeBoxes])
    control.addEventListener('input', render);
  for (const control of [style, ...typeBoxes]) control.addEventListener('change', render);
  render();
  return { element, show: () => undefined };
}

/** One maskText call with minScore 0 and every type, then the rest of its findings if there are more pages. */
async function maskNote(connection: Connection, text: string): Promise<MaskedNote> {
  const { maskText: job } = await connection.client.request(MaskTextDocument, {
    input: { text, options: { minScore: 0, types: [...PHI_TYPES_SHOWN] } },
  });
  if (job.status === 'FAILED')
    throw new Error(`${job.error?.code ?? 'INTERNAL'}: ${job.error?.message ?? 'the job failed'}`);
  const findings = [...job.findings.items];
  let nextToken = job.findings.nextToken;
  while (nextToken) {
    const page = await connection.client.request(JobDocument, {
      id: job.id,
      findingsLimit: FINDINGS_PAGE,
      findingsNextToken: nextToken,
    });
    if (!page.job) break;
    findings.push(...page.job.findings.items);
    nextToken = page.job.findings.nextToken;
  }
  return { text, jobId: job.id, findings };
}
