/**
 * Functions that Playwright serializes and runs inside the page (page.evaluate). The project compiles
 * without the DOM library (it is a Node project), so the few DOM shapes they use are declared here, local
 * to this module; each function must be self-contained (no imports, no closures over this module).
 */

interface DomStyle {
  color: string;
  backgroundColor: string;
  backgroundImage: string;
  fontSize: string;
  fontWeight: string;
  visibility: string;
  display: string;
  opacity: string;
  outlineStyle: string;
  outlineWidth: string;
  boxShadow: string;
}

interface DomNode {
  nodeType: number;
  textContent: string | null;
}

interface DomElement extends DomNode {
  tagName: string;
  id: string;
  className: unknown;
  parentElement: DomElement | null;
  childNodes: ArrayLike<DomNode>;
  labels?: ArrayLike<DomElement> | null;
  type?: string;
  disabled?: boolean;
  getAttribute(name: string): string | null;
  getClientRects(): ArrayLike<unknown>;
  closest(selector: string): DomElement | null;
}

interface DomCanvasContext {
  fillStyle: string;
  clearRect(x: number, y: number, w: number, h: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
}

declare const document: {
  documentElement: DomElement & { scrollWidth: number; clientWidth: number };
  body: DomElement;
  activeElement: DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementById(id: string): DomElement | null;
  createElement(tag: 'canvas'): {
    width: number;
    height: number;
    getContext(kind: '2d', options: { willReadFrequently: boolean }): DomCanvasContext | null;
  };
};
declare function getComputedStyle(element: DomElement): DomStyle;
declare const sessionStorage: { length: number; key(index: number): string | null };
declare const localStorage: { length: number };

/** Form controls (input, select, textarea) that have no accessible name from a label, aria-label(ledby) or title. */
export function unnamedFormControls(): string[] {
  const describe = (el: DomElement) =>
    `<${el.tagName.toLowerCase()}${el.type ? ` type=${el.type}` : ''}${el.id ? ` id=${el.id}` : ''}>`;
  const nameOf = (el: DomElement): string => {
    const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    const labels = Array.from(el.labels ?? [])
      .map((label) => label.textContent ?? '')
      .join(' ');
    return [labelledBy, el.getAttribute('aria-label') ?? '', labels, el.getAttribute('title') ?? ''].join(' ').trim();
  };
  return Array.from(document.querySelectorAll('input, select, textarea'))
    .filter((el) => el.type !== 'hidden' && nameOf(el) === '')
    .map(describe);
}

export interface ContrastProblem {
  /** Tag, id and class: enough to find it, without the text (the notes hold synthetic PHI, still never printed). */
  element: string;
  ratio: number;
  required: number;
}

/**
 * Every visible element with its own text, its text colour against the background it sits on (the
 * ancestors' background colours composited from the root down, white below all): ratios under 4.5:1
 * (3:1 for large text), per WCAG 2.x. Disabled controls are exempt; elements over a background image
 * cannot be judged this simply and are skipped. Colours go through a canvas so any CSS colour syntax
 * (oklch, color-mix, ...) ends up as sRGB.
 */
export function contrastProblems(): ContrastProblem[] {
  const canvas = document.createElement('canvas');
  canvas.width = 1;
  canvas.height = 1;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2d canvas');
  type Rgba = [number, number, number, number];
  const toRgba = (css: string): Rgba => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = '#000';
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    const d = ctx.getImageData(0, 0, 1, 1).data;
    return [d[0] ?? 0, d[1] ?? 0, d[2] ?? 0, (d[3] ?? 0) / 255];
  };
  const over = (top: Rgba, below: Rgba): Rgba => {
    const a = top[3];
    return [top[0] * a + below[0] * (1 - a), top[1] * a + below[1] * (1 - a), top[2] * a + below[2] * (1 - a), 1];
  };
  const luminance = (c: Rgba) => {
    const channel = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
  };
  const ratio = (a: Rgba, b: Rgba) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };
  const chain = (el: DomElement) => {
    const list: DomElement[] = [];
    for (let at: DomElement | null = el; at; at = at.parentElement) list.unshift(at);
    return list;
  };
  const visible = (el: DomElement) =>
    chain(el).every((a) => {
      const style = getComputedStyle(a);
      return style.display !== 'none' && style.visibility !== 'hidden' && Number(style.opacity) > 0.05;
    }) && el.getClientRects().length > 0;

  const problems: ContrastProblem[] = [];
  for (const el of Array.from(document.querySelectorAll('body *'))) {
    if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(el.tagName) || el.closest('svg')) continue;
    const ownText = Array.from(el.childNodes)
      .filter((n) => n.nodeType === 3)
      .map((n) => n.textContent ?? '')
      .join('')
      .trim();
    if (!ownText || !visible(el) || el.disabled || el.closest('[disabled]')) continue;
    const ancestors = chain(el);
    if (ancestors.some((a) => getComputedStyle(a).backgroundImage !== 'none')) continue;
    let background: Rgba = [255, 255, 255, 1];
    for (const a of ancestors) background = over(toRgba(getComputedStyle(a).backgroundColor), background);
    const style = getComputedStyle(el);
    const foreground = over(toRgba(style.color), background);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const required = large ? 3 : 4.5;
    const measured = ratio(foreground, background);
    if (measured < required) {
      const classes = typeof el.className === 'string' && el.className ? ` class="${el.className}"` : '';
      problems.push({
        element: `<${el.tagName.toLowerCase()}${el.id ? ` id=${el.id}` : ''}${classes}>`,
        ratio: Math.round(measured * 100) / 100,
        required,
      });
    }
  }
  return problems;
}

/** How wide the document is: more than the viewport means the page scrolls sideways. */
export function documentScrollWidth(): number {
  return document.documentElement.scrollWidth;
}

/** What the focused element is (tag and label, to see where Tab went) and whether it shows focus (outline or ring). */
export function focusedElement(): { description: string; showsFocus: boolean } | null {
  const el = document.activeElement;
  if (!el) return null;
  const style = getComputedStyle(el);
  const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  return { description: `${el.tagName.toLowerCase()}:${label}`, showsFocus: outline || style.boxShadow !== 'none' };
}

/** The keys this origin keeps in sessionStorage (sorted), and how many entries in localStorage. */
export function storedEntries(): { session: string[]; local: number } {
  const session: string[] = [];
  for (let i = 0; i < sessionStorage.length; i++) session.push(sessionStorage.key(i) ?? '');
  return { session: session.sort(), local: localStorage.length };
}

/**
 * What each <mark> holds: its text as shown (without visually hidden parts), what a screen reader hears
 * after it (its own visually hidden part), and its data-type, data-score and title.
 */
export function markContents(
  marks: DomElement[],
): { text: string; spoken: string; type: string | null; score: string | null; title: string | null }[] {
  const isHidden = (node: DomNode) =>
    node.nodeType === 1 &&
    String((node as DomElement).className)
      .split(/\s+/)
      .includes('visually-hidden');
  const shownText = (node: DomNode): string => {
    if (node.nodeType === 3) return node.textContent ?? '';
    if (node.nodeType !== 1 || isHidden(node)) return '';
    return Array.from((node as DomElement).childNodes, shownText).join('');
  };
  return marks.map((mark) => ({
    text: shownText(mark),
    spoken: Array.from(mark.childNodes)
      .filter(isHidden)
      .map((node) => node.textContent ?? '')
      .join(''),
    type: mark.getAttribute('data-type'),
    score: mark.getAttribute('data-score'),
    title: mark.getAttribute('title'),
  }));
}
