import type { Patient, Sex } from '../cast.ts';
import { phi, type Fragment } from '../NoteBuilder.ts';
import type { Rng } from '../random.ts';
import { PROFESSION_FRAMES } from '../vocabulary/professions.ts';

const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

export function numberWords(n: number): string {
  if (n >= 100) return `one hundred${n % 100 ? ` ${numberWords(n % 100)}` : ''}`;
  if (n < 20) return ONES[n] as string;
  const t = TENS[Math.floor(n / 10)] as string;
  return n % 10 ? `${t}-${ONES[n % 10]}` : t;
}

const A = (text: string) => phi('AGE', text);

/**
 * An age phrase in which only the number (or number words) is the AGE span: "67" of "67 y/o", "67-year-old",
 * "67M", "aged 67"; "80s" of "in his 80s"; "18" of "18-month-old".
 */
export function age(
  rng: Rng,
  pt: Pick<Patient, 'age' | 'ageUnit' | 'sex'>,
  kind: 'adjective' | 'short' | 'field' | 'any' = 'any',
): Fragment {
  const n = pt.age;
  if (pt.ageUnit === 'month') {
    return rng.pick<Fragment>([
      [A(String(n)), '-month-old'],
      [A(String(n)), ' mo old'],
      [A(String(n)), ' months old'],
      [A(String(n)), ' m/o'],
    ]);
  }
  const k = kind === 'any' ? rng.pick(['adjective', 'short', 'field'] as const) : kind;
  const s = String(n);
  const sexLetter = pt.sex;
  if (k === 'adjective') {
    return rng.weighted<Fragment>([
      [[A(s), '-year-old'], 10],
      [[A(s), ' year old'], 4],
      [[A(s), ' yo'], 3],
      [[A(s), ' y/o'], 4],
      [[A(s), 'yo'], 2],
      [[A(s), ' yr old'], 2],
      [[A(s), ' y.o.'], 2],
      [[A(numberWords(n)), '-year-old'], 1],
      [[A(s), '-yr-old'], 1],
      [[A(s), 'y/o'], 1],
    ]);
  }
  if (k === 'short') {
    return rng.pick<Fragment>([
      [A(s), sexLetter],
      [A(s), ` ${sexLetter}`],
      [A(s), 'yo ', sexLetter],
      [A(s), sexLetter === 'M' ? 'yoM' : 'yoF'],
      [A(s), ' yo'],
    ]);
  }
  return rng.pick<Fragment>([
    ['Age: ', A(s)],
    ['age ', A(s)],
    ['aged ', A(s)],
    ['Age ', A(s)],
    ['AGE: ', A(s)],
  ]);
}

/** "in his 80s", "in her late 70s": the span is the decade ("80s"), a choice of this corpus. */
export function ageDecade(pt: Pick<Patient, 'age' | 'sex'>, rng: Rng): Fragment {
  const decade = Math.floor(pt.age / 10) * 10;
  const mod = rng.pick(['', 'early ', 'mid-', 'late ']);
  return [`in ${pt.sex === 'M' ? 'his' : 'her'} ${mod}`, A(`${decade}s`)];
}

export function pronoun(sex: Sex, kind: 'subj' | 'obj' | 'poss' = 'subj'): string {
  if (kind === 'subj') return sex === 'M' ? 'he' : 'she';
  if (kind === 'obj') return sex === 'M' ? 'him' : 'her';
  return sex === 'M' ? 'his' : 'her';
}

const MODIFIERS = [
  '',
  '',
  '',
  'retired ',
  'retired ',
  'former ',
  'part-time ',
  'self-employed ',
  'semi-retired ',
  'unemployed ',
  'disabled ',
];

/**
 * An occupation phrase; only the occupation is the PROFESSION span ("retired", "works as a" stay outside).
 * kind 'bare': "retired school teacher"; 'np': "a retired school teacher"; 'clause': "works as an electrician".
 */
export function profession(rng: Rng, job: string, kind: 'bare' | 'np' | 'clause' = 'clause'): Fragment {
  const span = phi('PROFESSION', job);
  if (kind === 'clause') {
    const [before, after] = rng.pick(PROFESSION_FRAMES);
    return [fixArticle(before, job), span, after];
  }
  const mod = rng.pick(MODIFIERS);
  if (kind === 'bare') return [mod, span];
  return [fixArticle(`a ${mod}`, job), span];
}

/** "a " before a vowel sound becomes "an " ("an electrician", "an EMT"; "a unit" is rare enough here). */
function fixArticle(before: string, next: string): string {
  return /(^|\s)a $/u.test(before) && /^[aeiouAEIOU]|^(EMT|RN|MD|HVAC)\b/u.test(next)
    ? before.replace(/a $/u, 'an ')
    : before;
}

/** The bare occupation span. */
export function job(text: string): Fragment {
  return phi('PROFESSION', text);
}
