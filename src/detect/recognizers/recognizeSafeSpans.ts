import type { SafeSpan } from '../Candidate.ts';
import type { Lexicon } from '../Lexicon.ts';
import type { Token } from '../tokenize.ts';
import safeSpanWords from '../word-lists/recognizeSafeSpans.json' with { type: 'json' };

/** Nouns that end a named disease, sign, scale or device ("Bell's palsy", "Jackson-Pratt drain"). */
const HEAD_NOUNS: ReadonlySet<string> = new Set(safeSpanWords.headNouns);

/**
 * Spans that name a disease, sign, scale or device after a person ("Parkinson's disease", "Glasgow Coma
 * Scale", "Jackson-Pratt drain"). Names inside them are not PHI unless a title makes them one.
 */
export function recognizeSafeSpans(text: string, tokens: Token[], lexicon: Lexicon): SafeSpan[] {
  const safe: SafeSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const multi = multiWordEponym(tokens, i, lexicon);
    if (multi > i) {
      safe.push({ start: tokens[i]?.start ?? 0, end: tokens[multi]?.end ?? 0 });
      i = multi;
      continue;
    }
    const compound = hyphenatedEponym(text, tokens, i, lexicon);
    if (compound > i) {
      // "Budd-Chiari", "Wolff-Parkinson-White": the parts alone may be anyone's surname, the compound is not.
      safe.push({ start: tokens[i]?.start ?? 0, end: tokens[compound]?.end ?? 0 });
      i = compound;
      continue;
    }
    const t = tokens[i];
    if (!t?.alpha) continue;
    const eponym = lexicon.eponyms.has(t.key);
    const possessive = t.key.length < t.text.length - 1 && (t.capitalized || t.upper || !t.caseInformative); // key drops "'s"
    // "Berg Balance Scale", "Wells criteria": a capitalised word heading a named scale, sign or device.
    const named = (t.capitalized || t.upper) && headNounFollows(text, tokens, i);
    if (!eponym && !possessive && !named) continue;
    // Allow one linking word: "Glasgow Coma Scale", "Wolff-Parkinson-White syndrome", "Bell's palsy".
    for (let j = i + 1; j < tokens.length && j <= i + 3; j++) {
      const next = tokens[j];
      if (!next) break;
      if (HEAD_NOUNS.has(next.key)) {
        safe.push({ start: t.start, end: next.end });
        break;
      }
      if (!next.alpha || next.text.length < 2 || /\n/.test(text.slice(tokens[j - 1]?.end ?? 0, next.start))) break;
    }
    if (eponym) safe.push({ start: t.start, end: t.end });
  }
  return safe;
}

/** The last token of a hyphenated eponym starting at `i`, or `i` when there is none. */
function hyphenatedEponym(text: string, tokens: Token[], i: number, lexicon: Lexicon): number {
  if (text[tokens[i]?.end ?? 0] !== '-') return i;
  let key = plain(tokens[i]?.key ?? '');
  let found = i;
  for (let j = i + 1; j < tokens.length && j <= i + 3; j++) {
    if (text.slice(tokens[j - 1]?.end ?? 0, tokens[j]?.start ?? 0) !== '-') break;
    key = `${key}-${plain(tokens[j]?.key ?? '')}`;
    if (lexicon.eponyms.has(key)) found = j;
  }
  return found;
}

/** "Lou Gehrig's disease", "Tommy John surgery", "Sister Mary Joseph nodule": listed with "_" for spaces. */
function multiWordEponym(tokens: Token[], i: number, lexicon: Lexicon): number {
  const first = tokens[i]?.key ?? '';
  if (!lexicon.eponymStarts.has(first) && (isAscii(first) || !lexicon.eponymStarts.has(plain(first)))) return i;
  let key = plain(first);
  let found = i;
  for (let j = i + 1; j < tokens.length && j <= i + 2; j++) {
    key = `${key}_${plain(tokens[j]?.key ?? '')}`;
    if (lexicon.eponyms.has(key)) found = j;
  }
  return found;
}

/** "Calvé" and "Séquard" are often typed without accents; compare without them. */
function plain(key: string): string {
  return isAscii(key) ? key : key.normalize('NFD').replace(/\p{M}/gu, '');
}

function isAscii(key: string): boolean {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) > 127) return false;
  return true;
}

/** "Wells criteria", "Framingham risk score", "Glasgow Coma Scale": a head noun one or two words on. */
function headNounFollows(text: string, tokens: Token[], i: number): boolean {
  for (let j = i + 1; j <= i + 2 && j < tokens.length; j++) {
    const prev = tokens[j - 1] as Token;
    const next = tokens[j] as Token;
    // One space or hyphen between the words: test the gap by length and char, no slicing.
    if (next.start - prev.end !== 1 || (text[prev.end] !== ' ' && text[prev.end] !== '-')) return false;
    if (HEAD_NOUNS.has(next.key)) return true;
  }
  return false;
}
