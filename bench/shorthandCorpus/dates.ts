// DATE surface forms, from the ICU shorthand ones ("3/14", "'09", "Jan 09", "tues 3/16") to letter ones.
import type { Rng } from '../corpus/random.ts';

export interface Day {
  y: number;
  m: number;
  d: number;
}

const MONTHS = [
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
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
// Nurses' abbreviations, several per day.
const WEEKDAY_SHORT = [['Sun'], ['Mon'], ['Tue', 'Tues'], ['Wed', 'Weds'], ['Thu', 'Thur', 'Thurs'], ['Fri'], ['Sat']];

export function randomDay(rng: Rng, fromYear = 2001, toYear = 2014): Day {
  return { y: rng.int(fromYear, toYear), m: rng.int(1, 12), d: rng.int(1, 28) };
}

export function addDays(day: Day, n: number): Day {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

const weekdayIndex = (day: Day): number => new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay();
const pad2 = (n: number): string => String(n).padStart(2, '0');
const yy = (day: Day): string => pad2(day.y % 100);
const mon = (day: Day): string => MONTHS[day.m - 1]!.slice(0, 3);
const month = (day: Day): string => MONTHS[day.m - 1]!;

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** The weekday alone, as written in notes: "Monday", "mon", "Tues". */
export function weekdayText(rng: Rng, day: Day): string {
  const i = weekdayIndex(day);
  return rng.chance(0.35) ? WEEKDAYS[i]! : rng.pick(WEEKDAY_SHORT[i]!);
}

const SHAPES = {
  'm/d': (_: Rng, d: Day) => `${d.m}/${d.d}`,
  'm-d': (_: Rng, d: Day) => `${d.m}-${d.d}`,
  'm/d/yy': (_: Rng, d: Day) => `${d.m}/${d.d}/${yy(d)}`,
  'mm/dd/yyyy': (_: Rng, d: Day) => `${pad2(d.m)}/${pad2(d.d)}/${d.y}`,
  'm/d/yyyy': (_: Rng, d: Day) => `${d.m}/${d.d}/${d.y}`,
  'yyyy-mm-dd': (_: Rng, d: Day) => `${d.y}-${pad2(d.m)}-${pad2(d.d)}`,
  'd-mon-yyyy': (_: Rng, d: Day) => `${pad2(d.d)}-${mon(d)}-${d.y}`,
  'mon d': (rng: Rng, d: Day) => `${rng.chance(0.5) ? mon(d) : month(d)} ${rng.chance(0.3) ? ordinal(d.d) : d.d}`,
  'month d, yyyy': (_: Rng, d: Day) => `${month(d)} ${d.d}, ${d.y}`,
  "mon 'yy": (_: Rng, d: Day) => `${mon(d)} '${yy(d)}`,
  'mon yy': (_: Rng, d: Day) => `${mon(d)} ${yy(d)}`,
  'month yyyy': (_: Rng, d: Day) => `${month(d)} ${d.y}`,
  "'yy": (_: Rng, d: Day) => `'${yy(d)}`,
  yyyy: (_: Rng, d: Day) => String(d.y),
  'wkday m/d': (rng: Rng, d: Day) => `${weekdayText(rng, d)} ${d.m}/${d.d}`,
  'weekday, month d, yyyy': (_: Rng, d: Day) => `${WEEKDAYS[weekdayIndex(d)]}, ${month(d)} ${d.d}, ${d.y}`,
} as const;

export type DateShape = keyof typeof SHAPES;

/** Shapes a nurse writes for a day this admission. */
export const NURSING_DAY_SHAPES: readonly DateShape[] = ['m/d', 'm/d', 'm-d', 'm/d/yy', 'wkday m/d', 'mon d'];
/** Shapes for a past event ("s/p CABG '09"). */
export const PAST_SHAPES: readonly DateShape[] = ["'yy", "'yy", "mon 'yy", 'mon yy', 'month yyyy', 'yyyy'];
/** Shapes in typed documents (summaries, letters, reports). */
export const FORMAL_SHAPES: readonly DateShape[] = [
  'mm/dd/yyyy',
  'm/d/yyyy',
  'm/d/yy',
  'month d, yyyy',
  'd-mon-yyyy',
  'yyyy-mm-dd',
];

export function dateText(rng: Rng, day: Day, shapes: readonly DateShape[]): string {
  return SHAPES[rng.pick(shapes)](rng, day);
}

/** "14th", for "on the 14th" (the article stays outside the span). */
export const dayOrdinal = (day: Day): string => ordinal(day.d);
