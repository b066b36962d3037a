import type { Candidate } from '../Candidate.ts';

/** A state code and ZIP as STATE_ZIP finds them ("MS 08130", "MO-82551"). */
const STATE_ZIP_TEXT = /^[A-Z]{2}(?:\s+|-)\d{5}/;
/** A street as the street patterns find it: a house number first. */
const HOUSE_NUMBER_FIRST = /^\d{1,6}/;
/** The gap between a street and its state: a comma, then one to three words, then a comma or period or a cell bar. */
const CITY_GAP = /^,[ \t|]*(\p{L}[\p{L}'’.-]*(?:[ \t]+\p{L}[\p{L}'’.-]*){0,2})[,.]?[ \t|]*$/u;
/** Longest gap looked at (a city of three words with its punctuation). */
const MAX_GAP = 40;

/**
 * The city between a street and a state code with its ZIP on one line ("28505 Warren Street, lackson, MS 08130"),
 * whatever the scan made of its letters: the city patterns want a capital and a known shape, which a misread
 * first letter ("J" read as "l") loses; its place between the two says what it is.
 */
export function citiesBetween(text: string, addresses: readonly Candidate[]): Candidate[] {
  const streets = addresses.filter((c) => c.score >= 0.8 && HOUSE_NUMBER_FIRST.test(text.slice(c.start, c.end)));
  const states = addresses.filter((c) => STATE_ZIP_TEXT.test(text.slice(c.start, c.end)));
  const out: Candidate[] = [];
  for (const street of streets) {
    const state = states.find((s) => s.start > street.end && s.start - street.end <= MAX_GAP);
    if (!state) continue;
    const gap = text.slice(street.end, state.start);
    const city = CITY_GAP.exec(gap)?.[1];
    if (!city || gap.includes('\n')) continue;
    const start = street.end + gap.indexOf(city);
    out.push({ start, end: start + city.length, type: 'ADDRESS', score: 0.85 });
  }
  return out;
}
