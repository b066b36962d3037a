import type { Candidate } from '../Candidate.ts';
import { AMBIGUOUS_JOBS, CARE_TEAM_ROLES, JOB_STARTS, PROFESSIONS } from '../professions.ts';
import type { Token } from '../tokenize.ts';
import { fastLetters } from '../fastLetters.ts';
import professionWords from '../word-lists/recognizeProfessions.json' with { type: 'json' };

const STRONG_CUES = professionWords.strongCues;

// "works as a pawnbroker", "employed as an HVAC installer": whatever job follows, up to "at"/"for"/punctuation.
const WORKS_AS = fastLetters(
  /\b(?:works?|worked|working|employed|job)\s+as\s+(?:an?\s+)?((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)(?=\s+(?:at|for|in|with|since|until|and)\b|[,.;)\n]|$)/giu,
);
// "Occupation: babysitter", "Job title: research scientist": on a form the whole value is the job.
const JOB_FIELD = fastLetters(
  /(?:^|\n|[|;]|\t| {2,})[ \t]*(?:occupation|profession|job(?:\s+title)?|employment|employer\s+role)\s*:[ \t]*(\p{L}[\p{L}'’-]*(?:[ \t]+\p{L}[\p{L}'’-]*){0,3})[ \t]*\.?[ \t]*(?=\n|$|[|;,(])/giu,
);
// Values that say there is no job; they name no one.
const NO_JOB = /^(?:none|n\/a|na|unemployed|retired|student|homemaker|disabled|unknown|not\s+working)$/i;
// "sister (yoga instructor)", "dtr mary (respiratory therapist)": a job in brackets after a relative.
const RELATIVE_JOB = fastLetters(/\(([\p{L}][\p{L} -]{2,30})\)/gu);
const JOB_SHAPE =
  /(?:er|or|ist|ian|man|woman|smith|wright|maker|worker|keeper|ant|eer|ive|agent|tech|clerk|aide|nurse|teacher|cook|chef|pilot|driver|guard|imam|rabbi|priest|pastor|monk|nun|farmer|miner|secretary|therapist|trainer|instructor)$/i;

/** Jobs of patients and relatives. Care-team roles ("nurse", "resident") count only after a job cue. */
export function recognizeProfessions(
  text: string,
  tokens: Token[],
  isRelation: (word: string) => boolean,
): Candidate[] {
  const out: Candidate[] = [];
  if (/(?:work(?:s|ed|ing)?|employed|job)\s+as\b/i.test(text))
    for (const m of text.matchAll(WORKS_AS)) {
      const value = m[1] ?? '';
      out.push({
        start: m.index + m[0].length - value.length,
        end: m.index + m[0].length,
        type: 'PROFESSION',
        score: 0.85,
      });
    }
  if (/(?:occupation|profession|job|employment|employer)/i.test(text))
    for (const m of text.matchAll(JOB_FIELD)) {
      const value = m[1] ?? '';
      if (NO_JOB.test(value)) continue;
      const start = m.index + m[0].indexOf(value, m[0].indexOf(':') + 1);
      out.push({ start, end: start + value.length, type: 'PROFESSION', score: 0.85 });
    }
  if (text.includes('('))
    for (const m of text.matchAll(RELATIVE_JOB)) {
      const value = (m[1] ?? '').trim();
      const before = text.slice(Math.max(0, m.index - 40), m.index).toLowerCase();
      const afterRelative =
        /\)\s*$/.test(before) ||
        before
          .split(/[^\p{L}]+/u)
          .slice(-3)
          .some(isRelation);
      if (!afterRelative || isRelation(value.toLowerCase()) || !JOB_SHAPE.test(value)) continue;
      const start = m.index + 1 + (m[1] ?? '').indexOf(value);
      out.push({ start, end: start + value.length, type: 'PROFESSION', score: 0.75 });
    }
  for (let i = 0; i < tokens.length; i++) {
    if (!JOB_STARTS.has(tokens[i]?.key ?? '')) continue;
    const match = longestProfession(text, tokens, i);
    if (!match) continue;
    const first = tokens[i];
    const last = tokens[match.last];
    if (!first || !last) continue;
    const before = text.slice(Math.max(0, first.start - 30), first.start).toLowerCase();
    const cue = STRONG_CUES.some((c) => before.includes(c));
    const careTeam = CARE_TEAM_ROLES.has(match.phrase);
    if (careTeam && !cue) continue;
    out.push({
      start: first.start,
      end: last.end,
      type: 'PROFESSION',
      score: cue ? 0.9 : AMBIGUOUS_JOBS.has(match.phrase) ? 0.3 : 0.6,
    });
    i = match.last;
  }
  return out;
}

function longestProfession(text: string, tokens: Token[], i: number): { last: number; phrase: string } | undefined {
  let found: { last: number; phrase: string } | undefined;
  let phrase = '';
  for (let j = i; j < tokens.length && j < i + 4; j++) {
    const t = tokens[j];
    if (!t?.alpha) break;
    if (j > i && !/^[\s-]$/.test(text.slice(tokens[j - 1]?.end ?? 0, t.start))) break;
    phrase = j === i ? t.text.toLowerCase() : `${phrase} ${t.text.toLowerCase()}`;
    if (PROFESSIONS.has(phrase) || CARE_TEAM_ROLES.has(phrase)) found = { last: j, phrase };
  }
  return found;
}
