import { hasCueBefore } from '../context.ts';
import dateWords from '../word-lists/recognizeDates.json' with { type: 'json' };

const SATURATION_CUES = dateWords.saturationCues;
// A date after the day: "Sat 3/14", "Sat 14", "Sat 14th", "Sat, 14 March"; not "sat 94", "sat 92%", "sat 90-95".
const DAY_OF_MONTH_AFTER =
  /^[\s,.]*(?:(?:0?[1-9]|1[0-2])[/.](?:0?[1-9]|[12]\d|3[01])\b(?![%.]\d)|(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?![\d%.,/-]|\s*(?:%|-\s*\d)))/i;
const WEEKDAY_CUES = dateWords.weekdayCues;

/** Whether a three-letter weekday is no day here: a word ("sat up"), a value ("sat 94") or a schedule ("Mon/Fri"). */
export function isAmbiguousShortDay(word: string, text: string, start: number): boolean {
  const lower = word.toLowerCase();
  if (!dateWords.shortDays.includes(lower)) return false;
  // "sat up", "sun exposure", "sats 95%", "Mon/Fri dosing": only a weekday next to a date or after a cue.
  const after = text.slice(start + word.length, start + word.length + 12);
  if (/^\//.test(after) || text[start - 1] === '/') return true;
  // "O2 sat 94", "sat 88-92%": a saturation is a value, never a day of the month.
  if (lower === 'sat' && hasCueBefore(text, start, SATURATION_CUES, 1)) return true;
  if (/^[\s,.]*\d/.test(after)) return !DAY_OF_MONTH_AFTER.test(after);
  return !hasCueBefore(text, start, WEEKDAY_CUES, 1);
}
