import type { Lexicon } from '../Lexicon.ts';
import { FUNCTION_WORDS, MONTHS_AND_DAYS, NEVER_NAMES, RELATIONS, TITLES } from '../nameCues.ts';
import { nearSafeWord } from '../nearSafeWord.ts';
import type { Token } from '../tokenize.ts';
import nameWords from '../word-lists/recognizeNames.json' with { type: 'json' };

/** What before token i says a name starts there: a title, a relation word, or a signature's initials. */
export interface NameStart {
  titled: boolean;
  relation: boolean;
  initials: boolean;
  /** The cue makes token i part of a name whatever its own prior. */
  forced: boolean;
}

export function nameStart(text: string, tokens: Token[], i: number, prior: number, lexicon: Lexicon): NameStart {
  const titled = isAfterTitle(text, tokens, i) && !isAbbreviationNotTitle(text, tokens[i] as Token, lexicon);
  const relation = !titled && (isAfterRelation(text, tokens, i) || isPatientNamed(tokens, i, lexicon));
  const initials = isSignedInitials(text, tokens, i, lexicon);
  const forced = ((titled || relation) && canFollowCue(tokens[i], prior, titled, lexicon, text)) || initials;
  return { titled, relation, initials, forced };
}

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
  if (
    lexicon.nameWords.has(k) &&
    /\b(?:spoke|speak|talked|called|updated|informed|per|discussed)\b[^\n.;]{0,8}$/i.test(
      text.slice(Math.max(0, token.start - 24), token.start - title.length),
    )
  )
    return false;
  // "SR. LEVO AT 0.12", "HR 80s SR Wells score": sinus rhythm before a drug or an eponym.
  if (lexicon.safeWords.has(k) && !lexicon.firstNames.has(k)) return true;
  if (lexicon.firstNames.has(k) || lexicon.personNames.has(k)) return false;
  return lexicon.commonWords.has(k) || lexicon.safeWords.has(k) || nearSafeWord(k, lexicon);
}

/** The word right before `token` as written ("ms" in "ms changes", "Ms" in "Ms Lee"). */
function titleBefore(text: string, token: Token): string {
  return /([\p{L}]+)\.?\s*$/u.exec(text.slice(Math.max(0, token.start - 8), token.start))?.[1] ?? '';
}
// Credentials used as titles after a calling verb, and staff roles whose letters are never someone's initials.
const NOT_INITIALS: ReadonlySet<string> = new Set(nameWords.notInitials);
const PAGING_VERBS: ReadonlySet<string> = new Set(nameWords.pagingVerbs);
export const STOP_AFTER_TITLE: ReadonlySet<string> = new Set(nameWords.stopAfterTitle);
function canFollowCue(
  token: Token | undefined,
  prior: number,
  titled: boolean,
  lexicon: Lexicon,
  text: string,
): boolean {
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
  return (
    !lexicon.commonWords.has(token.key) && !lexicon.knownWords.has(token.key) && !lexicon.clinicalWords.has(token.key)
  );
}
export function isAfterTitle(text: string, tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const cur = tokens[i];
  if (!prev || !cur) return false;
  const title = TITLES.has(prev.key);
  // "paged md green", "called np bui": a credential used as a title after a calling verb.
  if (!title && !(CREDENTIAL_TITLES.has(prev.key) && PAGING_VERBS.has(tokens[i - 2]?.key ?? ''))) return false;
  // "Dr. Smith", "Dr Smith", and "Dr.Smith" typed without a space; never across a line break ("by RN\nafebrile").
  // "Dr. | El-Sayed": a scan may set the name apart as the next cell (with the title's period only: "Holly Dr | June 3").
  // "Dr. ‘Na Suzuki": a speck before the name read as a quote.
  return /^(?:\.?[ \t]{1,2}|\.|\.[ \t]+\|[ \t]+|\.?[ \t]{1,2}['‘’])$/.test(text.slice(prev.end, cur.start));
}
const RELATION_LINKS: ReadonlySet<string> = new Set(nameWords.relationLinks);

/**
 * "update on pt Hartigan:", "patient Okonjo is": a capitalised word right after "pt" or "patient", in mixed-case
 * text, that is not a word notes use ("Pt Alert and oriented") unless a name list holds it.
 */
function isPatientNamed(tokens: Token[], i: number, lexicon: Lexicon): boolean {
  const prev = tokens[i - 1];
  const t = tokens[i];
  if (
    !prev ||
    !t ||
    (prev.key !== 'pt' && prev.key !== 'patient') ||
    !t.caseInformative ||
    !t.capitalized ||
    t.sentenceStart
  )
    return false;
  if (prev.end + 1 !== t.start) return false;
  const k = t.key;
  if (lexicon.clinicalWords.has(k) || FUNCTION_WORDS.has(k) || NEVER_NAMES.has(k) || MONTHS_AND_DAYS.has(k))
    return false;
  return (
    !lexicon.safeWords.has(k) || lexicon.firstNames.has(k) || lexicon.personNames.has(k) || lexicon.nameWords.has(k)
  );
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
 * Staff initials in a signature: "MK RN", "/GA", "(JP/PS)", "Verified by: MK", "Triage RN: JR". They
 * are names, and clinical abbreviations have the same shape, so only these positions count.
 */
function isSignedInitials(text: string, tokens: Token[], i: number, lexicon: Lexicon): boolean {
  const t = tokens[i];
  // "UPDATED BY RN": a function word in capitals is no one's initials.
  if (!t || !t.upper || t.text.length > 3 || t.text.length < 2 || TITLES.has(t.key) || FUNCTION_WORDS.has(t.key))
    return false;
  const before = text.slice(Math.max(0, t.start - 14), t.start);
  const after = text.slice(t.end, t.end + 12);
  // "(JP/PS)": the pathologist's and the grosser's initials, whatever letters they are.
  if (/\([ \t]*$/.test(before) && /^\/\p{Lu}{2,3}\)/u.test(after)) return true;
  if (/\(\p{Lu}{2,3}\/$/u.test(before) && /^\)/.test(after)) return true;
  if (NOT_INITIALS.has(t.key) || (lexicon.clinicalWords.has(t.key) && !/^[ \t]*(?:rn|RN)\b/.test(after))) return false;
  if (
    /(?:^|\n)[ \t]*[/-]?[ \t]*$/.test(before) &&
    /^[ \t]*(?:,?[ \t]*(?:rn|RN|MD|NP|PA|LPN|CNA|RT|RRT|PT|OT|SLP|CLS|MLS|MT)\b[^\n]*)?(?:\n|$)/.test(after)
  )
    return true;
  if (/\bby:?[ \t]*$/i.test(before) || /\b(?:rn|md|np|nurse)[ \t]*:[ \t]*\/?$/i.test(before)) return true;
  return /^[ \t]*,?[ \t]*(?:RN|rn|CLS|MLS)\b/.test(after);
}
