import type { Candidate } from '../Candidate.ts';
import type { Lexicon } from '../Lexicon.ts';
import { CREDENTIALS, CUES, MONTHS_AND_DAYS, NEVER_NAMES, PARTICLES, RELATIONS, TITLES } from '../nameCues.ts';
import type { Token } from '../tokenize.ts';
import { namePrior } from './namePrior.ts';

const JOINABLE = 0.1;
const STOP_AFTER_TITLE = new Set(['the', 'a', 'an', 'and', 'or', 'to', 'of', 'in', 'on', 'at', 'for', 'is', 'was', 'will', 'has', 'had', 'office', 'note', 'visit', 'team', 'service', 'clinic', 'aware', 'notified', 'called', 'paged']);

/** Finds runs of name-like tokens and scores each run from its tokens and the words around it. */
export function recognizeNames(text: string, tokens: Token[], lexicon: Lexicon): Candidate[] {
  const priors = tokens.map((t) => namePrior(t, lexicon));
  const out: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    const titled = isAfterTitle(text, tokens, i);
    const relation = !titled && isAfterRelation(text, tokens, i);
    const forced = (titled || relation) && canFollowCue(tokens[i], priors[i] ?? 0, titled, lexicon);
    if ((priors[i] ?? 0) < JOINABLE && !forced) {
      i++;
      continue;
    }
    const end = extendRun(text, tokens, priors, i);
    const run = { first: i, last: end };
    const score = scoreRun(text, tokens, priors, run, titled, relation, everydayWordsOnly(tokens, run, lexicon));
    const first = tokens[run.first];
    const last = tokens[run.last];
    if (first && last && score > 0.05) out.push({ start: first.start, end: last.end, type: 'NAME', score: Math.min(score, 0.99) });
    i = end + 1;
  }
  return out;
}

function canFollowCue(token: Token | undefined, prior: number, titled: boolean, lexicon: Lexicon): boolean {
  if (!token || !token.alpha || STOP_AFTER_TITLE.has(token.key) || NEVER_NAMES.has(token.key)) return false;
  if (titled) return !lexicon.clinicalWords.has(token.key) || token.capitalized;
  // After "wife", "daughter": a capitalised word, or one the name lists know.
  return token.capitalized || token.upper || prior >= 0.2 || lexicon.firstNames.has(token.key);
}

/** The last token index of the run that starts at `i`. */
function extendRun(text: string, tokens: Token[], priors: number[], i: number): number {
  let end = i;
  for (let j = i + 1; j < tokens.length && j <= i + 5; j++) {
    const prev = tokens[j - 1];
    const next = tokens[j];
    if (!prev || !next) break;
    const gap = text.slice(prev.end, next.start);
    const prior = priors[j] ?? 0;
    if (isInitial(next) && /^(?:\.?\s|\s)$/.test(gap)) { end = j; continue; }
    if (PARTICLES.has(next.text) && isNameAfterParticles(tokens, priors, j)) { end = j; continue; }
    if (prior < JOINABLE && !(isInitial(prev) && next.alpha && next.capitalized)) break;
    if (/^(?:\s|-|\.\s|\s?['’]\s?)$/.test(gap) || (/^,\s?$/.test(gap) && isLastFirst(text, tokens, priors, i, j))) {
      if (/\n/.test(gap)) break;
      end = j;
      continue;
    }
    break;
  }
  // A trailing initial with no surname after it ("Smith J.") stays; a trailing particle does not.
  while (end > i && PARTICLES.has(tokens[end]?.text ?? '')) end--;
  return end;
}

/** "van der Berg": after the particles comes a capitalised word or one the name lists know. */
function isNameAfterParticles(tokens: Token[], priors: number[], j: number): boolean {
  let k = j;
  while (k < tokens.length && PARTICLES.has(tokens[k]?.text ?? '')) k++;
  return (priors[k] ?? 0) >= 0.3 || ((priors[k] ?? 0) >= JOINABLE && tokens[k]?.capitalized === true);
}

function isInitial(token: Token): boolean {
  return token.text.length === 1 && /\p{Lu}/u.test(token.text);
}

/**
 * "Smith, John" or "Rodriguez-Vega, Maria": one surname (hyphens allowed) before the comma, a name
 * after it. "Priya Raman, Brookline Family Medicine" is a name and then something else.
 */
function isLastFirst(text: string, tokens: Token[], priors: number[], runStart: number, j: number): boolean {
  for (let k = runStart + 1; k < j; k++) {
    if (text.slice(tokens[k - 1]?.end ?? 0, tokens[k]?.start ?? 0) !== '-') return false;
  }
  return (priors[j - 1] ?? 0) >= 0.45 && (priors[j] ?? 0) >= 0.45 && (tokens[j]?.capitalized || tokens[j]?.upper) === true;
}

function isAfterTitle(text: string, tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const cur = tokens[i];
  if (!prev || !cur) return false;
  const gap = text.slice(prev.end, cur.start);
  return TITLES.has(prev.key) && /^\.?\s{1,2}$/.test(gap);
}

function isAfterRelation(text: string, tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const t = tokens[k];
    if (!t || /[.!?;\n]/.test(text.slice(t.end, tokens[k + 1]?.start ?? t.end))) break;
    if (RELATIONS.has(t.key)) return true;
    if (!['is', 'her', 'his', 'their', 'pt', "pt's", 'patient', "patient's", 'the', 'named', 'name', 'and', 'also', 'in-law'].includes(t.key)) break;
  }
  return false;
}

/**
 * "Care Coordinator", "Patient Portal": Title Case made of everyday words. Two or more words that are
 * all first names ("Will Rose") still read as a name.
 */
function everydayWordsOnly(tokens: Token[], run: { first: number; last: number }, lexicon: Lexicon): boolean {
  const words = tokens.slice(run.first, run.last + 1).filter((t) => t.alpha && t.text.length > 1);
  if (words.some((t) => !lexicon.commonWords.has(t.key))) return false;
  return !(words.length >= 2 && words.every((t) => lexicon.firstNames.has(t.key)));
}

function scoreRun(
  text: string,
  tokens: Token[],
  priors: number[],
  run: { first: number; last: number },
  titled: boolean,
  relation: boolean,
  everyday: boolean,
): number {
  let miss = 1;
  let words = 0;
  for (let k = run.first; k <= run.last; k++) {
    const t = tokens[k];
    if (!t || isInitial(t) || PARTICLES.has(t.text)) continue;
    if (!MONTHS_AND_DAYS.has(t.key)) words++;
    miss *= 1 - (priors[k] ?? 0);
  }
  // Word lists alone never reach the certainty of a title or a facility name around the words.
  let score = Math.min(1 - miss, everyday ? 0.45 : 0.9);
  if (titled) score = Math.max(score, 0.95);
  if (relation) score = Math.max(score, 0.6 + score * 0.35);
  if (hasCredentialAfter(text, tokens, run.last)) score = Math.max(score, 0.92);
  if (hasCueBefore(tokens, run.first) && score < 0.93 && !everyday) score = Math.min(0.93, score + 0.15 * Math.sign(score));
  if (words === 0) return 0;
  return score;
}

function hasCredentialAfter(text: string, tokens: Token[], last: number): boolean {
  const next = tokens[last + 1];
  const lastToken = tokens[last];
  if (!next || !lastToken) return false;
  return CREDENTIALS.has(next.key) && /^,?\s{1,2}$/.test(text.slice(lastToken.end, next.start)) && (next.upper || next.key === 'pa-c');
}

function hasCueBefore(tokens: Token[], first: number): boolean {
  for (let k = first - 1; k >= Math.max(0, first - 2); k--) {
    if (CUES.has(tokens[k]?.key ?? '')) return true;
  }
  return false;
}
