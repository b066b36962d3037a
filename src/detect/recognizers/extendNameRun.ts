import type { Lexicon } from '../Lexicon.ts';
import { CREDENTIALS, FUNCTION_WORDS, NEVER_NAMES, PARTICLES, RELATIONS, TITLES } from '../nameCues.ts';
import type { Token } from '../tokenize.ts';
import { STATE_CODES } from '../usStates.ts';
import { isAfterTitle, STOP_AFTER_TITLE } from './nameStart.ts';

/** A token with a prior below this neither starts nor continues a run on its own. */
export const JOINABLE = 0.1;
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
    if (isInitial(next) && /^(?:\.?[ \t]|[ \t])$/.test(gap) && !/^[#\d]/.test(text[next.end] ?? '')) {
      end = j;
      continue;
    }
    // "Dr. N. | Salem", "Dr. O | Sow": after a title's initial a scan may set the surname apart as the next cell.
    // Only the title's own initial, and a word that is no label ("Dr. J. | Date: 5/23") nor a function word.
    if (
      j - 1 === i &&
      isInitial(prev) &&
      /^\.?[ \t]+\|[ \t]+$/.test(gap) &&
      next.alpha &&
      next.capitalized &&
      isAfterTitle(text, tokens, i) &&
      !/^[ \t]*:/.test(text.slice(next.end)) &&
      !NEVER_NAMES.has(next.key) &&
      !FUNCTION_WORDS.has(next.key) &&
      !TITLES.has(next.key)
    ) {
      end = j;
      continue;
    }
    // "J. Smith", "Dr. J. Smith" and "St. Pierre" join across a period; "Full. Dispo" does not.
    if (/^\.\s/.test(gap) && !isInitial(prev) && prev.key !== 'st') break;
    if (PARTICLES.has(next.text) && isNameAfterParticles(tokens, priors, j)) {
      end = j;
      continue;
    }
    if (
      prior < JOINABLE &&
      !(isInitial(prev) && next.alpha && next.capitalized) &&
      !isSurnameAfterGivenName(prev, next, priors[j - 1] ?? 0, lexicon)
    )
      break;
    // A hyphen joins names ("Smith-Jones"), not "rose-colored".
    if (
      gap === '-' &&
      !(
        next.capitalized ||
        next.upper ||
        (!next.caseInformative && prior >= 0.2) ||
        (next.alpha && isAfterTitle(text, tokens, i))
      )
    )
      break;
    if (
      /^(?:\s|-|\.\s|\s?['’]\s?)$/.test(gap) ||
      (/^,\s?$/.test(gap) && isLastFirst(text, tokens, priors, i, j, lexicon))
    ) {
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
    const initial =
      (isInitial(t) && /^\.?[ \t]$/.test(gap)) || (!t.caseInformative && t.text.length === 1 && /^\.[ \t]$/.test(gap));
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

export function isInitial(token: Token): boolean {
  return token.text.length === 1 && /\p{Lu}/u.test(token.text);
}
/**
 * "Smith, John" or "Rodriguez-Vega, Maria": one surname (hyphens and particles allowed) before the comma, a name
 * after it. "Priya Raman, Brookline Family Medicine" is a name and then something else.
 */
function isLastFirst(
  text: string,
  tokens: Token[],
  priors: number[],
  runStart: number,
  j: number,
  lexicon: Lexicon,
): boolean {
  for (let k = runStart + 1; k < j; k++) {
    // "Le Gall, Alejandro", "de la Cruz, Ana": particles belong to the surname.
    const particle = PARTICLES.has((tokens[k - 1]?.text ?? '').toLowerCase());
    if (text.slice(tokens[k - 1]?.end ?? 0, tokens[k]?.start ?? 0) !== '-' && !particle) return false;
  }
  const after = tokens[j];
  const before = tokens[j - 1];
  if (!after || !before || !(after.capitalized || after.upper) || !(before.capitalized || before.upper)) return false;
  // "Boston, MA" and "Toronto, Canada" are places, not "Last, First".
  if (
    STATE_CODES.has(after.text) ||
    lexicon.countries.has(after.key) ||
    (lexicon.cities.has(before.key) && !lexicon.firstNames.has(after.key))
  )
    return false;
  // A given name after the comma is evidence enough ("SMALL, AOIFE", "Hall, Olive"); else both must look like names.
  if (lexicon.firstNames.has(after.key) && (priors[j - 1] ?? 0) >= 0.04) return true;
  // Without capitals to go by ("PHAM, KAZUO"), the name lists' weaker word is enough on both sides.
  const needed = after.caseInformative ? 0.45 : 0.35;
  return (priors[j - 1] ?? 0) >= needed && (priors[j] ?? 0) >= needed;
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
  if (token.caseInformative)
    return token.capitalized || token.upper || !(lexicon.commonWords.has(key) || lexicon.safeWords.has(key));
  return !lexicon.safeWords.has(key) && !lexicon.commonWords.has(key);
}

/** The tokens a name starting at token i covers: back over initials and particles, on over name words. */
export function extendNameRun(
  text: string,
  tokens: Token[],
  priors: number[],
  i: number,
  titled: boolean,
  lexicon: Lexicon,
): { first: number; last: number } {
  const last = titled
    ? Math.max(extendRun(text, tokens, priors, i, lexicon), extendTitledRun(text, tokens, i, lexicon))
    : extendRun(text, tokens, priors, i, lexicon);
  return { first: extendBack(text, tokens, i), last };
}
