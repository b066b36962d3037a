import type { Candidate } from '../Candidate.ts';
import { CARE_UNIT_PATTERN } from '../../core/careUnits.ts';

// Two-letter units are also words ("or", "ed"): only their capitalised form, a number after or "the" before.
const SHORT_UNIT = /^(?:or|ed|er|ob|ir)$/i;

/**
 * Generic units and departments as ADDRESS, for callers who follow DetectPHI's or i2b2-2014's rules
 * (`maskCareUnits`). Off by default: "MICU" and "cath lab" name no one.
 */
export function recognizeCareUnits(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(CARE_UNIT_PATTERN)) {
    if (SHORT_UNIT.test(m[0]) && !isUnitUse(text, m.index, m[0])) continue;
    // "the floor": the article stays outside the span, as it does for every other place.
    const article = /^the\s+/i.exec(m[0])?.[0].length ?? 0;
    out.push({ start: m.index + article, end: m.index + m[0].length, type: 'ADDRESS', score: 0.8 });
  }
  return out;
}

function isUnitUse(text: string, start: number, word: string): boolean {
  const upper = word === word.toUpperCase() && /\p{Ll}/u.test(text);
  return (
    upper ||
    /\bthe\s+$/i.test(text.slice(Math.max(0, start - 5), start)) ||
    /^\s*\d/.test(text.slice(start + word.length, start + word.length + 3))
  );
}
