/** "30 MAY NEED", "may 3": "may" written other than "May" is the verb unless a year comes with it. */
export function scoreWrittenDate(value: string): number {
  const may = /\bmay\b/i.exec(value);
  if (may && may[0] !== 'May' && !/\d{4}|'\d{2}/.test(value)) return 0.4;
  return 0.95;
}
