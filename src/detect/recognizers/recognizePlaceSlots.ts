import type { Candidate } from '../Candidate.ts';
import type { Lexicon } from '../Lexicon.ts';
import { FUNCTION_WORDS, MONTHS_AND_DAYS, RELATIONS, TITLES } from '../nameCues.ts';
import type { Token } from '../tokenize.ts';
import { nearSafeWord } from '../nearSafeWord.ts';
import { GENERIC_PLACE, isPlaceVerb, PLACE_VERBS } from '../placeWords.ts';

const PLACE_PREPOSITIONS = new Set(['from', 'to', 'at', 'on']);
const FACILITY_TAIL =
  /^(?:hospital|center|centre|clinic|infirmary|rehab|rehabilitation|hospice|manor|institute|living|home|healthcare|health|medical|pavilion|house|gardens|village|residence)$/;

/**
 * Philter's default deny, kept to where places are written. After an arrival, transfer, follow-up or
 * residence verb and "from"/"to"/"at"/"on", a run of words that real notes do not use as ordinary
 * words is the name of a place: "transferred from Holy Redeemer", "d/c to willow creek nursing and
 * rehabilitation center", "bed assigned on Kessler 9". Words real notes use everywhere ("home",
 * "floor", "outside hospital") name nothing, so those runs are left alone.
 */
export function recognizePlaceSlots(text: string, tokens: Token[], lexicon: Lexicon): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const prep = tokens[i - 1] as Token;
    if (!PLACE_PREPOSITIONS.has(prep.key) || !hasPlaceVerbBefore(text, tokens, i - 1)) continue;
    const run = placeRun(text, tokens, i);
    if (run.length === 0) continue;
    // "on levo", "on Friday": after "on" only a ward with its number ("on Kessler 9") is a place.
    if (prep.key === 'on' && (run[run.length - 1] as Token).alpha) continue;
    const candidate = scoreRun(run, lexicon);
    if (candidate) out.push(candidate);
  }
  return out;
}

function hasPlaceVerbBefore(text: string, tokens: Token[], prep: number): boolean {
  for (let k = prep - 1; k >= Math.max(0, prep - 5); k--) {
    const t = tokens[k] as Token;
    if (/[.;!?\n]/.test(text.slice(t.end, tokens[k + 1]?.start ?? t.end))) return false;
    if (isPlaceVerb(text, tokens, k)) return true;
  }
  return false;
}

/** Up to six words on one line, joined by single spaces or hyphens, stopping at a function word. */
function placeRun(text: string, tokens: Token[], first: number): Token[] {
  const run: Token[] = [];
  for (let j = first; j < tokens.length && run.length < 6; j++) {
    const t = tokens[j] as Token;
    if (j > first && !/^[ \t]$|^-$/.test(text.slice(tokens[j - 1]?.end ?? 0, t.start))) break;
    if (!t.alpha && !/^\d{1,2}[A-Za-z]?$/.test(t.text)) break;
    if (t.alpha && j > first && FUNCTION_WORDS.has(t.key) && t.key !== 'and' && t.key !== 'of') break;
    if (j === first && t.key === 'the') {
      first++;
      continue;
    }
    if (t.alpha && (FUNCTION_WORDS.has(t.key) || MONTHS_AND_DAYS.has(t.key)) && j === first) break;
    run.push(t);
    if (!t.alpha) break; // a ward number ends the name
  }
  while (run.length > 0 && ['and', 'of'].includes(run[run.length - 1]?.key ?? '')) run.pop();
  return run;
}

function scoreRun(run: Token[], lexicon: Lexicon): Candidate | undefined {
  const words = run.filter((t) => t.alpha);
  if (words.length === 0) return undefined;
  if (
    words.some(
      (t) =>
        TITLES.has(t.key) ||
        RELATIONS.has(t.key) ||
        (PLACE_VERBS.has(t.key) && !GENERIC_PLACE.has(t.key)) ||
        (lexicon.clinicalWords.has(t.key) && !GENERIC_PLACE.has(t.key)),
    )
  )
    return undefined;
  const naming = words.filter((t) => !GENERIC_PLACE.has(t.key));
  if (naming.length === 0) return undefined;
  // A word the whitelist lacks, of four letters or more and no slip of one it holds ("radiolgy", "hom").
  const unusual = naming.filter(
    (t) => !lexicon.safeWords.has(t.key) && t.text.length >= 4 && !nearSafeWord(t.key, lexicon),
  );
  const ward = !(run[run.length - 1] as Token).alpha;
  // Ordinary words name a place only with a facility word after them ("harbor valley medical center").
  const facility = FACILITY_TAIL.test(words[words.length - 1]?.key ?? '') && naming.length >= 2;
  if (unusual.length === 0 && !facility && !ward) return undefined;
  // A ward is a name from a name list followed by its number ("Kessler 9"); "on Levo 5" is a dose.
  // A ward is named after a person or a place, or by a word no list knows ("Husar 7"); "on levo 5" is a dose.
  const wardName = (t: Token) =>
    lexicon.personNames.has(t.key) ||
    lexicon.firstNames.has(t.key) ||
    lexicon.nameWords.has(t.key) ||
    lexicon.cities.has(t.key) ||
    (!lexicon.safeWords.has(t.key) && !lexicon.knownWords.has(t.key) && !lexicon.commonWords.has(t.key));
  if (ward && !naming.some(wardName)) return undefined;
  const start = (run[0] as Token).start;
  const end = (run[run.length - 1] as Token).end;
  return { start, end, type: 'ADDRESS', score: unusual.length > 0 ? 0.75 : 0.7 };
}
