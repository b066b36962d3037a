import type { Lexicon } from '../Lexicon.ts';
import { CREDENTIALS, CUES, FUNCTION_WORDS, MONTHS_AND_DAYS, PARTICLES, RELATIONS } from '../nameCues.ts';
import type { Token } from '../tokenize.ts';
import { STATE_CODES } from '../usStates.ts';
import nameWords from '../word-lists/recognizeNames.json' with { type: 'json' };
import { isInitial } from './extendNameRun.ts';
import { isProductOrFinding } from './isProductOrFinding.ts';
import type { NameStart } from './nameStart.ts';

const PATIENT_VERB_AFTER =
  /^,?\s+(?:was|is|has|had)\s+(?:admitted|seen|a\s+\d|an?\s+\d|transferred|discharged|brought)|^,?\s+(?:presents|presented|reports|denies|complains)\b/i;

/** How sure the run's words and the words around it make a name, from 0 to 1. */
export function scoreNameRun(
  text: string,
  tokens: Token[],
  priors: number[],
  run: { first: number; last: number },
  start: NameStart,
  lexicon: Lexicon,
): number {
  const context = {
    titled: start.titled,
    relation: start.relation || hasRelationAfter(text, tokens, run.last),
    initials: start.initials,
  };
  const score = scoreRun(text, tokens, priors, run, context, everydayWordsOnly(tokens, run, lexicon), lexicon);
  const first = tokens[run.first];
  const last = tokens[run.last];
  // "Will Young was admitted": a two-word name right before what a note says of a patient.
  if (
    score < 0.6 &&
    run.last > run.first &&
    lexicon.firstNames.has(first?.key ?? '') &&
    PATIENT_VERB_AFTER.test(text.slice(last?.end ?? 0, (last?.end ?? 0) + 24))
  ) {
    return 0.6;
  }
  return score;
}

/** Words for the people around a patient, which a relation may follow without being a name ("Family (wife)"). */
const GROUP_WORDS: ReadonlySet<string> = new Set(nameWords.groupWords);

const PAGER_WORDS: ReadonlySet<string> = new Set(nameWords.pagerWords);
const PAGER_AFTER = /^,?[ \t]+(?:pager|pgr|beeper|bpr|pg|p#|tel|cell|ph)\b[ \t#:.]*\d/i;
const CLEAR_CREDENTIALS: ReadonlySet<string> = new Set(nameWords.clearCredentials);
/**
 * "Care Coordinator", "Patient Portal", "Levo Gtt": Title Case made of everyday words or words real notes use
 * as non-names (Philter's whitelist). Two or more words that are
 * all first names ("Will Rose") still read as a name.
 */
function everydayWordsOnly(tokens: Token[], run: { first: number; last: number }, lexicon: Lexicon): boolean {
  const words = tokens.slice(run.first, run.last + 1).filter((t) => t.alpha && t.text.length > 1);
  const everydayWord = (t: Token) =>
    lexicon.commonWords.has(t.key) || (lexicon.safeWords.has(t.key) && !lexicon.firstNames.has(t.key));
  if (!words.every(everydayWord)) return false;
  return !(words.length >= 2 && words.every((t) => lexicon.firstNames.has(t.key)));
}

function scoreRun(
  text: string,
  tokens: Token[],
  priors: number[],
  run: { first: number; last: number },
  context: { titled: boolean; relation: boolean; initials: boolean },
  everyday: boolean,
  lexicon: Lexicon,
): number {
  const { titled, relation } = context;
  let miss = 1;
  let words = 0;
  for (let k = run.first; k <= run.last; k++) {
    const t = tokens[k];
    if (!t || isInitial(t) || PARTICLES.has(t.text)) continue;
    // A month is a name after a title or a relation word ("niece april", "Dr. June Park"); "wife may call"
    // is the verb unless written "May".
    if (!MONTHS_AND_DAYS.has(t.key) || titled || (relation && !(FUNCTION_WORDS.has(t.key) && !t.capitalized))) words++;
    miss *= 1 - (priors[k] ?? 0);
  }
  // Word lists alone never reach the certainty of a title or a facility name around the words.
  let score = Math.min(1 - miss, everyday ? 0.45 : 0.9);
  if (titled) score = Math.max(score, 0.95);
  if (relation) score = Math.max(score, 0.6 + score * 0.35);
  if (hasCredentialAfter(text, tokens, run.last, lexicon)) score = Math.max(score, 0.92);
  // "covering s. mirek pager 7901", "HCP SYBILL BURNS TEL ...": a pager or phone right after the words is theirs.
  if (
    !everyday &&
    score < 0.85 &&
    PAGER_WORDS.has(tokens[run.last + 1]?.key ?? '') &&
    PAGER_AFTER.test(text.slice(tokens[run.last]?.end ?? 0, (tokens[run.last]?.end ?? 0) + 16))
  )
    score = 0.85;
  if (hasCueBefore(tokens, run.first) && score < 0.93 && !everyday)
    score = Math.min(0.93, score + 0.15 * Math.sign(score));
  if (context.initials) score = Math.max(score, 0.8);
  if (words === 0) return context.initials ? score : 0;
  // "Drager V500", "HAMILTON C6": a maker's name before a model number is a product, not a person.
  // The caps below only matter for a run that would pass a threshold; most runs score far lower.
  if (score > 0.3 && !titled && !relation && isProductOrFinding(text, tokens, run, lexicon)) return 0.3;
  if (run.last > run.first && score < 0.75 && isLastFirstRun(text, tokens, run)) score = Math.max(score, 0.75);
  if (!everyday && score < 0.7 && isWholeLine(text, tokens, run)) score = Math.max(score, 0.7);
  return score;
}

function hasCredentialAfter(text: string, tokens: Token[], last: number, lexicon: Lexicon): boolean {
  const next = tokens[last + 1];
  const lastToken = tokens[last];
  if (!next || !lastToken) return false;
  // "Boston, MA" is a city and a state, not a name and a degree.
  if (STATE_CODES.has(next.text) && lexicon.cities.has(lastToken.key)) return false;
  const gap = text.slice(lastToken.end, next.start);
  // "Smith, Sr." is a name; "RHYTHM SR" is sinus rhythm: the generational suffixes need a comma or a period.
  if ((next.key === 'sr' || next.key === 'jr') && !gap.includes(',') && text[next.end] !== '.') return false;
  // The credential stands on the name's line: "MS" starting the next line is another sentence.
  if (!CREDENTIALS.has(next.key) || !/^(?:,?[ \t]{1,2}|[ \t]?\()$/.test(gap)) return false;
  // "r. adeyemi, rn" in a lower-case note: after a comma the unambiguous credentials count in any case.
  return next.upper || next.key === 'pa-c' || (gap.includes(',') && CLEAR_CREDENTIALS.has(next.key));
}

function hasCueBefore(tokens: Token[], first: number): boolean {
  for (let k = first - 1; k >= Math.max(0, first - 2); k--) {
    if (CUES.has(tokens[k]?.key ?? '')) return true;
  }
  return false;
}
/** "Selam (mother)", "Major Black (partner)", "John, her son,": a relation right after the name. */
function hasRelationAfter(text: string, tokens: Token[], last: number): boolean {
  const next = tokens[last + 1];
  const lastToken = tokens[last];
  if (!next || !lastToken || !RELATIONS.has(next.key)) return false;
  // "Family (wife) updated": a relation after a word that names a group or a role is no name's relation.
  if (GROUP_WORDS.has(lastToken.key)) return false;
  return /^[ \t]*(?:\(|,[ \t]*(?:(?:her|his|their|pt's|the)[ \t]+)?|-[ \t]*)$/.test(
    text.slice(lastToken.end, next.start).replace(/(?:her|his|their|the)[ \t]+$/i, ''),
  );
}

function isLastFirstRun(text: string, tokens: Token[], run: { first: number; last: number }): boolean {
  for (let k = run.first + 1; k <= run.last; k++)
    if (/^,/.test(text.slice(tokens[k - 1]?.end ?? 0, tokens[k]?.start ?? 0))) return true;
  return false;
}

/** A line that holds only the run (and punctuation or a credential): a signature or a name line. */
function isWholeLine(text: string, tokens: Token[], run: { first: number; last: number }): boolean {
  const first = tokens[run.first];
  const last = tokens[run.last];
  if (!first || !last) return false;
  const lineStart = text.lastIndexOf('\n', first.start - 1) + 1;
  let lineEnd = text.indexOf('\n', last.end);
  if (lineEnd < 0) lineEnd = text.length;
  const rest = text.slice(last.end, lineEnd).replace(/^,?[ \t]*(?:[A-Za-z.-]{2,6}(?:,[ \t]*[A-Za-z.-]{2,6})*)?/, '');
  return /^[\s\-/*•>]*$/.test(text.slice(lineStart, first.start)) && /^[\s,.;:!]*$/.test(rest);
}
