import type { Candidate } from '../Candidate.ts';
import { hasCueBefore, wordsAfter, wordsBefore } from '../context.ts';
import dateWords from '../word-lists/recognizeDates.json' with { type: 'json' };

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const TITLE_MONTH =
  'Jan|January|Feb|February|Mar|March|Apr|April|May|June?|July?|Aug|August|Sept?|September|Oct|October|Nov|November|Dec|December';
const ORDINAL_DAY = `${DAY}(?:st|nd|rd|th)?`;
const NUM_MONTH = '(?:0?[1-9]|1[0-2])';
const YEAR = "(?:(?:19|20)\\d{2}|'\\d{2})";
const WEEKDAY =
  '(?:mon(?:day)?|tues?(?:day)?|wed(?:s|nesday)?|thu(?:rs?)?(?:day)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)';

// Full dates: the strongest forms first; every regex is case-insensitive because ICU notes are often in capitals.
const FULL_DATES: RegExp[] = [
  new RegExp(`(?<![\\d/])\\b${NUM_MONTH}[/-]${DAY}[/-](?:\\d{4}|\\d{2})(?![\\d/-])`, 'gi'),
  new RegExp(`\\b${DAY}[.]${NUM_MONTH}[.](?:\\d{4}|\\d{2})(?![\\d.]\\d)`, 'gi'),
  // Month first with dots, as US forms write a birth date: "4.15.51", "04.15.1951".
  new RegExp(`\\b${NUM_MONTH}[.](?:1[3-9]|2\\d|3[01])[.](?:\\d{4}|\\d{2})(?![\\d.]\\d)`, 'g'),
  // Day first, as written outside the US: "17/09/2020" (only days past 12 are unambiguous, the rest match above).
  new RegExp(`(?<![\\d/])\\b(?:1[3-9]|2\\d|3[01])[/-]${NUM_MONTH}[/-](?:\\d{4}|\\d{2})(?![\\d/-])`, 'g'),
  new RegExp(`\\b(?:19|20)\\d{2}[-/.]${NUM_MONTH}[-/.]${DAY}(?![\\d])`, 'gi'),
  new RegExp(`\\b(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\b`, 'g'),
  // A day and a month stay on one line: "SEE MAR\n11PM" is the medication record and a time.
  new RegExp(`\\b${ORDINAL_DAY}[ \\t-]*(?:of[ \\t]+)?${MONTH}\\.?,?[ \\t-]*(?:\\d{4}|'?\\d{2})?\\b`, 'gi'),
  // "March 1. 2015", "October 8; 2018": a period or semicolon read for the comma (scans), before a year
  // that starts 19 or 20 only.
  new RegExp(
    `\\b${MONTH}\\.?[ \\t-]*${ORDINAL_DAY}(?:(?:,?[ \\t]*|[.;][ \\t]+(?=(?:19|20)\\d{2}\\b))(?:\\d{4}|'\\d{2}))?(?![\\d:])`,
    'gi',
  ),
  new RegExp(`\\b${DAY}${MONTH}(?:\\d{4}|\\d{2})\\b`, 'gi'),
  new RegExp(`\\b${MONTH}\\.?,?\\s*(?:of\\s+)?${YEAR}\\b`, 'gi'),
  // "admit May 95": a month and a two-digit number no day can have is a year when the month is written
  // with a capital or follows a cue of time ("propofol dec 40" is a decrease; see scoreWrittenDate).
  new RegExp(`\\b${MONTH}\\.?\\s+(?:00|3[2-9]|[4-9]\\d)\\b(?![.:/%-]?\\d|\\s*%)`, 'gi'),
  new RegExp(`\\b${NUM_MONTH}/(?:19|20)\\d{2}\\b`, 'g'),
];
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

const DATE_CUES = [...EVENT_DATE_CUES, ...dateWords.dateCues];
const NOT_DATE_BEFORE = dateWords.notDateBefore;
const NOT_DATE_AFTER = dateWords.notDateAfter;

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
  return out;
}

const WEEKDAY_PREFIXES = dateWords.weekdayPrefixes;
const HOLIDAY_WORDS = dateWords.holidayWords;

/** Whether FULL_DATES[k] can match at all: month-name forms need a month, numeric forms their separator. */
function fullDateHint(k: number, hasMonth: boolean, hasSlash: boolean, hasHyphen: boolean, text: string): boolean {
  switch (k) {
    case 0:
    case 3:
      return hasSlash || hasHyphen;
    case 1:
    case 2:
      return text.includes('.');
    case 4:
      return hasSlash || hasHyphen || text.includes('.');
    case 6:
    case 7:
    case 8:
    case 9:
      return hasMonth;
    case 10:
      return hasMonth;
    case 11:
      return hasSlash;
    default:
      return true;
  }
}

function pushDate(out: Candidate[], start: number, value: string, score: number): void {
  if (value.length > 0) out.push({ start, end: start + value.length, type: 'DATE', score });
}

function trimDate(value: string): string {
  return value.replace(/[\s,.-]+$/, '');
}

/** "3/14" is a date; "1/2 tab", "BP 12/8", "pain 4/10", "2/6 murmur" and "5/5 strength" are not. */
function scorePartialNumeric(text: string, start: number, end: number): number {
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

/** "March" after "in"/"since" is a date; "may" and "march" as verbs, and "Mar" in "Mar 2 mg", are not. */
function scoreMonthAlone(text: string, start: number, word: string): number {
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

const SATURATION_CUES = dateWords.saturationCues;
// A date after the day: "Sat 3/14", "Sat 14", "Sat 14th", "Sat, 14 March"; not "sat 94", "sat 92%", "sat 90-95".
const DAY_OF_MONTH_AFTER =
  /^[\s,.]*(?:(?:0?[1-9]|1[0-2])[/.](?:0?[1-9]|[12]\d|3[01])\b(?![%.]\d)|(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?![\d%.,/-]|\s*(?:%|-\s*\d)))/i;
const WEEKDAY_CUES = dateWords.weekdayCues;

function isAmbiguousShortDay(word: string, text: string, start: number): boolean {
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

// "PS 10/5/40", "SIMV 12/5/50%", "settings 10/5/65": numbers right after a ventilator mode or setting
// (with at most a few other values between) are settings. "Trach placed 4/12/21" and "Last ABG 4/13/21"
// are dates: the word before them is no setting.
const SETTING_BEFORE =
  /\b(?:ps|psv|peep|fio2|ac|simv|imv|prvc|cpap|bipap|ipap|epap|aprv|vent|settings?|mode)[\s:=]*(?:\d+(?:\.\d+)?%?(?:\s*(?:x|\/)\s*\d+%?)?[\s,;.]*){0,3}$/i;

// Words around a breathing assessment; three numbers among them are more likely settings than a date.
const RESPIRATORY_WORDS =
  /\b(?:ps|psv|peep|fio2|vent|ac|simv|cpap|bipap|tv|rr|abg|vbg|nebs?|sats?|spo2|o2|rsbi|cough|crackles|sputum|ls|wean|nc|face\s+tent|extubated)\b/i;
// A word that says a date follows: an event with its date ("placed 4/12/21", "last ABG 4/13/21").
const DATE_EVENT_BEFORE =
  /\b(?:placed|inserted|extubated|intubated|changed|changes|last|since|on|dob|born|started|date|dated|adm|admitted|from|until|seen|done|drawn|performed)(?:[ \t]+\p{L}+)?[ \t:]*$/iu;

/**
 * "3/14/21" is a date, unless it follows a ventilator setting ("PS 11/8, 10/5/40"). On a line about
 * breathing, three numbers with no event word before them stay below the default threshold.
 */
function scoreNumericDate(text: string, start: number, value: string): number {
  if (!/^\d{1,2}\/\d{1,2}\/\d{2}$/.test(value)) return 0.95;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(Math.max(lineStart, start - 40), start);
  if (SETTING_BEFORE.test(before) || text[start + value.length] === '%') return 0.3;
  if (DATE_EVENT_BEFORE.test(before.slice(-20))) return 0.95;
  const lineEnd = text.indexOf('\n', start);
  const around = before + text.slice(start + value.length, lineEnd < 0 ? start + 40 : Math.min(lineEnd, start + 40));
  return RESPIRATORY_WORDS.test(around) ? 0.45 : 0.95;
}

const TITLE_MONTH_START = new RegExp(`^(?:${TITLE_MONTH})\\b`);
const TIME_CUE_BEFORE = /\b(?:in|since|admission|admit|admitted|adm|dx|diagnosed|last|until|from|hx|s\/p)\s+$/i;

/** "May 95", "last admit MAR 00": a year with its month; "dec 40" is a decrease. */
function scoreMonthShortYear(text: string, start: number, value: string): number {
  if (TITLE_MONTH_START.test(value) || TIME_CUE_BEFORE.test(text.slice(Math.max(0, start - 16), start))) return 0.95;
  return 0;
}

/** "30 MAY NEED", "may 3": "may" written other than "May" is the verb unless a year comes with it. */
function scoreWrittenDate(value: string): number {
  const may = /\bmay\b/i.exec(value);
  if (may && may[0] !== 'May' && !/\d{4}|'\d{2}/.test(value)) return 0.4;
  return 0.95;
}

/** "HD Tues/Thurs/Sat", "Mon/Fri dosing": weekdays listed with slashes are a schedule, not a day. */
function isScheduleList(text: string, start: number, word: string): boolean {
  const before = text.slice(Math.max(0, start - 10), start);
  const after = text.slice(start + word.length, start + word.length + 10);
  return WEEKDAY_BEFORE_SLASH.test(before) || SLASH_BEFORE_WEEKDAY.test(after);
}

const WEEKDAY_BEFORE_SLASH = new RegExp(`${WEEKDAY}\\.?[/,&]\\s?$`, 'i');
const SLASH_BEFORE_WEEKDAY = new RegExp(`^\\.?[/,&]\\s?${WEEKDAY}\\b`, 'i');

/** A year alone: "in 2019" yes; "at 2000" (a time) and "2000 mL" no. */
function scoreYearAlone(text: string, start: number, year: string): number {
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
