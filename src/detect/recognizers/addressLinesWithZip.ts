import type { Candidate } from '../Candidate.ts';
import { STATE_CODES } from '../usStates.ts';

/**
 * A line of its own that starts with a house number and ends with a state code and a ZIP: "10584 | Road. | MA
 * 92173", "31 Meadow | Warren,” | M1 13344". A scan may split a label's address line into cells, lose words of
 * it and misread its letters, so the street and city patterns find nothing; its two ends still say what it is.
 */
const HOUSE_TO_ZIP =
  /^[ \t]*(\d{1,6}[A-Za-z]?\b[^\n]{2,60}?\b([A-Z][A-Za-z0-9])\.?,?[ \t]+\d{5}(?:-\d{4})?)\b[ \t|.,]*$/gm;
/** Letters a scan reads as digits in a state code ("M1" for MI, "C0" for CO). */
const DIGIT_AS_LETTER: Readonly<Record<string, string>> = { '0': 'O', '1': 'I', '5': 'S', '8': 'B' };

export function addressLinesWithZip(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(HOUSE_TO_ZIP)) {
    const line = m[1] ?? '';
    const state = (m[2] ?? '').toUpperCase().replace(/[0158]/g, (d) => DIGIT_AS_LETTER[d] ?? d);
    if (!STATE_CODES.has(state)) continue;
    const start = m.index + m[0].indexOf(line);
    out.push({ start, end: start + line.length, type: 'ADDRESS', score: 0.85 });
  }
  return out;
}
