import type { Candidate } from '../Candidate.ts';
import { AMBIGUOUS_JOBS, CARE_TEAM_ROLES, JOB_STARTS, PROFESSIONS } from '../professions.ts';
import type { Token } from '../tokenize.ts';

const STRONG_CUES = ['works as', 'worked as', 'working as', 'employed as', 'job as', 'occupation', 'profession', 'career as', 'retired', 'former', 'formerly', 'by trade', 'works for', 'is a', 'was a', 'as a', 'job:', 'works', 'worked'];

/** Jobs of patients and relatives. Care-team roles ("nurse", "resident") count only after a job cue. */
export function recognizeProfessions(text: string, tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
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
    out.push({ start: first.start, end: last.end, type: 'PROFESSION', score: cue ? 0.9 : AMBIGUOUS_JOBS.has(match.phrase) ? 0.3 : 0.6 });
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
