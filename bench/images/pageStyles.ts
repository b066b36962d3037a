import { makeCast } from '../corpus/cast.ts';
import { randomAnchor } from '../corpus/phi/dates.ts';
import { hospitalName } from '../corpus/phi/places.ts';
import type { Rng } from '../corpus/random.ts';
import { dischargeSummary } from './dischargeSummary.ts';
import { faxCover } from './faxCover.ts';
import { form } from './form.ts';
import { formBelow } from './formBelow.ts';
import { formTable } from './formTable.ts';
import { labReport } from './labReport.ts';
import { letter } from './letter.ts';
import type { Row } from './pageSpec.ts';
import { prescriptionLabel } from './prescriptionLabel.ts';
import { radiograph } from './radiograph.ts';
import { screenshot } from './screenshot.ts';
import type { Story } from './styleKit.ts';

/** The first four styles: `npm run bench` cycles through these (its figures stay comparable). */
export const PAGE_STYLES = ['form', 'letter', 'lab-report', 'screenshot'] as const;
/** Every style, in a fixed order (a style's index seeds its pages: new styles only ever go at the end). */
export const ALL_PAGE_STYLES = [
  ...PAGE_STYLES,
  'discharge-summary',
  'prescription-label',
  'radiograph',
  'fax-cover',
  'form-table',
  'form-below',
] as const;
export type PageStyle = (typeof ALL_PAGE_STYLES)[number];

/** The 8 kinds of page of issue 12's held-out set; `form-table` and `form-below` are variants of the registration form. */
export const PAGE_KINDS = [
  'form',
  'letter',
  'lab-report',
  'discharge-summary',
  'screenshot',
  'prescription-label',
  'radiograph',
  'fax-cover',
] as const;
export type PageKind = (typeof PAGE_KINDS)[number];
export const FORM_VARIANTS = ['form', 'form-table', 'form-below'] as const;
export function kindOf(style: PageStyle): PageKind {
  return (FORM_VARIANTS as readonly string[]).includes(style) ? 'form' : (style as PageKind);
}

/** What a style draws: its rows, and whether the page is a dark image (a radiograph: light text on black). */
export interface PageDesign {
  rows: Row[];
  dark?: boolean;
}

const BUILDERS: Record<PageStyle, (s: Story) => PageDesign> = {
  form: (s) => ({ rows: form(s) }),
  letter: (s) => ({ rows: letter(s) }),
  'lab-report': (s) => ({ rows: labReport(s) }),
  screenshot: (s) => ({ rows: screenshot(s) }),
  'discharge-summary': (s) => ({ rows: dischargeSummary(s) }),
  'prescription-label': (s) => ({ rows: prescriptionLabel(s) }),
  radiograph: (s) => ({ rows: radiograph(s), dark: true }),
  'fax-cover': (s) => ({ rows: faxCover(s) }),
  'form-table': (s) => ({ rows: formTable(s) }),
  'form-below': (s) => ({ rows: formBelow(s) }),
};

export function buildPage(style: PageStyle, rng: Rng): PageDesign {
  const anchor = randomAnchor(rng);
  const story: Story = { rng, anchor, cast: makeCast(rng, anchor), clinic: hospitalName(rng) };
  return BUILDERS[style](story);
}
