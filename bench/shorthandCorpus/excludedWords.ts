// Words kept out of the neutral slots because, standing alone there, an annotator following the guideline
// could read them as PHI (a date, a place, an occupation, a name, an age) — so they would make the gold
// labels ambiguous rather than the task hard. Written for this corpus, not taken from the detector.
import { FIRST_NAME_WORDS, LAST_NAME_WORDS } from './nameWords.ts';
import { PROFESSION_WORDS } from './professions.ts';

const CALENDAR = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'weds', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'christmas', 'xmas', 'thanksgiving', 'easter', 'hanukkah', 'chanukah', 'ramadan', 'passover', 'halloween',
  'today', 'tomorrow', 'yesterday', 'tonight',
];

const US_STATES = [
  'alabama', 'alaska', 'arizona', 'arkansas', 'california', 'colorado', 'connecticut', 'delaware', 'florida',
  'georgia', 'hawaii', 'idaho', 'illinois', 'indiana', 'iowa', 'kansas', 'kentucky', 'louisiana', 'maine',
  'maryland', 'massachusetts', 'michigan', 'minnesota', 'mississippi', 'missouri', 'montana', 'nebraska',
  'nevada', 'ohio', 'oklahoma', 'oregon', 'pennsylvania', 'tennessee', 'texas', 'utah', 'vermont', 'virginia',
  'washington', 'wisconsin', 'wyoming', 'calif', 'conn', 'mass', 'penn', 'tenn', 'wash', 'mich', 'minn', 'wisc',
];

// Alone in a slot these could be an age ("sixty noted").
const NUMBER_WORDS = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'twenty',
  'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred',
];

// Well-known hospital initials (ADDRESS by the guideline). Generated initials are checked separately.
const HOSPITAL_INITIALS = [
  'mgh', 'bwh', 'bmc', 'bidmc', 'bidh', 'nyu', 'ucsf', 'ucla', 'ucsd', 'mayo', 'chop', 'mdacc', 'nih', 'jhh',
  'upmc', 'ohsu', 'vumc', 'mcw', 'mskcc', 'dfci', 'cch', 'nwh', 'sjh', 'smh', 'lgh', 'ggh', 'cmc',
];

export const EXCLUDED_FROM_NEUTRAL: ReadonlySet<string> = new Set([
  ...CALENDAR, ...US_STATES, ...NUMBER_WORDS, ...HOSPITAL_INITIALS, ...PROFESSION_WORDS,
  ...[...FIRST_NAME_WORDS, ...LAST_NAME_WORDS].map((w) => w.toLowerCase()),
]);
