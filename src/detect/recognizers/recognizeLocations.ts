import type { Candidate } from '../Candidate.ts';
import type { Lexicon } from '../Lexicon.ts';
import type { Token } from '../tokenize.ts';
import { nearSafeWord } from '../nearSafeWord.ts';
import { DEPARTMENTS, GENERIC_PLACE, isPlaceVerb } from '../placeWords.ts';
import { STATE_CODES } from '../usStates.ts';
import locationWords from '../word-lists/recognizeLocations.json' with { type: 'json' };

const LOCATION_CUES: ReadonlySet<string> = new Set(locationWords.locationCues);

const WEAK_CUES = new Set(['to', 'at', 'of', 'near']);

/** Cities and countries from the gazetteer: 1-3 tokens, scored by capitals and a preceding place cue. */
export function recognizeLocations(text: string, tokens: Token[], lexicon: Lexicon): Candidate[] {
  const out: Candidate[] = recognizeFacilityAcronyms(text, tokens, lexicon);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token?.alpha) continue;
    // In mixed-case text a place starts with a capital (an all-caps short word is an acronym: "LIMA").
    if (token.caseInformative && !token.capitalized && !(token.upper && token.text.length > 4)) continue;
    if (!lexicon.placeStarts.has(token.key)) continue;
    const match = longestPlace(text, tokens, i, lexicon);
    if (!match) continue;
    const first = tokens[i];
    const last = tokens[match.last];
    if (!first || !last) continue;
    const cueWord = tokens[i - 1]?.key ?? '';
    // In mixed-case text an all-caps short word is an acronym ("LIMA": left internal mammary artery).
    const looksProper = first.caseInformative ? first.capitalized || (first.upper && first.text.length > 4) : true;
    if (!looksProper) continue;
    const everyday = match.words.every((w) => lexicon.commonWords.has(w) || lexicon.knownWords.has(w));
    // "refer to Sunrise", "wean to Bath"? A town named by an everyday word needs a cue of living or coming from.
    const cue = LOCATION_CUES.has(cueWord) && !(everyday && WEAK_CUES.has(cueWord));
    let score = match.country ? 0.75 : 0.55;
    if (cue) score += 0.3;
    if (everyday) score -= 0.3;
    if (!first.caseInformative && !cue) score -= 0.15;
    // "REFER TO SUNRISE", "to reading": an everyday word that is also a town needs capitals to say "place".
    if (everyday && !first.caseInformative && !cue) score = Math.min(score, 0.4);
    if (first.sentenceStart && !cue) score -= 0.1;
    out.push({ start: first.start, end: last.end, type: 'ADDRESS', score: Math.max(0, Math.min(score, 0.95)) });
    i = match.last;
  }
  return out;
}

function longestPlace(
  text: string,
  tokens: Token[],
  i: number,
  lexicon: Lexicon,
): { last: number; words: string[]; country: boolean } | undefined {
  let found: { last: number; words: string[]; country: boolean } | undefined;
  let name = '';
  const words: string[] = [];
  const most = lexicon.placeStarts.get(tokens[i]?.key ?? '') ?? 0;
  for (let j = i; j < tokens.length && j < i + most; j++) {
    const t = tokens[j];
    if (!t?.alpha) break;
    if (j > i && text.slice(tokens[j - 1]?.end ?? 0, t.start) !== ' ') break;
    name = j === i ? t.text.toLowerCase() : `${name} ${t.text.toLowerCase()}`;
    words.push(t.key);
    if (lexicon.clinicalWords.has(t.key) && j === i) return undefined;
    if (lexicon.countries.has(name)) found = { last: j, words: [...words], country: true };
    else if (lexicon.cities.has(name) && name.length >= 4) found = { last: j, words: [...words], country: false };
  }
  return found;
}

/**
 * "adm 2/4 via ED from UMMC", "transferred from bidmc", "follow up at NWH", "pt from BRMC ED": a short
 * word after "from"/"to"/"at" that is neither English nor clinical shorthand, with an arrival or follow-up
 * verb before it or a department after it, is another hospital's initials.
 */
function recognizeFacilityAcronyms(text: string, tokens: Token[], lexicon: Lexicon): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const prep = tokens[i - 1]?.key;
    if ((prep !== 'from' && prep !== 'to' && prep !== 'at') || !t.alpha || t.text.length < 3) continue;
    if (!isAcronymShaped(t, lexicon)) continue;
    let verb = DEPARTMENTS.has(tokens[i + 1]?.key ?? '') || isUnknownCapitals(t, lexicon);
    for (let k = i - 2; k >= Math.max(0, i - 6) && !verb; k--) verb = isPlaceVerb(text, tokens, k);
    if (!verb) continue;
    out.push({ start: t.start, end: t.end, type: 'ADDRESS', score: t.upper || !t.caseInformative ? 0.65 : 0.6 });
  }
  return out;
}

/**
 * "CABG at SVH", "known to SJH": in mixed-case text, capitals that no list holds (neither a word, nor a
 * clinical abbreviation, nor one the whitelist knows from real notes, nor a state) after "at"/"from"/"to"
 * are a hospital's initials even without an arrival verb.
 */
function isUnknownCapitals(t: Token, lexicon: Lexicon): boolean {
  if (!t.caseInformative || !t.upper || t.text.length > 4 || STATE_CODES.has(t.text)) return false;
  return (
    !lexicon.safeWords.has(t.key) &&
    !lexicon.clinicalWords.has(t.key) &&
    !lexicon.commonWords.has(t.key) &&
    !lexicon.knownWords.has(t.key)
  );
}

/**
 * Initials, not a word: no word list holds it, or (only in mixed-case text, where an all-caps word is an
 * acronym) the whitelist of clinical words does but it is written in capitals ("WCH"). Longer words
 * need a name list to hold them and must not be one slip from a clinical word ("carevue" is a charting system).
 */
function isAcronymShaped(t: Token, lexicon: Lexicon): boolean {
  const key = t.key;
  if (lexicon.clinicalWords.has(key) || lexicon.commonWords.has(key) || lexicon.knownWords.has(key)) return false;
  // Philter's whitelist holds some hospitals' initials too ("wch"); an all-caps word in mixed case, or
  // one with a single vowel that no clinical list holds, is read as initials.
  if (lexicon.safeWords.has(key))
    return (
      t.text.length <= 5 &&
      ((t.caseInformative && t.upper) ||
        (!t.caseInformative && /^[^aeiouy]*[aeiouy]?[^aeiouy]*$/.test(key) && !GENERIC_PLACE.has(key)))
    );
  // Longer words name a hospital after a person or a place ("from Lahey", "to Quincy"), or are shorthand.
  if (t.text.length > 5)
    return (lexicon.personNames.has(key) || lexicon.cities.has(key)) && !nearSafeWord(key, lexicon);
  return true;
}
