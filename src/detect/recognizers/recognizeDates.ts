import type { Candidate } from '../Candidate.ts';
import { hasCueBefore, wordsAfter } from '../context.ts';
import dateWords from '../word-lists/recognizeDates.json' with { type: 'json' };
import { DAY, FULL_DATES, fullDateHint, MONTH, NUM_MONTH, WEEKDAY } from './datePatterns.ts';
import { isAmbiguousShortDay } from './isAmbiguousShortDay.ts';
import { isScheduleList } from './isScheduleList.ts';
import { scoreMonthAlone } from './scoreMonthAlone.ts';
import { scoreMonthShortYear } from './scoreMonthShortYear.ts';
import { scoreNumericDate } from './scoreNumericDate.ts';
import { scorePartialNumeric } from './scorePartialNumeric.ts';
import { scoreWrittenDate } from './scoreWrittenDate.ts';
import { scoreYearAlone } from './scoreYearAlone.ts';

// "line placed 9-12", "extubated 4/4", "CT 9-29 neg": an event of the stay written with its date.
const EVENT_DATE_CUES = dateWords.eventDateCues;
// "Note 7a-7p 8-23", "adm 5-26": month-day with a hyphen, only after a cue (ranges like "5-10 mg" share the shape).
const HYPHEN_MONTH_DAY = new RegExp(`(?<![\\d/.:-])${NUM_MONTH}-${DAY}(?![\\d/-]|\\.\\d)`, 'g');
const HEADER_DATE_CUES = [...EVENT_DATE_CUES, ...dateWords.headerDateCues];
// "DOB: 88-09-1939": after a birth-date label a date-shaped number is the date, even one a scan misread.
const LABELLED_BIRTH_DATE =
  /\b(?:dob|d\.o\.b\.?|date\s+of\s+birth|birth\s*date|born)[ \t]*[:.]?[ \t]*(\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4})(?![\d/-])/gi;
const PARTIAL_NUMERIC = new RegExp(`(?<![\\d/.:])${NUM_MONTH}/${DAY}(?![\\d/]|\\.\\d)`, 'g');
const MONTH_ALONE = new RegExp(`\\b${MONTH}\\b`, 'gi');
const WEEKDAY_RE = new RegExp(`\\b${WEEKDAY}\\b\\.?`, 'gi');
const ORDINAL_ALONE = /\bthe\s+((?:[12]?\d|3[01])(?:st|nd|rd|th))\b/gi;
const YEAR_ALONE = /(?<![\d/.:-])(?:19[0-9]\d|20[0-4]\d)(?![\d/:]|-\d|\s*(?:hrs?|h)\b)/g;
const HOLIDAYS =
  /\b(?!christmas\s+disease)(?:christmas(?:\s+eve)?|thanksgiving|easter|new\s+year'?s(?:\s+(?:eve|day))?|halloween|independence\s+day|memorial\s+day|labor\s+day|veterans\s+day|valentine'?s\s+day)\b/gi;
// "dx '10", "(’90, Good Samaritan)": a two-digit year after an apostrophe, where a cue or bracket sits before it.
const SHORT_YEAR = /['’]\d{2}\b/g;
const SHORT_YEAR_CUE = /(?:\b(?:dx|in|since|from|s\/p|until|of|year|class)\s*|[(,]\s*)$/i;
const ORDINAL_AFTER_CUE = /\b(?:on|of|by|until|since|from|before|after)\s+((?:[12]?\d|3[01])(?:st|nd|rd|th))\b/gi;
const DECADE_YEAR = /\b(?:19|20)\d0'?s\b/gi;

const NOT_DATE_AFTER = dateWords.notDateAfter;

/**
 * Date candidates: full dates (`datePatterns`), then partial, written and labelled dates, weekdays, ordinals,
 * years, holidays and decades, each only where a cheap test says it can occur, scored from its context by the
 * `score*` and `is*` files beside this one.
 */
export function recognizeDates(text: string, lower = text.toLowerCase()): Candidate[] {
  const out: Candidate[] = [];
  // Each pattern runs only where its cheapest necessary character or word occurs (substring search is
  // much faster than a regex scan, and most notes lack most forms).
  const months = [...text.matchAll(MONTH_ALONE)];
  const hasSlash = text.includes('/');
  const hasHyphen = text.includes('-');
  for (const [k, re] of FULL_DATES.entries()) {
    if (!fullDateHint(k, months.length > 0, hasSlash, hasHyphen, text)) continue;
    for (const m of text.matchAll(re)) {
      const score =
        k === 0
          ? scoreNumericDate(text, m.index, m[0])
          : k === 10
            ? scoreMonthShortYear(text, m.index, m[0])
            : scoreWrittenDate(m[0]);
      pushDate(out, m.index, trimDate(m[0]), score);
    }
  }
  if (/dob|d\.o\.b|birth|born/i.test(text)) {
    for (const m of text.matchAll(LABELLED_BIRTH_DATE))
      pushDate(out, m.index + m[0].length - (m[1] ?? '').length, m[1] ?? '', 0.9);
  }
  if (hasSlash) {
    for (const m of text.matchAll(PARTIAL_NUMERIC)) {
      const score = scorePartialNumeric(text, m.index, m.index + m[0].length);
      if (score > 0) pushDate(out, m.index, m[0], score);
    }
  }
  for (const m of months) {
    const score = scoreMonthAlone(text, m.index, m[0]);
    if (score > 0) pushDate(out, m.index, m[0], score);
  }
  if (WEEKDAY_PREFIXES.some((d) => lower.includes(d))) {
    for (const m of text.matchAll(WEEKDAY_RE)) {
      const word = m[0].replace(/\.$/, '');
      if (isScheduleList(text, m.index, word)) continue;
      if (!isAmbiguousShortDay(word, text, m.index)) pushDate(out, m.index, word, word.length >= 6 ? 0.8 : 0.65);
    }
  }
  if (hasHyphen) {
    for (const m of text.matchAll(HYPHEN_MONTH_DAY)) {
      if (
        hasCueBefore(text, m.index, HEADER_DATE_CUES, 2) &&
        !NOT_DATE_AFTER.includes(wordsAfter(text, m.index + m[0].length, 1)[0] ?? '')
      )
        pushDate(out, m.index, m[0], 0.7);
    }
  }
  if (/\d(?:st|nd|rd|th)\b/i.test(text)) {
    for (const re of [ORDINAL_ALONE, ORDINAL_AFTER_CUE]) {
      for (const m of text.matchAll(re)) {
        const value = m[1] ?? '';
        pushDate(out, m.index + m[0].length - value.length, value, re === ORDINAL_ALONE ? 0.75 : 0.7);
      }
    }
  }
  if (lower.includes('19') || lower.includes('20')) {
    for (const m of text.matchAll(YEAR_ALONE)) {
      const score = scoreYearAlone(text, m.index, m[0]);
      if (score > 0) pushDate(out, m.index, m[0], score);
    }
  }
  if (HOLIDAY_WORDS.some((h) => lower.includes(h)))
    for (const m of text.matchAll(HOLIDAYS)) pushDate(out, m.index, m[0], 0.75);
  if (text.includes("'") || text.includes('’')) {
    for (const m of text.matchAll(SHORT_YEAR)) {
      // "CABG '09": an apostrophe and two digits is a year; after a digit it is feet and inches (5'09).
      if (SHORT_YEAR_CUE.test(text.slice(Math.max(0, m.index - 8), m.index))) pushDate(out, m.index, m[0], 0.7);
      else if (
        /(?:^|[\s(])$/.test(text.slice(Math.max(0, m.index - 1), m.index)) &&
        !/^["”]/.test(text.slice(m.index + 3, m.index + 4))
      )
        pushDate(out, m.index, m[0], 0.6);
    }
  }
  if (lower.includes('0s') || lower.includes("0's"))
    for (const m of text.matchAll(DECADE_YEAR)) pushDate(out, m.index, m[0], 0.6);
  if (text.includes('|')) {
    extendWithYearAcrossCells(text, out);
    for (const m of text.matchAll(MONTH_CELL_DAY_YEAR)) pushDate(out, m.index, m[0], 0.9);
  }
  return out;
}

// "DOB: November | 23, 1918": a scan may set the day and year apart from the month as another cell.
const MONTH_CELL_DAY_YEAR = new RegExp(
  `\\b${MONTH}\\.?[ \\t]*\\|[ \\t]*${DAY},?[ \\t]+(?:1[89]|20)\\d\\d(?![\\d/:-])`,
  'gi',
);
// "Filled: April 24. | 2019": a scan may set a date's year apart as another cell, or read its comma as a period.
const MONTH_DAY_END = new RegExp(
  `(?:${MONTH}\\.?[ \\t]+(?:[12]?\\d|3[01])|\\b(?:[12]?\\d|3[01])[ \\t]+${MONTH}\\.?)$`,
  'i',
);
const YEAR_IN_NEXT_CELL = /^[.,]?[ \t]*\|[ \t]*(?:1[89]|20)\d\d(?![\d/:-])/;

/** A month and day ("April 24", "9 August") whose year the scan put in the next cell take that year. */
function extendWithYearAcrossCells(text: string, dates: Candidate[]): void {
  for (const d of dates) {
    if (d.score < 0.5 || !MONTH_DAY_END.test(text.slice(d.start, d.end))) continue;
    const year = YEAR_IN_NEXT_CELL.exec(text.slice(d.end, d.end + 12));
    if (year) d.end += year[0].length;
  }
}

const WEEKDAY_PREFIXES = dateWords.weekdayPrefixes;
const HOLIDAY_WORDS = dateWords.holidayWords;

function pushDate(out: Candidate[], start: number, value: string, score: number): void {
  if (value.length > 0) out.push({ start, end: start + value.length, type: 'DATE', score });
}

function trimDate(value: string): string {
  return value.replace(/[\s,.-]+$/, '');
}
