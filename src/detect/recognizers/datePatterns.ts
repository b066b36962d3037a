// The date recognizer's pattern source: the month, day and weekday alternations its regexes are built from,
// and the full-date regexes with the cheap test of whether each can match. FULL_DATES and fullDateHint live
// together because the hint is keyed by each regex's index.
export const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
export const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
export const TITLE_MONTH =
  'Jan|January|Feb|February|Mar|March|Apr|April|May|June?|July?|Aug|August|Sept?|September|Oct|October|Nov|November|Dec|December';
const ORDINAL_DAY = `${DAY}(?:st|nd|rd|th)?`;
export const NUM_MONTH = '(?:0?[1-9]|1[0-2])';
const NO_DOSE = '(?![ \\t]*(?:%|(?:mg|mcg|g|ml|units?|tabs?|caps?|episodes?|days?|x)\\b))';
const YEAR = "(?:(?:19|20)\\d{2}|'\\d{2})";
export const WEEKDAY =
  '(?:mon(?:day)?|tues?(?:day)?|wed(?:s|nesday)?|thu(?:rs?)?(?:day)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)';

// Full dates: the strongest forms first; every regex is case-insensitive because ICU notes are often in capitals.
export const FULL_DATES: RegExp[] = [
  new RegExp(`(?<![\\d/])\\b${NUM_MONTH}[/-]${DAY}[/-](?:\\d{4}|\\d{2})(?![\\d/-])`, 'gi'),
  new RegExp(`\\b${DAY}[.]${NUM_MONTH}[.](?:\\d{4}|\\d{2})(?![\\d.]\\d)`, 'gi'),
  // Month first with dots, as US forms write a birth date: "4.15.51", "04.15.1951".
  new RegExp(`\\b${NUM_MONTH}[.](?:1[3-9]|2\\d|3[01])[.](?:\\d{4}|\\d{2})(?![\\d.]\\d)`, 'g'),
  // Day first, as written outside the US: "17/09/2020" (only days past 12 are unambiguous, the rest match above).
  new RegExp(`(?<![\\d/])\\b(?:1[3-9]|2\\d|3[01])[/-]${NUM_MONTH}[/-](?:\\d{4}|\\d{2})(?![\\d/-])`, 'g'),
  // "2019 08-01", "2018-08 25": a scan may read one of an ISO date's hyphens as a space (two-digit month and day
  // only, and no dose after it: "2019 10-12 mg" stays).
  new RegExp(
    `\\b(?:19|20)\\d{2}(?:[-/.]|[ \\t](?=(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])(?![\\d-])${NO_DOSE}))${NUM_MONTH}(?:[-/.]|(?<=-\\d{2})[ \\t](?=(?:0[1-9]|[12]\\d|3[01])(?![\\d-])${NO_DOSE}))${DAY}(?![\\d])`,
    'gi',
  ),
  new RegExp(`\\b(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\b`, 'g'),
  // A day and a month stay on one line: "SEE MAR\n11PM" is the medication record and a time.
  new RegExp(`\\b${ORDINAL_DAY}[ \\t-]*(?:of[ \\t]+)?${MONTH}\\.?,?[ \\t-]*(?:\\d{4}|'?\\d{2})?\\b`, 'gi'),
  // "March 1. 2015", "October 8; 2018", "November 23;.1918": a period or semicolon read for the comma (scans),
  // before a year that starts 19 or 20 only; "May'5, 1920", "Feb.'7": a speck read as a quote before the day.
  new RegExp(
    `\\b${MONTH}\\.?[ \\t'‘’-]*${ORDINAL_DAY}(?:(?:,?[ \\t]*|(?:[.;][ \\t]+|[.;,]{2}[ \\t]*)(?=(?:19|20)\\d{2}\\b${NO_DOSE}))(?:\\d{4}|'\\d{2}))?(?![\\d:])`,
    'gi',
  ),
  new RegExp(`\\b${DAY}${MONTH}(?:\\d{4}|\\d{2})\\b`, 'gi'),
  new RegExp(`\\b${MONTH}\\.?,?\\s*(?:of\\s+)?${YEAR}\\b`, 'gi'),
  // "admit May 95": a month and a two-digit number no day can have is a year when the month is written
  // with a capital or follows a cue of time ("propofol dec 40" is a decrease; see scoreMonthShortYear).
  new RegExp(`\\b${MONTH}\\.?\\s+(?:00|3[2-9]|[4-9]\\d)\\b(?![.:/%-]?\\d|\\s*%)`, 'gi'),
  new RegExp(`\\b${NUM_MONTH}/(?:19|20)\\d{2}\\b`, 'g'),
];

/** Whether FULL_DATES[k] can match at all: month-name forms need a month, numeric forms their separator. */
export function fullDateHint(
  k: number,
  hasMonth: boolean,
  hasSlash: boolean,
  hasHyphen: boolean,
  text: string,
): boolean {
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
