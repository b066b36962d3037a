import type { Candidate } from '../Candidate.ts';
import { hasCueBefore } from '../context.ts';
import { fastLetters } from '../fastLetters.ts';
import contactWords from '../word-lists/recognizeContacts.json' with { type: 'json' };

const EMAIL = fastLetters(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu);
// OCR may read one slash of the two ("http:/fwww.example.org"), a space after the colon ("https: //x.org"),
// or the colon as a dot, a semicolon or a space ("https.//x.org", "https //x.org": then both slashes count).
const SCHEME = String.raw`\b(?:https?|ftp|sftp)(?:[:;.,] ?\/\/?| ?\/\/)`;
const URL_WITH_SCHEME = new RegExp(String.raw`${SCHEME}[^\s<>"'\x60]+|\bwww\.[^\s<>"'\x60]+`, 'gi');
// OCR reads the dots of a link in small type as spaces ("https://chart example net/patients/MR1/chart"):
// after a scheme, up to three lower-case pieces are still the host when a path follows on the same line.
const URL_SPLIT_HOST = new RegExp(String.raw`${SCHEME}[a-z0-9.-]+(?: [a-z0-9-]+){1,3}\/[^\s<>"'\x60|]*`, 'g');
// Bare domains only under a short list of TLDs, so "pt.tolerated" and "q.6h" never match.
const BARE_DOMAIN =
  /\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|mil|health|io|info|biz|us|uk|ca|au|de|fr|nl|me|co)\b(?:\/[^\s<>"'`]*)?/gi;
const TLD_HINT = /\.(?:com|org|net|edu|gov|mil|health|io|info|biz|us|uk|ca|au|de|fr|nl|me|co)\b/i;
const IPV4 = /\b(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b/g;
const IPV6 = /\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b|\b(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}:?){1,6}\b/gi;
// "(619) | 555-9315": on a scanned page a wide gap after the area code reads as a column break.
const NANP =
  /(?<![\d-])(?:\+?1[\s.-]?)?(?:\(\s*[2-9]\d{2}\s*\)(?:[ \t]*\|)?|[2-9]\d{2})[\s.-]?\d{3}[\s.-]?\d{4}(?![\d-])(?:\s*(?:x|ext\.?|extension)\s*\d{1,6})?/gi;
const INTERNATIONAL = /(?<![\w+])\+(?:[1-9]\d{0,2})[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]?\d{2,4}){2,4}(?!\d)/g;
const SEVEN_DIGIT = /(?<![\d/.-])\d{3}[-.]\d{4}(?![\d/-])/g;
const PAGER_OR_EXTENSION =
  /\b(?:pager|pgr|beeper|bpr|bleep|page|pg|ext\.?|extension|x|p\.|p(?=\s?#))\s*[#:.]?\s*(\d(?:[\d-]{2,9}\d))\b/gi;

// "beeped @ 3-4410", "paged at 54410": a number after a paging verb; a time ("paged at 1400") has no hyphen and four digits.
const PAGED_NUMBER =
  /\b(?:beep(?:ed)?|paged?|pinged)(?:(?:[ \t]+[A-Za-z.]+){0,3}?[ \t]*(?:at|@|to|#)[ \t]*#?|[ \t]*)[ \t]*(\d-?\d{4}|\d{5,7}|\d{3}-\d{4})\b/gi;
const PHONE_CUES = contactWords.phoneCues;
// "Ph: (702) | 3:0236", "Tel: 412-019": after a form's phone label, whatever digits follow on the line are the
// number, even when a scan lost a digit, read a hyphen as a colon or set part of it apart as another cell.
const PHONE_LABEL = new RegExp(String.raw`\b(?:${contactWords.phoneLabels.join('|')})[ \t]*[:#][ \t]*`, 'gi');
const PHONE_PIECE = /^[+(]?[\d()+.:/-]*\d[\d()+.:/-]*/;

export function recognizeContacts(text: string, lower = text.toLowerCase()): Candidate[] {
  const out: Candidate[] = [];
  const hasAt = text.includes('@');
  if (hasAt)
    for (const m of text.matchAll(EMAIL))
      out.push({ start: m.index, end: m.index + m[0].length, type: 'EMAIL', score: 0.99 });
  if (lower.includes('/') || lower.includes('www.'))
    for (const m of text.matchAll(URL_WITH_SCHEME)) push(out, m.index, trimUrl(m[0]), 'URL', 0.97);
  if (lower.includes('/')) for (const m of text.matchAll(URL_SPLIT_HOST)) push(out, m.index, trimUrl(m[0]), 'URL', 0.9);
  // Bare domains only where a listed top-level domain occurs at all: a literal "." scan is cheap.
  if (TLD_HINT.test(text))
    for (const m of text.matchAll(BARE_DOMAIN)) {
      if (text[m.index - 1] === '@' || text[m.index - 1] === '.') continue;
      push(out, m.index, trimUrl(m[0]), 'URL', 0.85);
    }
  for (const m of text.matchAll(IPV4)) out.push({ start: m.index, end: m.index + m[0].length, type: 'ID', score: 0.9 });
  if (/:[0-9a-f]{0,4}:/i.test(text))
    for (const m of text.matchAll(IPV6))
      out.push({ start: m.index, end: m.index + m[0].length, type: 'ID', score: 0.85 });
  for (const m of text.matchAll(NANP)) {
    const cue = hasCueBefore(text, m.index, PHONE_CUES, 3);
    out.push({ start: m.index, end: m.index + m[0].length, type: 'PHONE_OR_FAX', score: cue ? 0.97 : 0.85 });
  }
  if (text.includes('+'))
    for (const m of text.matchAll(INTERNATIONAL))
      out.push({ start: m.index, end: m.index + m[0].length, type: 'PHONE_OR_FAX', score: 0.85 });
  for (const m of text.matchAll(SEVEN_DIGIT)) {
    const cue = hasCueBefore(text, m.index, PHONE_CUES, 3);
    const score = isRange(text, m.index, m[0]) ? 0.2 : cue ? 0.9 : 0.6;
    out.push({ start: m.index, end: m.index + m[0].length, type: 'PHONE_OR_FAX', score });
  }
  if (/[:#]/.test(text)) out.push(...phoneAfterLabel(text));
  if (/beep|page|pinged/i.test(text))
    for (const m of text.matchAll(PAGED_NUMBER)) {
      const value = m[1] ?? '';
      out.push({
        start: m.index + m[0].length - value.length,
        end: m.index + m[0].length,
        type: 'PHONE_OR_FAX',
        score: 0.8,
      });
    }
  for (const m of text.matchAll(PAGER_OR_EXTENSION)) {
    const value = m[1] ?? '';
    let start = m.index + m[0].length - value.length;
    // "x1228": the extension mark written onto the number belongs to it.
    if (/x$/i.test(text.slice(start - 1, start))) start--;
    out.push({ start, end: m.index + m[0].length, type: 'PHONE_OR_FAX', score: 0.85 });
  }
  return out;
}

/**
 * The pieces of a number after a phone label, as far as they go: digits with a phone's punctuation, one after
 * another on the line, separated by spaces or a cell bar, until a whole number (seven digits before a cell bar, ten
 * in all). A number it is when it has six digits at least or an area code in brackets, and no unit, time or count
 * after it: "pH: 7.32", "Tel: 300 mg", "Phone: 10:30 am", "Fax: 100 pages" are none.
 */
function phoneAfterLabel(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(PHONE_LABEL)) {
    const start = m.index + m[0].length;
    const end = phoneEnd(text, start);
    const value = text.slice(start, end).replace(/[.:/-]+$/, '');
    const digits = value.replace(/\D/g, '').length;
    const enough = digits >= 6 || /^\(\d{3}\)/.test(value);
    if (enough && digits <= 15 && !NOT_A_NUMBER_AFTER.test(text.slice(start + value.length, start + value.length + 12)))
      out.push({ start, end: start + value.length, type: 'PHONE_OR_FAX', score: 0.9 });
  }
  return out;
}

function phoneEnd(text: string, start: number): number {
  let end = start;
  let at = start;
  for (;;) {
    const piece = PHONE_PIECE.exec(text.slice(at, at + 24))?.[0];
    if (!piece || /\p{L}/u.test(text[at + piece.length] ?? '')) return end;
    const digitsSoFar = text.slice(start, end).replace(/\D/g, '').length;
    // Past a cell bar only the rest of an unfinished number, not the next cell's date or quantity.
    const acrossBar = text.slice(end, at).includes('|');
    if (acrossBar && (digitsSoFar >= 7 || /\d\/\d/.test(piece) || /^[ \t]*\p{L}/u.test(text.slice(at + piece.length))))
      return end;
    end = at + piece.length;
    if (digitsSoFar + piece.replace(/\D/g, '').length >= 10) return end;
    const gap = /^[ \t]+(?:\|[ \t]+)?/.exec(text.slice(end, end + 8))?.[0];
    if (!gap) return end;
    at = end + gap.length;
  }
}

// A value with a unit, a time or a count after it is a measurement, not a telephone number.
const NOT_A_NUMBER_AFTER =
  /^[ \t]*(?:%|(?:mg|mcg|g|ml|l|units?|u|meq|mmol|kg|cc|min|mins|minutes?|hrs?|hours?|am|pm|pages?|days?|tabs?|tablets?|x)\b)/i;

/**
 * "u/o 900-1300", "plt 150-4000 cc": a rising pair of numbers with a unit or a rate after it is a range of
 * values. A bare seven-digit number ("555-0143") has no unit after it.
 */
function isRange(text: string, start: number, value: string): boolean {
  const [low, high] = value.split(/[-.]/).map(Number);
  if (value[3] !== '-' || low === undefined || high === undefined || low >= high) return false;
  return (
    RANGE_UNIT_AFTER.test(text.slice(start + value.length, start + value.length + 12)) ||
    RANGE_LABEL_BEFORE.test(text.slice(Math.max(0, start - 16), start))
  );
}

// "UOP goal 500-1000", "plt 100-1500": a quantity's name before the pair.
const RANGE_LABEL_BEFORE =
  /\b(?:goal|uop|u\/o|i\/o|urine|output|intake|balance|fluid|fluids|neg|pos|plt|plts|platelets|wbc|glucose|bg|fsbs|range|between|ebl|drain|jp|ct|volume|vol|tv|kcal|calories|ml|cc)[ \t:]*$/i;

// "x3 days" repeats a range; "x8286" (three digits or more) is a telephone extension.
const RANGE_UNIT_AFTER =
  /^\s*(?:%|cc|ml|mls|mg|mcg|g|kg|units?|u\b|meq|mmol|kcal|cal|l\b|\/|per\b|a\s+day|daily|q|x(?![ \t]?\d{3})|in\b|out\b|over\b|range|total)/i;

function push(out: Candidate[], start: number, value: string, type: 'URL', score: number): void {
  if (value.length > 3) out.push({ start, end: start + value.length, type, score });
}

/** Sentence punctuation right after a URL belongs to the sentence. */
function trimUrl(url: string): string {
  return url.replace(/[.,;:!?)\]}'"]+$/, '');
}
