import { hasCueBefore, wordsAfter, wordsBefore } from '../context.ts';
import dateWords from '../word-lists/recognizeDates.json' with { type: 'json' };

// "line placed 9-12", "extubated 4/4" (event cues, shared with recognizeDates) and the other words before a date.
const DATE_CUES = [...dateWords.eventDateCues, ...dateWords.dateCues];
const NOT_DATE_BEFORE = dateWords.notDateBefore;
const NOT_DATE_AFTER = dateWords.notDateAfter;

/** "3/14" is a date; "1/2 tab", "BP 12/8", "pain 4/10", "2/6 murmur" and "5/5 strength" are not. */
export function scorePartialNumeric(text: string, start: number, end: number): number {
  const before = wordsBefore(text, start, 2);
  const after = wordsAfter(text, end, 1);
  const [numerator, denominator] = text.slice(start, end).split('/').map(Number);
  if (NOT_DATE_BEFORE.includes(before[0] ?? '')) return 0;
  if (NOT_DATE_AFTER.includes(after[0] ?? '')) return 0;
  if (text[end] === '+' || text[start - 1] === '+') return 0;
  // Scores and grades share these denominators ("4/10" pain, "4/5" strength, "2/6" murmur); without a cue either way, stay unsure.
  // A score or grade never exceeds its scale, so "10/5" can only be a date.
  const scoreLike = numerator !== undefined && denominator !== undefined && numerator <= denominator;
  // "pain 3/10 to 7/10", "4/5 and 5/5": a score right before this one makes it a score too.
  if (scoreLike && /\d\/\d{1,2}[ \t]*(?:to|and|->|-|,)?[ \t]*$/.test(text.slice(Math.max(0, start - 12), start)))
    return 0;
  if (scoreLike && denominator === 10 && !hasCueBefore(text, start, DATE_CUES, 2)) return 0.45;
  if (
    scoreLike &&
    (denominator === 5 || denominator === 6 || denominator === 4) &&
    !hasCueBefore(text, start, DATE_CUES, 2)
  )
    return 0.45;
  if (numerator === undefined) return 0;
  return hasCueBefore(text, start, DATE_CUES, 2) ? 0.9 : 0.65;
}
