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

/**
 * "670 S. Hancock Driv" over "Brooklyn, | NY 17624": a line of its own from a house number to a capitalised word,
 * right over a line (a blank line between at most: the engine may read them as two blocks) that ends with a
 * state code and a ZIP after a comma or a cell bar ("Patient ID 12345" is no city line). An envelope's, a
 * letter's or a label's address in two lines, the street's suffix lost or misread. Not a line with a dose or a
 * count of tablets on it.
 */
const STREET_OVER_CITY =
  /^[ \t]*(\d{1,6}[A-Za-z]?[ \t]+(?:\|[ \t]+)?[A-Z][^\n\d]{1,40}?)[ \t|.,]*\n(?:[ \t]*\n)?(?=([^\n]{2,60}?[,|][ \t]*(?:\|[ \t]+)?\b([A-Z][A-Za-z0-9])\.?,?[ \t]+(?:\|[ \t]+)?\d{5}(?:-\d{4})?)\b[ \t|.,]*$)/gm;
const DOSE_WORDS =
  /\b(?:mg|mcg|ml|g|units?|tabs?|tablets?|capsules?|caps|puffs?|drops?|refills?|qty|days?|weeks?|months?|years?|hours?|times|ago)\b/i;

export function addressLinesWithZip(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(HOUSE_TO_ZIP)) {
    const line = m[1] ?? '';
    if (!isStateCode(m[2] ?? '')) continue;
    const start = m.index + m[0].indexOf(line);
    out.push({ start, end: start + line.length, type: 'ADDRESS', score: 0.85 });
  }
  if (text.includes('\n')) out.push(...streetsOverCities(text));
  return out;
}

function streetsOverCities(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(STREET_OVER_CITY)) {
    const street = m[1] ?? '';
    const city = m[2] ?? '';
    if (DOSE_WORDS.test(street) || !isStateCode(m[3] ?? '')) continue;
    const start = m.index + m[0].indexOf(street);
    const cityStart = m.index + m[0].length;
    out.push({ start, end: start + street.length, type: 'ADDRESS', score: 0.85 });
    out.push({ start: cityStart, end: cityStart + city.length, type: 'ADDRESS', score: 0.85 });
  }
  return out;
}

function isStateCode(code: string): boolean {
  return STATE_CODES.has(code.toUpperCase().replace(/[0158]/g, (d) => DIGIT_AS_LETTER[d] ?? d));
}
