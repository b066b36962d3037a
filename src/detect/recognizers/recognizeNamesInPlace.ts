import type { Candidate } from '../Candidate.ts';
import type { Lexicon } from '../Lexicon.ts';
import { fastLetters } from '../fastLetters.ts';
import { FUNCTION_WORDS, NEVER_NAMES, RELATIONS } from '../nameCues.ts';
import { nearSafeWord } from '../nearSafeWord.ts';

// "pt prefers to be called fang", "goes by Bud": the next word is a name whatever its case.
const PREFERRED_NAME = fastLetters(/\b(?:prefers?\s+to\s+be\s+called|likes\s+to\s+be\s+called|goes\s+by|known\s+as|a\.?k\.?a\.?|nicknamed?)\s+["'“]?([\p{L}][\p{L}'’-]+)/giu);
// Substrings PREFERRED_NAME cannot match without ("a.k.a" holds "a.k", "ak.a" holds "k.a").
const PREFERRED_NAME_HINTS = ['called', 'goes', 'known', 'nickname', 'aka', 'a.k', 'k.a'];
// "a. young rn", "ximena díaz, rn bsn", "DO RN", "/pr": a signature line of a nurse or a clinician, any case.
const SIGNATURE_LINE =
  fastLetters(/(?:^|\n)[ \t]*(?:[/-][ \t]*)?((?:\p{L}\.?[ \t]?)?\p{L}[\p{L}'’-]*(?:[ \t]+\p{L}[\p{L}'’-]*){0,2}?),?[ \t]+(?:rn|lpn|np|md|rrt|pa-c|cna|bsn|msn)(?:[ \t,]+(?:rn|bsn|msn|ccrn|cen))*[ \t]*(?=\n|$)/giu);
// "VR OOB TO CHAIR", "callum refused am labs": a nursing note names the patient at the start of an event line.
const PATIENT_EVENT =
  fastLetters(/(?:^|\n)[ \t]*(\p{L}[\p{L}'’-]{1,14})[ \t]+(?=(?:oob|refused|refusing|slept|up\s+to|tolerated|ambulated|denies|reports|states|c\/o|complains|requested|requests|agitated|resting|sleeping|pulled|declined|vomited|voided|walked|ate|remains|continues)\b)/giu);
// "/DK" on its own line or closing the last sentence of a line: the writer's initials.
const SLASH_INITIALS = fastLetters(/(?:^|\n|[.!?][ \t]+)[ \t]*\/[ \t]?(\p{L}{2,3})[ \t]*(?=\n|$)/gu);

/** Names in fixed places that need no word list: signature lines and preferred names. */
export function recognizeNamesInPlace(text: string, lexicon: Lexicon, lower = text.toLowerCase()): Candidate[] {
  const out: Candidate[] = [];
  // Each pattern runs only where its literal anchor occurs: substring search is far cheaper than a regex scan.
  const patterns = [
    ...(PREFERRED_NAME_HINTS.some((hint) => lower.includes(hint)) ? [PREFERRED_NAME] : []),
    ...(/\b(?:rn|lpn|np|md|rrt|pa-c|cna|bsn|msn)\b/.test(lower) ? [SIGNATURE_LINE] : []),
    ...(lower.includes('/') ? [SLASH_INITIALS] : []),
    PATIENT_EVENT,
  ];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      const value = m[1] ?? '';
      const words = value.toLowerCase().split(/[\s.]+/).filter((w) => w.length > 1);
      if (words.some((w) => lexicon.clinicalWords.has(w) || FUNCTION_WORDS.has(w) || NEVER_NAMES.has(w) || RELATIONS.has(w))) continue;
      // At the start of an event line any everyday word ("Family refused", "Patient slept") is no name.
      if (re === PATIENT_EVENT && !isPatientNameAtLineStart(value, lexicon)) continue;
      const start = m.index + m[0].indexOf(value, m[0].startsWith('\n') ? 1 : 0);
      out.push({ start, end: start + value.length, type: 'NAME', score: 0.85 });
    }
  }
  return out;
}

/**
 * "callum refused am labs", "VR OOB": a name or initials. "Vaso remains at 0.04", "Pateint resting": a
 * drug, or a misspelt word, that a note's line starts with. A word real notes use as a non-name, or one
 * letter away from one, names no patient unless a name list holds it.
 */
function isPatientNameAtLineStart(value: string, lexicon: Lexicon): boolean {
  const key = value.toLowerCase();
  if (value.length <= 3) return !lexicon.safeWords.has(key) || /^\p{Lu}{2,3}$/u.test(value);
  if (lexicon.firstNames.has(key)) return true;
  if (lexicon.commonWords.has(key) || lexicon.safeWords.has(key)) return false;
  return !nearSafeWord(key, lexicon);
}
