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
export function scoreNumericDate(text: string, start: number, value: string): number {
  if (!/^\d{1,2}\/\d{1,2}\/\d{2}$/.test(value)) return 0.95;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(Math.max(lineStart, start - 40), start);
  if (SETTING_BEFORE.test(before) || text[start + value.length] === '%') return 0.3;
  if (DATE_EVENT_BEFORE.test(before.slice(-20))) return 0.95;
  const lineEnd = text.indexOf('\n', start);
  const around = before + text.slice(start + value.length, lineEnd < 0 ? start + 40 : Math.min(lineEnd, start + 40));
  return RESPIRATORY_WORDS.test(around) ? 0.45 : 0.95;
}
