import type { Candidate, SafeSpan } from '../Candidate.ts';
import type { Lexicon } from '../Lexicon.ts';
import { STATE_CODES } from '../usStates.ts';
import { CREDENTIALS, CUES, FUNCTION_WORDS, MONTHS_AND_DAYS, NEVER_NAMES, PARTICLES, RELATIONS, TITLES } from '../nameCues.ts';
import type { Token } from '../tokenize.ts';
import { namePrior } from './namePrior.ts';
import { nearSafeWord } from '../nearSafeWord.ts';

const JOINABLE = 0.1;
const PATIENT_VERB_AFTER = /^,?\s+(?:was|is|has|had)\s+(?:admitted|seen|a\s+\d|an?\s+\d|transferred|discharged|brought)|^,?\s+(?:presents|presented|reports|denies|complains)\b/i;
const CREDENTIAL_TITLES = new Set(['md', 'np', 'pa', 'rn']);
// Titles that are also clinical abbreviations: "MS" (mental status, multiple sclerosis), "SR" (sinus rhythm).
const AMBIGUOUS_TITLES = new Set(['ms', 'sr', 'fr', 'miss']);
/**
 * "MS CHANGES", "ms improved": written other than "Ms", "ms" is mental status far more often than a title;
 * only a word a name list holds, or one no list knows and no slip away from a clinical word, follows it.
 */
function isAbbreviationNotTitle(text: string, token: Token, lexicon: Lexicon): boolean {
  const title = titleBefore(text, token);
  // "19 Fr Blake drain": after a number "Fr" is a catheter's French gauge.
  if (/\d[ \t]*fr\.?[ \t]*$/i.test(text.slice(Math.max(0, token.start - 12), token.start))) return true;
  if (!AMBIGUOUS_TITLES.has(title.toLowerCase()) || /^\p{Lu}\p{Ll}+$/u.test(title)) return false;
  const k = token.key;
  // "spoke w/ ms young": after a verb of talking to someone, a name that is also a word is her name.
  if (lexicon.nameWords.has(k) && /\b(?:spoke|speak|talked|called|updated|informed|per|discussed)\b[^\n.;]{0,8}$/i.test(text.slice(Math.max(0, token.start - 24), token.start - title.length))) return false;
  // "SR. LEVO AT 0.12", "HR 80s SR Wells score": sinus rhythm before a drug or an eponym.
  if (lexicon.safeWords.has(k) && !lexicon.firstNames.has(k)) return true;
  if (lexicon.firstNames.has(k) || lexicon.personNames.has(k)) return false;
  return lexicon.commonWords.has(k) || lexicon.safeWords.has(k) || nearSafeWord(k, lexicon);
}

/** The word right before `token` as written ("ms" in "ms changes", "Ms" in "Ms Lee"). */
function titleBefore(text: string, token: Token): string {
  return /([\p{L}]+)\.?\s*$/u.exec(text.slice(Math.max(0, token.start - 8), token.start))?.[1] ?? '';
}
const PAGER_WORDS = new Set(['pager', 'pgr', 'beeper', 'bpr', 'pg', 'p', 'tel', 'cell', 'ph']);
const PAGER_AFTER = /^,?[ \t]+(?:pager|pgr|beeper|bpr|pg|p#|tel|cell|ph)\b[ \t#:.]*\d/i;
const CLEAR_CREDENTIALS = new Set(['rn', 'md', 'np', 'lpn', 'cna', 'rrt', 'crna', 'pa-c', 'bsn', 'msn', 'phd', 'pharmd', 'dnp', 'aprn', 'fnp', 'ccrn', 'lcsw', 'msw']);
const PAGING_VERBS = new Set(['paged', 'called', 'notified', 'aware', 'by', 'per', 'w', 'with', 'updated', 'informed', 'contacted', 'spoke', 'discussed']);
const STOP_AFTER_TITLE = new Set(['the', 'a', 'an', 'and', 'or', 'to', 'of', 'in', 'on', 'at', 'for', 'is', 'was', 'will', 'has', 'had', 'office', 'note', 'visit', 'team', 'service', 'clinic', 'aware', 'notified', 'called', 'paged']);

/** Finds runs of name-like tokens and scores each run from its tokens and the words around it. */
export function recognizeNames(text: string, tokens: Token[], lexicon: Lexicon, safe: readonly SafeSpan[]): Candidate[] {
  const blocked = insideSafeSpans(tokens, safe);
  // Words inside an eponym ("Budd-Chiari", "Parkinson's disease") never make a name unless a title forces one.
  const priors = tokens.map((t, k) => (blocked[k] ? 0 : namePrior(t, lexicon, text)));
  const out: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    const titled = isAfterTitle(text, tokens, i) && !isAbbreviationNotTitle(text, tokens[i] as Token, lexicon);
    const relation = !titled && (isAfterRelation(text, tokens, i) || isPatientNamed(tokens, i, lexicon));
    const initials = isSignedInitials(text, tokens, i, lexicon);
    const forced = ((titled || relation) && canFollowCue(tokens[i], priors[i] ?? 0, titled, lexicon, text)) || initials;
    if ((priors[i] ?? 0) < JOINABLE && !forced) {
      i++;
      continue;
    }
    const end = titled ? Math.max(extendRun(text, tokens, priors, i, lexicon), extendTitledRun(text, tokens, i, lexicon)) : extendRun(text, tokens, priors, i, lexicon);
    const run = { first: extendBack(text, tokens, i), last: end };
    const context = { titled, relation: relation || hasRelationAfter(text, tokens, run.last), initials };
    let score = scoreRun(text, tokens, priors, run, context, everydayWordsOnly(tokens, run, lexicon), lexicon);
    const first = tokens[run.first];
    const last = tokens[run.last];
    // "Will Young was admitted": a two-word name right before what a note says of a patient.
    if (score < 0.6 && run.last > run.first && lexicon.firstNames.has(first?.key ?? '') && PATIENT_VERB_AFTER.test(text.slice(last?.end ?? 0, (last?.end ?? 0) + 24))) {
      score = 0.6;
    }
    // A final initial keeps its period ("Maria L."): the period is part of what identifies her.
    const end2 = isInitial(last as Token) && text[(last as Token).end] === '.' ? (last as Token).end + 1 : (last as Token).end;
    if (first && last && score > 0.05) out.push({ start: first.start, end: end2, type: 'NAME', score: Math.min(score, 0.99) });
    i = end + 1;
  }
  return out;
}

function canFollowCue(token: Token | undefined, prior: number, titled: boolean, lexicon: Lexicon, text: string): boolean {
  if (!token || !token.alpha || STOP_AFTER_TITLE.has(token.key) || NEVER_NAMES.has(token.key)) return false;
  // "DR. I. WEXLER": an initial after a title, even one that spells a pronoun.
  if (titled && token.text.length === 1 && text[token.end] === '.') return true;
  if (TITLES.has(token.key) || RELATIONS.has(token.key) || FUNCTION_WORDS.has(token.key)) return false;
  // "dr ng", "DR NG": after a title a short clinical-looking word is still a surname.
  if (titled) return !lexicon.clinicalWords.has(token.key) || token.capitalized || token.text.length <= 3;
  // After "wife", "daughter": a capitalised word (where case speaks), one the name lists know, or one no
  // word list knows ("grandson yuki"). In ALL-CAPS text "SPOUSE VISITED" is no name.
  if ((token.caseInformative && token.capitalized) || prior >= 0.2 || lexicon.firstNames.has(token.key)) return true;
  if (lexicon.nameWords.has(token.key)) return true;
  return !lexicon.commonWords.has(token.key) && !lexicon.knownWords.has(token.key) && !lexicon.clinicalWords.has(token.key);
}

/** The last token index of the run that starts at `i`. */
function extendRun(text: string, tokens: Token[], priors: number[], i: number, lexicon: Lexicon): number {
  let end = i;
  for (let j = i + 1; j < tokens.length && j <= i + 5; j++) {
    const prev = tokens[j - 1];
    const next = tokens[j];
    if (!prev || !next) break;
    const gap = text.slice(prev.end, next.start);
    const prior = priors[j] ?? 0;
    // "Baske P#36090": a letter before "#" or a digit is a pager or page mark, not an initial.
    if (isInitial(next) && /^(?:\.?[ \t]|[ \t])$/.test(gap) && !/^[#\d]/.test(text[next.end] ?? '')) { end = j; continue; }
    // "J. Smith", "Dr. J. Smith" and "St. Pierre" join across a period; "Full. Dispo" does not.
    if (/^\.\s/.test(gap) && !isInitial(prev) && prev.key !== 'st') break;
    if (PARTICLES.has(next.text) && isNameAfterParticles(tokens, priors, j)) { end = j; continue; }
    if (prior < JOINABLE && !(isInitial(prev) && next.alpha && next.capitalized) && !isSurnameAfterGivenName(prev, next, priors[j - 1] ?? 0, lexicon)) break;
    // A hyphen joins names ("Smith-Jones"), not "rose-colored".
    if (gap === '-' && !(next.capitalized || next.upper || (!next.caseInformative && prior >= 0.2) || (next.alpha && isAfterTitle(text, tokens, i)))) break;
    if (/^(?:\s|-|\.\s|\s?['’]\s?)$/.test(gap) || (/^,\s?$/.test(gap) && isLastFirst(text, tokens, priors, i, j, lexicon))) {
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

/**
 * "Brindy Burns", "SYBILL BURNS": after a given name, a surname the clinical list also holds (a burn, a
 * stone, a bishop's score) still ends the name, when a name list has it and it is written like a name.
 */
function isSurnameAfterGivenName(prev: Token, next: Token, prevPrior: number, lexicon: Lexicon): boolean {
  const given = lexicon.firstNames.has(prev.key) || (prevPrior >= 0.2 && !lexicon.safeWords.has(prev.key));
  if (!next.alpha || !(next.capitalized || !next.caseInformative) || !given) return false;
  if (FUNCTION_WORDS.has(next.key) || RELATIONS.has(next.key) || NEVER_NAMES.has(next.key)) return false;
  return lexicon.personNames.has(next.key) || lexicon.nameWords.has(next.key);
}

/**
 * Initials and particles before a run: "K. Quinn", "A. bin Ismail", "de la Rosa". They are too weak to
 * start a run, so the run reaches back for them.
 */
function extendBack(text: string, tokens: Token[], i: number): number {
  let first = i;
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const t = tokens[k] as Token;
    const gap = text.slice(t.end, tokens[k + 1]?.start ?? t.end);
    // "r. adeyemi" in a lower-case note: a letter with a period is an initial there too.
    const initial = (isInitial(t) && /^\.?[ \t]$/.test(gap)) || (!t.caseInformative && t.text.length === 1 && /^\.[ \t]$/.test(gap));
    const particle = PARTICLES.has(t.text) && /^[ \t]$/.test(gap);
    if (!initial && !particle) break;
    first = k;
  }
  return first;
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
 * "Smith, John" or "Rodriguez-Vega, Maria": one surname (hyphens and particles allowed) before the comma, a name
 * after it. "Priya Raman, Brookline Family Medicine" is a name and then something else.
 */
function isLastFirst(text: string, tokens: Token[], priors: number[], runStart: number, j: number, lexicon: Lexicon): boolean {
  for (let k = runStart + 1; k < j; k++) {
    // "Le Gall, Alejandro", "de la Cruz, Ana": particles belong to the surname.
    const particle = PARTICLES.has((tokens[k - 1]?.text ?? '').toLowerCase());
    if (text.slice(tokens[k - 1]?.end ?? 0, tokens[k]?.start ?? 0) !== '-' && !particle) return false;
  }
  const after = tokens[j];
  const before = tokens[j - 1];
  if (!after || !before || !(after.capitalized || after.upper) || !(before.capitalized || before.upper)) return false;
  // "Boston, MA" and "Toronto, Canada" are places, not "Last, First".
  if (STATE_CODES.has(after.text) || lexicon.countries.has(after.key) || lexicon.cities.has(before.key) && !lexicon.firstNames.has(after.key)) return false;
  // A given name after the comma is evidence enough ("SMALL, AOIFE", "Hall, Olive"); else both must look like names.
  if (lexicon.firstNames.has(after.key) && (priors[j - 1] ?? 0) >= 0.04) return true;
  // Without capitals to go by ("PHAM, KAZUO"), the name lists' weaker word is enough on both sides.
  const needed = after.caseInformative ? 0.45 : 0.35;
  return (priors[j - 1] ?? 0) >= needed && (priors[j] ?? 0) >= needed;
}

function isAfterTitle(text: string, tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const cur = tokens[i];
  if (!prev || !cur) return false;
  const title = TITLES.has(prev.key);
  // "paged md green", "called np bui": a credential used as a title after a calling verb.
  if (!title && !(CREDENTIAL_TITLES.has(prev.key) && PAGING_VERBS.has(tokens[i - 2]?.key ?? ''))) return false;
  // "Dr. Smith", "Dr Smith", and "Dr.Smith" typed without a space; never across a line break ("by RN\nafebrile").
  return /^(?:\.?[ \t]{1,2}|\.)$/.test(text.slice(prev.end, cur.start));
}

/**
 * After a title every word up to the first that cannot be a name belongs to it, whatever the word lists
 * say: "Dr m. oyelaran-beck", "DR. I. WEXLER", "dr ysolde prentiss in to see pt". A word stops the name when
 * it is a function or stop word, or (with capitals to go by) a lower-case everyday word ("Dr Patel ordered").
 */
function extendTitledRun(text: string, tokens: Token[], i: number, lexicon: Lexicon): number {
  let end = i;
  for (let j = i + 1; j < tokens.length && j <= i + 3; j++) {
    const prev = tokens[j - 1] as Token;
    const next = tokens[j] as Token;
    const gap = text.slice(prev.end, next.start);
    const afterInitial = prev.text.length === 1 && /^\.[ \t]?$/.test(gap);
    if (!/^[ \t]$/.test(gap) && !afterInitial && gap !== '-') break;
    if (!next.alpha || !canContinueTitledName(next, text, lexicon)) break;
    end = j;
  }
  return end;
}

function canContinueTitledName(token: Token, text: string, lexicon: Lexicon): boolean {
  const key = token.key;
  const initial = token.text.length === 1 && text[token.end] === '.';
  if (!initial && (FUNCTION_WORDS.has(key) || STOP_AFTER_TITLE.has(key))) return false;
  if (NEVER_NAMES.has(key) || RELATIONS.has(key) || TITLES.has(key) || CREDENTIALS.has(key)) return false;
  if (initial) return true;
  // "Dr. Iris Burns": a name list beats the clinical list once a title has opened the name.
  const named = lexicon.firstNames.has(key) || lexicon.personNames.has(key) || lexicon.nameWords.has(key);
  if (named && (token.capitalized || token.upper || !token.caseInformative)) return true;
  if (lexicon.clinicalWords.has(key)) return false;
  if (named) return true;
  if (token.caseInformative) return token.capitalized || token.upper || !(lexicon.commonWords.has(key) || lexicon.safeWords.has(key));
  return !lexicon.safeWords.has(key) && !lexicon.commonWords.has(key);
}

const RELATION_LINKS = new Set(['is', 'her', 'his', 'their', 'pt', "pt's", 'patient', "patient's", 'the', 'named', 'name', 'and', 'also', 'in-law']);

/**
 * "update on pt Hartigan:", "patient Okonjo is": a capitalised word right after "pt" or "patient", in mixed-case
 * text, that is not a word notes use ("Pt Alert and oriented") unless a name list holds it.
 */
function isPatientNamed(tokens: Token[], i: number, lexicon: Lexicon): boolean {
  const prev = tokens[i - 1];
  const t = tokens[i];
  if (!prev || !t || (prev.key !== 'pt' && prev.key !== 'patient') || !t.caseInformative || !t.capitalized || t.sentenceStart) return false;
  if (prev.end + 1 !== t.start) return false;
  const k = t.key;
  if (lexicon.clinicalWords.has(k) || FUNCTION_WORDS.has(k) || NEVER_NAMES.has(k) || MONTHS_AND_DAYS.has(k)) return false;
  return !lexicon.safeWords.has(k) || lexicon.firstNames.has(k) || lexicon.personNames.has(k) || lexicon.nameWords.has(k);
}

function isAfterRelation(text: string, tokens: Token[], i: number): boolean {
  // Cheap test first: this runs for every token, and almost none follow a relation word.
  const near = tokens[i - 1]?.key ?? '';
  if (!RELATIONS.has(near) && !RELATION_LINKS.has(near)) return false;
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const t = tokens[k];
    // A sentence end or a column break ("Relationship: husband | Contact phone") ends the relation's reach.
    if (!t || /[.!?;|\n]/.test(text.slice(t.end, tokens[k + 1]?.start ?? t.end))) break;
    if (RELATIONS.has(t.key)) return true;
    if (!RELATION_LINKS.has(t.key)) break;
  }
  return false;
}

/**
 * "Care Coordinator", "Patient Portal", "Levo Gtt": Title Case made of everyday words or words real notes use
 * as non-names (Philter's whitelist). Two or more words that are
 * all first names ("Will Rose") still read as a name.
 */
function everydayWordsOnly(tokens: Token[], run: { first: number; last: number }, lexicon: Lexicon): boolean {
  const words = tokens.slice(run.first, run.last + 1).filter((t) => t.alpha && t.text.length > 1);
  const everydayWord = (t: Token) => lexicon.commonWords.has(t.key) || (lexicon.safeWords.has(t.key) && !lexicon.firstNames.has(t.key));
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
  if (!everyday && score < 0.85 && PAGER_WORDS.has(tokens[run.last + 1]?.key ?? '') && PAGER_AFTER.test(text.slice(tokens[run.last]?.end ?? 0, (tokens[run.last]?.end ?? 0) + 16))) score = 0.85;
  if (hasCueBefore(tokens, run.first) && score < 0.93 && !everyday) score = Math.min(0.93, score + 0.15 * Math.sign(score));
  if (context.initials) score = Math.max(score, 0.8);
  if (words === 0) return context.initials ? score : 0;
  // "Drager V500", "HAMILTON C6": a maker's name before a model number is a product, not a person.
  // The caps below only matter for a run that would pass a threshold; most runs score far lower.
  if (score > 0.3 && !titled && !relation && (isProductContext(text, tokens, run) || isClinicalTermSlot(text, tokens, run, lexicon))) return 0.3;
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

function insideSafeSpans(tokens: Token[], safe: readonly SafeSpan[]): boolean[] {
  const blocked = new Array<boolean>(tokens.length).fill(false);
  if (safe.length === 0) return blocked;
  const sorted = [...safe].sort((a, b) => a.start - b.start);
  let s = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    while (s < sorted.length && (sorted[s]?.end ?? 0) <= t.start) s++;
    for (let q = s; q < sorted.length && (sorted[q]?.start ?? 0) <= t.start; q++) {
      if ((sorted[q]?.end ?? 0) >= t.end) blocked[k] = true;
    }
  }
  return blocked;
}

/**
 * Staff initials in a signature: "MK RN", "/GA", "(JP/PS)", "Verified by: MK", "Triage RN: JR". They
 * are names, and clinical abbreviations have the same shape, so only these positions count.
 */
function isSignedInitials(text: string, tokens: Token[], i: number, lexicon: Lexicon): boolean {
  const t = tokens[i];
  // "UPDATED BY RN": a function word in capitals is no one's initials.
  if (!t || !t.upper || t.text.length > 3 || t.text.length < 2 || TITLES.has(t.key) || FUNCTION_WORDS.has(t.key)) return false;
  const before = text.slice(Math.max(0, t.start - 14), t.start);
  const after = text.slice(t.end, t.end + 12);
  // "(JP/PS)": the pathologist's and the grosser's initials, whatever letters they are.
  if (/\([ \t]*$/.test(before) && /^\/\p{Lu}{2,3}\)/u.test(after)) return true;
  if (/\(\p{Lu}{2,3}\/$/u.test(before) && /^\)/.test(after)) return true;
  if (['rn', 'md', 'np', 'do', 'pa', 'pt', 'ot', 'lpn', 'cna'].includes(t.key) || lexicon.clinicalWords.has(t.key) && !/^[ \t]*(?:rn|RN)\b/.test(after)) return false;
  if (/(?:^|\n)[ \t]*[/-]?[ \t]*$/.test(before) && /^[ \t]*(?:,?[ \t]*(?:rn|RN|MD|NP|PA|LPN|CNA|RT|RRT|PT|OT|SLP|CLS|MLS|MT)\b[^\n]*)?(?:\n|$)/.test(after)) return true;
  if (/\bby:?[ \t]*$/i.test(before) || /\b(?:rn|md|np|nurse)[ \t]*:[ \t]*\/?$/i.test(before)) return true;
  return /^[ \t]*,?[ \t]*(?:RN|rn|CLS|MLS)\b/.test(after);
}

/** "Selam (mother)", "Major Black (partner)", "John, her son,": a relation right after the name. */
function hasRelationAfter(text: string, tokens: Token[], last: number): boolean {
  const next = tokens[last + 1];
  const lastToken = tokens[last];
  if (!next || !lastToken || !RELATIONS.has(next.key)) return false;
  return /^[ \t]*(?:\(|,[ \t]*(?:(?:her|his|their|pt's|the)[ \t]+)?|-[ \t]*)$/.test(text.slice(lastToken.end, next.start).replace(/(?:her|his|their|the)[ \t]+$/i, ''));
}

function isLastFirstRun(text: string, tokens: Token[], run: { first: number; last: number }): boolean {
  for (let k = run.first + 1; k <= run.last; k++) if (/^,/.test(text.slice(tokens[k - 1]?.end ?? 0, tokens[k]?.start ?? 0))) return true;
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

/**
 * Products and systems, not people: a model number after the name ("Drager V500"), a device noun
 * ("Bivona trach", "Quinton R IJ"), or a chart to look things up in ("refer to Metavision").
 */
function isProductContext(text: string, tokens: Token[], run: { first: number; last: number }): boolean {
  if (isModelNumberAfter(text, tokens, run.last)) return true;
  let next = run.last + 1;
  // "Quinton R IJ": a side before a site is laterality, not an initial.
  if (isSide(tokens[run.last]) && run.last > run.first) next = run.last;
  if (isSide(tokens[next]) && next + 1 < tokens.length) next++;
  if (DEVICE_NOUNS.has(tokens[next]?.key ?? '') || SITES.has(tokens[next]?.key ?? '')) return true;
  // "L radial aline", "R fem Cordis": a line named after the site it sits in.
  if (SITES.has(tokens[run.first - 1]?.key ?? '') && /^[ \t]+$/.test(text.slice(tokens[run.first - 1]?.end ?? 0, tokens[run.first]?.start ?? 0))) return true;
  const before = text.slice(Math.max(0, (tokens[run.first]?.start ?? 0) - 24), tokens[run.first]?.start ?? 0).toLowerCase();
  return /\b(?:refer\s+to|see|charted\s+(?:in|on)|documented\s+(?:in|on)|recorded\s+(?:in|on)|per)\s+$/.test(before) && !/\bper\s+$/.test(before);
}

const DEVICE_NOUNS = new Set(['trach', 'tracheostomy', 'catheter', 'cath', 'line', 'drain', 'tube', 'collar', 'mask', 'bag', 'pump', 'filter', 'stent', 'valve', 'sump', 'port', 'boot', 'boots', 'splint', 'brace', 'vent', 'ventilator', 'bed', 'dressing', 'monitor']);
const SITES = new Set(['ij', 'sc', 'fem', 'femoral', 'subclavian', 'radial', 'brachial', 'ac', 'groin', 'chest', 'arm', 'forearm', 'leg', 'hand', 'foot', 'neck']);

function isSide(token: Token | undefined): boolean {
  return !!token && (token.key === 'r' || token.key === 'l' || token.key === 'rt' || token.key === 'lt');
}

// Shorthand that a clinical term follows: "h/o Sarcoidosis", "r/o Endocarditis", "? Pellagra", "+Babinski".
const CLINICAL_TERM_BEFORE = /(?:\?|\+|\b[hrc]\/o|\bs\/p|\bw\/o|\bdx|\bhx)[ \t]*$/i;

/**
 * One word that no name list holds, right after shorthand that introduces a finding or a diagnosis, is
 * that finding ("h/o Oidiomycosis"), not a person, however unknown the word.
 */
function isClinicalTermSlot(text: string, tokens: Token[], run: { first: number; last: number }, lexicon: Lexicon): boolean {
  const t = tokens[run.first] as Token;
  if (run.last !== run.first) return false;
  let k = t.start - 1;
  while (k > 0 && (text[k] === ' ' || text[k] === '\t')) k--;
  // Every marker ends in one of these characters; most runs are not after one.
  if (!'?+opxOPX'.includes(text[k] ?? ' ')) return false;
  if (lexicon.firstNames.has(t.key) || lexicon.personNames.has(t.key)) return false;
  return CLINICAL_TERM_BEFORE.test(text.slice(Math.max(0, t.start - 6), t.start));
}

/** A model designation right after the run: letters then digits ("V500", "C6", "PB840") or a bare 3-4 digit model. */
function isModelNumberAfter(text: string, tokens: Token[], last: number): boolean {
  const next = tokens[last + 1];
  const lastToken = tokens[last];
  if (!next || !lastToken || !/^[ \t]$/.test(text.slice(lastToken.end, next.start))) return false;
  return /^\p{L}{1,3}-?\d{1,4}\p{L}?$/u.test(next.text) && /\d/.test(next.text);
}
