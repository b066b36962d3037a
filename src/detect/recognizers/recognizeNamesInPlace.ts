import type { Candidate } from '../Candidate.ts';
import type { Lexicon } from '../Lexicon.ts';
import { fastLetters } from '../fastLetters.ts';
import { FUNCTION_WORDS, NEVER_NAMES, RELATIONS } from '../nameCues.ts';
import { nearSafeWord } from '../nearSafeWord.ts';
import { CARE_TEAM_ROLES } from '../professions.ts';
import inPlaceWords from '../word-lists/recognizeNamesInPlace.json' with { type: 'json' };

// "pt prefers to be called fang", "goes by Bud": the next word is a name whatever its case.
const PREFERRED_NAME = fastLetters(
  /\b(?:prefers?\s+to\s+be\s+called|likes\s+to\s+be\s+called|goes\s+by|known\s+as|a\.?k\.?a\.?|nicknamed?)\s+["'“]?([\p{L}][\p{L}'’-]+)/giu,
);
// Substrings PREFERRED_NAME cannot match without ("a.k.a" holds "a.k", "ak.a" holds "k.a").
const PREFERRED_NAME_HINTS = inPlaceWords.preferredNameHints;
// "a. young rn", "ximena díaz, rn bsn", "DO RN", "/pr": a signature line of a nurse or a clinician, any case.
// A signature may end with the time it was signed: "-qr RN 2pm", "/yh 1230".
const SIGNED_AT = String.raw`(?:\d{3,4}|\d{1,2}(?::\d{2})?[ \t]?(?:am|pm))`;
const SIGNATURE_LINE = fastLetters(
  new RegExp(
    String.raw`(?:^|\n)[ \t]*(?:[/-][ \t]*)?((?:\p{L}\.?[ \t]?)?\p{L}[\p{L}'’-]*(?:[ \t]+\p{L}[\p{L}'’-]*){0,2}?),?[ \t]+(?:rn|lpn|np|md|rrt|pa-c|cna|bsn|msn)(?:[ \t,]+(?:rn|bsn|msn|ccrn|cen))*[ \t]*(?:${SIGNED_AT})?[ \t]*(?=\n|$)`,
    'giu',
  ),
);
// "VR OOB TO CHAIR", "callum refused am labs": a nursing note names the patient at the start of an event line.
const PATIENT_EVENT = fastLetters(
  /(?:^|\n)[ \t]*(\p{L}[\p{L}'’-]{1,14})[ \t]+(?=(?:oob|refused|refusing|slept|up\s+to|tolerated|ambulated|denies|reports|states|c\/o|complains|requested|requests|agitated|resting|sleeping|pulled|declined|vomited|voided|walked|ate|remains|continues)\b)/giu,
);
// "thanks,\nqv\n--", "Best,\nOrsolya": the line after a closing is the writer's name or initials.
const SIGN_OFF = fastLetters(
  /(?:^|\n)[ \t]*(?:thanks|thank\s+you|thx|tx|best|best\s+regards|regards|kind\s+regards|cheers|sincerely|yours(?:\s+(?:sincerely|truly))?|warmly|take\s+care|many\s+thanks)[ \t]*[,.!-]*[ \t]*\r?\n[ \t]*-?[ \t]*(\p{L}[\p{L}'’.-]*(?:[ \t]+\p{L}[\p{L}'’.-]*){0,2})[ \t]*(?=\r?\n|$)/giu,
);
// "--\nharriet okwu | sicu | x4410": an e-mail signature block starts with the writer's name.
const SIGNATURE_BLOCK = fastLetters(
  /(?:^|\n)[ \t]*--[ \t]*\r?\n[ \t]*(\p{L}[\p{L}'’.-]*(?:[ \t]+\p{L}[\p{L}'’.-]*){0,2})[ \t]*(?=[|,]|\r?\n|$)/gu,
);
// "...will cont to monitor. thanks, sk": a closing and initials ending a line.
const SIGN_OFF_INLINE = fastLetters(
  /(?:^|[.!?;][ \t]+)(?:thanks|thank\s+you|thx)[ \t]*[,-]?[ \t]+(\p{L}{2,3})[ \t]*(?=\r?\n|$)/giu,
);
// "covering s. mirek p#76056", "COVERING J. BASKE P#36090": a pager number belongs to the name before it.
// Found from the pager word backwards: a scan for the name at every word would cost a pass over each note.
const PAGER_LABEL = /\b(?:pager|pgr|beeper|bpr|p#|pg)[ \t#:.]*\d/gi;
const NAME_BEFORE_PAGER = fastLetters(/(?:^|[^\p{L}.])((?:\p{L}\.[ \t]?)?\p{L}[\p{L}'’-]+)[ \t]+$/u);
// "Ray -", "Dawn,": a greeting line of its own at the top of a message, before the body. Tried only at the
// start of the text and after a blank line, as a sticky pattern.
const GREETING_LINE = fastLetters(
  /[ \t]*(\p{L}[\p{L}'’-]+(?:[ \t]+\p{L}[\p{L}'’-]+)?)[ \t]*(?:-|,)[ \t]*\r?\n(?=[ \t]*\S)/uy,
);
// "/DK" on its own line or closing the last sentence of a line: the writer's initials.
const SLASH_INITIALS = fastLetters(
  new RegExp(String.raw`(?:^|\n|[.!?][ \t]+)[ \t]*\/[ \t]?(\p{L}{2,3})[ \t]*(?:${SIGNED_AT})?[ \t]*(?=\n|$)`, 'gu'),
);

/** Names in fixed places that need no word list: signature lines and preferred names. */
export function recognizeNamesInPlace(text: string, lexicon: Lexicon, lower = text.toLowerCase()): Candidate[] {
  const out: Candidate[] = [];
  // Each pattern runs only where its literal anchor occurs: substring search is far cheaper than a regex scan.
  const patterns = [
    ...(PREFERRED_NAME_HINTS.some((hint) => lower.includes(hint)) ? [PREFERRED_NAME] : []),
    ...(/\b(?:rn|lpn|np|md|rrt|pa-c|cna|bsn|msn)\b/.test(lower) ? [SIGNATURE_LINE] : []),
    ...(lower.includes('/') ? [SLASH_INITIALS] : []),
    ...(SIGN_OFF_HINTS.some((hint) => lower.includes(hint)) ? [SIGN_OFF] : []),
    ...(lower.includes('thank') || lower.includes('thx') ? [SIGN_OFF_INLINE] : []),
    ...(lower.includes('--') ? [SIGNATURE_BLOCK] : []),
    PATIENT_EVENT,
  ];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      const value = m[1] ?? '';
      const words = value
        .toLowerCase()
        .split(/[\s.]+/)
        .filter((w) => w.length > 1);
      // In a signature place two or three letters are initials, even ones that spell an abbreviation or a word
      // ("-tb RN", "AT", "on"): initials are written in one case. A capitalised function word is a word
      // ("Best,\nAll": the closing is to everyone).
      const initialsOnly =
        (re === SIGNATURE_LINE || re === SIGN_OFF || re === SIGN_OFF_INLINE || re === SLASH_INITIALS) &&
        /^\p{L}{2,3}$/u.test(value) &&
        !(/^\p{Lu}\p{Ll}+$/u.test(value) && FUNCTION_WORDS.has(value.toLowerCase()));
      if (
        !initialsOnly &&
        words.some(
          (w) => lexicon.clinicalWords.has(w) || FUNCTION_WORDS.has(w) || NEVER_NAMES.has(w) || RELATIONS.has(w),
        )
      )
        continue;
      if (re === SIGNATURE_BLOCK && !isNameWord(words, lexicon)) continue;
      if (re === SIGN_OFF && !initialsOnly && !isNameWord(words, lexicon)) continue;
      // At the start of an event line any everyday word ("Family refused", "Patient slept") is no name.
      if (re === PATIENT_EVENT && !isPatientNameAtLineStart(value, lexicon)) continue;
      const start = m.index + m[0].indexOf(value, m[0].startsWith('\n') ? 1 : 0);
      out.push({ start, end: start + value.length, type: 'NAME', score: 0.85 });
    }
  }
  if (/pager|pgr|beeper|bpr|p#|pg/.test(lower)) out.push(...recognizePagerOwners(text, lexicon));
  out.push(...recognizeGreetings(text, lexicon));
  return out;
}

function recognizeGreetings(text: string, lexicon: Lexicon): Candidate[] {
  const out: Candidate[] = [];
  for (let at = 0; at >= 0 && at < text.length; at = nextParagraph(text, at)) {
    GREETING_LINE.lastIndex = at;
    const m = GREETING_LINE.exec(text);
    const value = m?.[1];
    if (!m || !value) continue;
    const words = value
      .toLowerCase()
      .split(/[\s.]+/)
      .filter((w) => w.length > 1);
    if (
      words.some(
        (w) => lexicon.clinicalWords.has(w) || FUNCTION_WORDS.has(w) || NEVER_NAMES.has(w) || RELATIONS.has(w),
      ) ||
      !isNameWord(words, lexicon)
    )
      continue;
    const start = m.index + m[0].indexOf(value);
    out.push({ start, end: start + value.length, type: 'NAME', score: 0.85 });
  }
  return out;
}

/** The start of the next line after a blank line (spaces allowed on it), or -1. */
function nextParagraph(text: string, from: number): number {
  for (let i = text.indexOf('\n', from); i >= 0; i = text.indexOf('\n', i + 1)) {
    let j = i + 1;
    while (text[j] === ' ' || text[j] === '\t' || text[j] === '\r') j++;
    if (text[j] === '\n') return j + 1;
  }
  return -1;
}

function recognizePagerOwners(text: string, lexicon: Lexicon): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(PAGER_LABEL)) {
    const window = text.slice(Math.max(0, m.index - 40), m.index);
    const name = NAME_BEFORE_PAGER.exec(window);
    const value = name?.[1];
    if (!name || !value) continue;
    const words = value
      .toLowerCase()
      .split(/[\s.]+/)
      .filter((w) => w.length > 1);
    if (
      words.some((w) => FUNCTION_WORDS.has(w) || NEVER_NAMES.has(w) || RELATIONS.has(w)) ||
      !isPagerOwner(words, lexicon)
    )
      continue;
    const start = m.index - window.length + name.index + name[0].indexOf(value);
    out.push({ start, end: start + value.length, type: 'NAME', score: 0.85 });
  }
  return out;
}

/** "mirek", "baske": the surname before a pager is a name list's, or one no list knows; "resident" is a role. */
function isPagerOwner(words: string[], lexicon: Lexicon): boolean {
  const last = words[words.length - 1] ?? '';
  if (CARE_TEAM_ROLES.has(last) || lexicon.clinicalWords.has(last)) return false;
  return (
    lexicon.personNames.has(last) ||
    lexicon.firstNames.has(last) ||
    !(lexicon.safeWords.has(last) || lexicon.commonWords.has(last) || lexicon.knownWords.has(last))
  );
}

const SIGN_OFF_HINTS = inPlaceWords.signOffHints;

/**
 * A name, not a word: the first word is one real notes never use as an ordinary word, or a given name
 * ("Dawn", "Ray"); the others may also be surnames that are words ("harriet winter"). "best," and "All -"
 * are closings and greetings to everyone.
 */
function isNameWord(words: string[], lexicon: Lexicon): boolean {
  const [first, ...rest] = words;
  if (!first || (lexicon.safeWords.has(first) && !lexicon.firstNames.has(first))) return false;
  return rest.every(
    (w) =>
      !lexicon.safeWords.has(w) || lexicon.firstNames.has(w) || lexicon.nameWords.has(w) || lexicon.personNames.has(w),
  );
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
