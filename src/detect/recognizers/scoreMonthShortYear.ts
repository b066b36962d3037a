import { TITLE_MONTH } from './datePatterns.ts';

const TITLE_MONTH_START = new RegExp(`^(?:${TITLE_MONTH})\\b`);
const TIME_CUE_BEFORE = /\b(?:in|since|admission|admit|admitted|adm|dx|diagnosed|last|until|from|hx|s\/p)\s+$/i;

/** "May 95", "last admit MAR 00": a year with its month; "dec 40" is a decrease. */
export function scoreMonthShortYear(text: string, start: number, value: string): number {
  if (TITLE_MONTH_START.test(value) || TIME_CUE_BEFORE.test(text.slice(Math.max(0, start - 16), start))) return 0.95;
  return 0;
}
