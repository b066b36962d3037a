import { wordsBefore } from '../context.ts';
import dateWords from '../word-lists/recognizeDates.json' with { type: 'json' };

/** "March" after "in"/"since" is a date; "may" and "march" as verbs, and "Mar" in "Mar 2 mg", are not. */
export function scoreMonthAlone(text: string, start: number, word: string): number {
  const lower = word.toLowerCase();
  // "NICARDIPINE DEC TO 5": in ALL-CAPS text a capital says nothing; "Dec" in mixed case does.
  const capitalized = /^[A-Z][a-z]/.test(word);
  const before = wordsBefore(text, start, 1)[0] ?? '';
  const cue = dateWords.monthCues.includes(before);
  if (lower === 'may' || lower === 'march' || lower === 'mar') return capitalized && cue ? 0.7 : 0;
  if (lower.length <= 3 && !capitalized && !cue) return 0;
  if (lower === 'jan' || lower === 'june' || lower === 'april' || lower === 'august') return cue ? 0.75 : 0;
  return cue ? 0.8 : capitalized ? 0.6 : 0.4;
}
