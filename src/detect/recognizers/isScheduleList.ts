import { WEEKDAY } from './datePatterns.ts';

const WEEKDAY_BEFORE_SLASH = new RegExp(`${WEEKDAY}\\.?[/,&]\\s?$`, 'i');
const SLASH_BEFORE_WEEKDAY = new RegExp(`^\\.?[/,&]\\s?${WEEKDAY}\\b`, 'i');

/** "HD Tues/Thurs/Sat", "Mon/Fri dosing": weekdays listed with slashes are a schedule, not a day. */
export function isScheduleList(text: string, start: number, word: string): boolean {
  const before = text.slice(Math.max(0, start - 10), start);
  const after = text.slice(start + word.length, start + word.length + 10);
  return WEEKDAY_BEFORE_SLASH.test(before) || SLASH_BEFORE_WEEKDAY.test(after);
}
