import { phi, type Fragment, type PhiPiece } from '../NoteBuilder.ts';
import type { Rng } from '../random.ts';

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tues', 'Wed', 'Thurs', 'Fri', 'Sat'];

export type DateFormat =
  | 'mdyPad'
  | 'mdy'
  | 'mdyShort'
  | 'md'
  | 'iso'
  | 'dMonY'
  | 'dMonYUpper'
  | 'long'
  | 'longDmy'
  | 'monD'
  | 'monthD'
  | 'monthDth'
  | 'ordinal'
  | 'monthYear'
  | 'monYear'
  | 'mSlashY'
  | 'year'
  | 'aposYear'
  | 'weekdayMd'
  | 'weekdayLong'
  | 'weekday'
  | 'weekdayShort'
  | 'dmyDot'
  | 'dmySlash'
  | 'monDotDY'
  | 'compact'
  | 'mdyDash'
  | 'mdDash';

const pad = (n: number): string => String(n).padStart(2, '0');
const ordinal = (n: number): string => {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
};

export function formatDate(date: Date, format: DateFormat): string {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  const month = MONTHS[m - 1] as string;
  const mon = month.slice(0, 3);
  const weekday = WEEKDAYS[date.getUTCDay()] as string;
  switch (format) {
    case 'mdyPad':
      return `${pad(m)}/${pad(d)}/${y}`;
    case 'mdy':
      return `${m}/${d}/${y}`;
    case 'mdyShort':
      return `${m}/${d}/${String(y).slice(2)}`;
    case 'mdyDash':
      return `${pad(m)}-${pad(d)}-${y}`;
    case 'md':
      return `${m}/${d}`;
    case 'mdDash':
      return `${m}-${d}`;
    case 'iso':
      return `${y}-${pad(m)}-${pad(d)}`;
    case 'dMonY':
      return `${pad(d)}-${mon}-${y}`;
    case 'dMonYUpper':
      return `${pad(d)}-${mon.toUpperCase()}-${y}`;
    case 'long':
      return `${month} ${d}, ${y}`;
    case 'longDmy':
      return `${d} ${month} ${y}`;
    case 'monD':
      return `${mon} ${d}`;
    case 'monthD':
      return `${month} ${d}`;
    case 'monthDth':
      return `${month} ${ordinal(d)}`;
    case 'ordinal':
      return ordinal(d);
    case 'monthYear':
      return `${month} ${y}`;
    case 'monYear':
      return `${mon} ${y}`;
    case 'mSlashY':
      return `${m}/${y}`;
    case 'year':
      return String(y);
    case 'aposYear':
      return `'${String(y).slice(2)}`;
    case 'weekdayMd':
      return `${weekday} ${m}/${d}`;
    case 'weekdayLong':
      return `${weekday}, ${month} ${d}, ${y}`;
    case 'weekday':
      return weekday;
    case 'weekdayShort':
      return WEEKDAY_SHORT[date.getUTCDay()] as string;
    case 'dmyDot':
      return `${pad(d)}.${pad(m)}.${y}`;
    case 'dmySlash':
      return `${pad(d)}/${pad(m)}/${y}`;
    case 'monDotDY':
      return `${mon}${mon === 'May' ? '' : '.'} ${d}, ${y}`;
    case 'compact':
      return `${y}${pad(m)}${pad(d)}`;
  }
}

/** Full dates (day, month and year) in US-style notes. */
export const FULL_US: readonly DateFormat[] = [
  'mdyPad',
  'mdyPad',
  'mdy',
  'mdyShort',
  'iso',
  'dMonY',
  'long',
  'long',
  'monDotDY',
  'longDmy',
  'mdyDash',
];
/** Dates without a year, common in running text. */
export const PARTIAL: readonly DateFormat[] = ['md', 'md', 'monD', 'monthD', 'monthDth', 'weekdayMd'];
/** UK / European letters. */
export const FULL_EU: readonly DateFormat[] = ['dmySlash', 'dmyDot', 'longDmy', 'longDmy', 'dMonY'];

export function date(d: Date, format: DateFormat): PhiPiece {
  return phi('DATE', formatDate(d, format));
}

export function anyDate(rng: Rng, d: Date, formats: readonly DateFormat[] = FULL_US): PhiPiece {
  return date(d, rng.pick(formats));
}

/** Like anyDate, but an ordinal day gets its article outside the span: "the " + "14th". */
export function dateInText(rng: Rng, d: Date, formats: readonly DateFormat[]): Fragment {
  const format = rng.pick(formats);
  return format === 'ordinal' ? ['the ', date(d, format)] : date(d, format);
}

/** Shifts a date by whole days (negative is earlier). */
export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86_400_000);
}

export function randomAnchor(rng: Rng): Date {
  return new Date(Date.UTC(rng.int(2012, 2025), rng.int(0, 11), rng.int(1, 28)));
}

export const HOLIDAYS: readonly string[] = [
  'Christmas',
  'Christmas Eve',
  'Christmas Day',
  'Thanksgiving',
  "New Year's Day",
  "New Year's Eve",
  'Easter',
  'Easter Sunday',
  'Labor Day',
  'Memorial Day',
  'July 4th',
  'Fourth of July',
  'Independence Day',
  'Halloween',
  "Valentine's Day",
  "Mother's Day",
  "Father's Day",
  'Veterans Day',
  'Eid',
  'Diwali',
  'Hanukkah',
  'Yom Kippur',
  'Lunar New Year',
];

/** A holiday as a DATE. */
export function holiday(rng: Rng): PhiPiece {
  return phi('DATE', rng.pick(HOLIDAYS));
}

/** A clock time (never PHI): "14:30", "0800", "2:15 PM", "@2200". */
export function time(rng: Rng, style: '24' | '24colon' | '12' | 'any' = 'any'): string {
  const h = rng.int(0, 23);
  const m = rng.pick([0, 0, 0, 15, 30, 45, rng.int(0, 59)]);
  const kind = style === 'any' ? rng.pick(['24', '24colon', '12', '24colon'] as const) : style;
  if (kind === '24') return `${pad(h)}${pad(m)}`;
  if (kind === '24colon') return `${pad(h)}:${pad(m)}`;
  return `${h % 12 === 0 ? 12 : h % 12}:${pad(m)} ${h < 12 ? rng.pick(['AM', 'am', 'a.m.']) : rng.pick(['PM', 'pm', 'p.m.'])}`;
}
