import { wordsAfter, wordsBefore } from '../context.ts';
import dateWords from '../word-lists/recognizeDates.json' with { type: 'json' };

/** A year alone: "in 2019" yes; "at 2000" (a time) and "2000 mL" no. */
export function scoreYearAlone(text: string, start: number, year: string): number {
  const before = wordsBefore(text, start, 1)[0] ?? '';
  const after = wordsAfter(text, start + year.length, 1)[0] ?? '';
  // "s/p CABG 2005", "h/o MI 1997": a year after a past procedure or diagnosis, even one that reads as a time.
  if (
    /\b(?:s\/p|h\/o|hx|dx|status\s+post|history\s+of)(?:[ \t]+[\p{L}\d/-]+){0,2}[ \t]+$/iu.test(
      text.slice(Math.max(0, start - 32), start),
    )
  )
    return 0.8;
  // "BNP 1961", "ARRIVAL: 1930": a value after an upper-case label is a lab result or a clock time.
  if (/[A-Z]{2,}:?\s+$/.test(text.slice(Math.max(0, start - 10), start))) return 0;
  // 1900 and 2030 are also clock times (19:00, 20:30), the commonest four-digit numbers in nursing notes.
  const clock = Number(year.slice(2)) < 60 && (year.startsWith('19') || year.startsWith('20'));
  if (clock && dateWords.clockCues.includes(before)) return 0;
  if (/^(?:ml|cc|mg|mcg|units?|kcal|cal|g|kg|l|ms|hrs?|h|mm|cells|k|x)$/.test(after)) return 0;
  if (dateWords.yearCues.includes(before)) return 0.85;
  if (clock) return 0.3;
  return year.startsWith('19') ? 0.6 : 0.5;
}
