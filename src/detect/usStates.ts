import usStates from './word-lists/usStates.json' with { type: 'json' };

/** US states, DC and territories: name -> USPS code. */
export const US_STATES: Readonly<Record<string, string>> = usStates;

export const STATE_CODES = new Set(Object.values(US_STATES));
const titleCase = (name: string) => name.replace(/\b[a-z]/g, (c) => c.toUpperCase()).replace(/\bOf\b/, 'of');
/** State names as written in addresses: "New York" or "NEW YORK" (case-sensitive on purpose). */
export const STATE_NAME_PATTERN = Object.keys(US_STATES)
  .sort((a, b) => b.length - a.length)
  .flatMap((name) => [titleCase(name), name.toUpperCase()])
  .join('|');
export const STATE_CODE_PATTERN = [...STATE_CODES].join('|');
