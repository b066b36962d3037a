import type { Token } from './tokenize.ts';
import words from './word-lists/placeWords.json' with { type: 'json' };

/** Words around places that more than one recognizer reads: place verbs and generic kinds of place. */

// Verbs after which "from", "to", "at" or "on" introduce a place: arrivals, transfers, discharges,
// follow-up, residence. "from" and "to" alone are too common ("increased from 5 to 10").
export const PLACE_VERBS: ReadonlySet<string> = new Set(words.placeVerbs);
// Words that name a kind of place or service, not which one: "from home", "to the floor", "at rehab".
export const GENERIC_PLACE: ReadonlySet<string> = new Set(words.genericPlace);

// Departments and services a hospital's initials come before: "from BRMC ED", "at SJMC cardiology".
export const DEPARTMENTS: ReadonlySet<string> = new Set(words.departments);

/** A place verb at token k, also written with a slash ("d/c", "f/u", which the tokenizer splits). */
export function isPlaceVerb(text: string, tokens: Token[], k: number): boolean {
  const t = tokens[k];
  return !!t && (PLACE_VERBS.has(t.key) || PLACE_VERBS.has(slashedKey(text, tokens, k)));
}

/** "d/c", "f/u": the tokenizer splits at the slash; the shorthand is the two letters with it. */
function slashedKey(text: string, tokens: Token[], k: number): string {
  const t = tokens[k] as Token;
  const before = tokens[k - 1];
  return before && text[t.start - 1] === '/' && before.end === t.start - 1 ? `${before.key}/${t.key}` : t.key;
}
