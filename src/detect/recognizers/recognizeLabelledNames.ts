import type { Candidate } from '../Candidate.ts';
import type { Lexicon } from '../Lexicon.ts';
import { FUNCTION_WORDS, NEVER_NAMES, PROPER_NON_PHI, RELATIONS, TITLES } from '../nameCues.ts';
import { fastLetters } from '../fastLetters.ts';
import labelWords from '../word-lists/recognizeLabelledNames.json' with { type: 'json' };

// Form fields and letter openings that a person's name follows: "Patient: Walker, Bobby", "First name: Ann"
// (or "First naine:", as a scan reads it), "To: Destiny
// Bond", "Circulating RN: Price Moody", "HCP: Yui", "Tech: N. Murphy", "Dear Hunter". Whatever the words,
// they are a name.
const LABEL_BEFORE_COLON = new RegExp(
  String.raw`(?:^|\n|[|;]\s*|\t| {2,})[ \t]*[-*•]?[ \t]*(?:${labelWords.labelPatterns.join('|')})\s*$`,
  'i',
);
const OPENING =
  /(?:^|\n)[ \t]*(?:dear|hello|hi|hey|good\s+morning|good\s+afternoon)[ \t]+(?:dr\.?\s+|mr\.?\s+|mrs\.?\s+|ms\.?\s+)?/gi;
const NAME_WORDS = fastLetters(
  /^(?:\p{L}\.?[ \t]+)?\p{L}[\p{L}'’-]*(?:(?:,[ \t]*|[ \t]+)(?:\p{L}\.?(?=[ \t,]|$)|\p{L}[\p{L}'’-]*)){0,3}/u,
);

export function recognizeLabelledNames(text: string, lexicon: Lexicon): Candidate[] {
  const out: Candidate[] = [];
  // Labels end in ":" or "#": look at the few characters before each one instead of scanning all text.
  for (let colon = text.search(/[:#]/); colon >= 0; colon = nextMark(text, colon + 1)) {
    if (!LABEL_BEFORE_COLON.test(text.slice(Math.max(0, colon - 48), colon))) continue;
    // "Subject: RE: pt BA labs": reply marks and "pt" come before the name; "Name: | Ann Lee": a column break (OCR pages).
    const prefix = /^[ \t]*(?:\|[ \t]*)?(?:(?:re|fw|fwd)[ \t]*:[ \t]*)*(?:pt\.?[ \t]+)?/i.exec(
      text.slice(colon + 1, colon + 24),
    );
    pushName(out, text, colon + 1 + (prefix?.[0].length ?? 0), lexicon);
  }
  for (const m of text.matchAll(OPENING)) pushName(out, text, m.index + m[0].length, lexicon);
  return out;
}

function nextMark(text: string, from: number): number {
  const colon = text.indexOf(':', from);
  const hash = text.indexOf('#', from);
  return colon < 0 ? hash : hash < 0 ? colon : Math.min(colon, hash);
}

function pushName(out: Candidate[], text: string, start: number, lexicon: Lexicon): void {
  const span = nameAfter(text, start, lexicon);
  if (span) out.push({ start, end: start + span.length, type: 'NAME', score: 0.85 });
}

/** The name words at `start`, cut at the first word that cannot be part of a name. */
function nameAfter(text: string, start: number, lexicon: Lexicon): string | undefined {
  const line = text.slice(start, start + 80).split(/\n|\s{3,}|\t|[|<(]/)[0] ?? '';
  const match = NAME_WORDS.exec(line);
  if (!match) return undefined;
  const words = match[0].split(/(?<=,)[ \t]*|[ \t]+/);
  const kept: string[] = [];
  for (const raw of words) {
    const word = raw.replace(/,$/, '');
    const key = word.toLowerCase().replace(/\.$/, '');
    // "From: Will Green": a given name that is also a word ("will", "may") starts a name when capitalised.
    const givenName = kept.length === 0 && /^\p{Lu}\p{Ll}+$/u.test(word) && lexicon.firstNames.has(key);
    if (
      !givenName &&
      (FUNCTION_WORDS.has(key) ||
        NEVER_NAMES.has(key) ||
        RELATIONS.has(key) ||
        TITLES.has(key) ||
        PROPER_NON_PHI.has(key))
    )
      break;
    // Lower-case everyday or clinical words end the name ("To: the team", "HCP: daughter").
    if (word === word.toLowerCase() && (lexicon.commonWords.has(key) || lexicon.clinicalWords.has(key))) break;
    if (/^\p{Lu}{2,}$/u.test(word) && lexicon.clinicalWords.has(key) && kept.length === 0) break;
    kept.push(raw);
    if (/,$/.test(raw) && kept.length > 1) break;
  }
  while (kept.length > 0 && /,$/.test(kept[kept.length - 1] ?? '') && kept.length === 1) kept.pop();
  if (kept.length === 0) return undefined;
  const value = match[0]
    .slice(0, match[0].indexOf(kept[kept.length - 1] as string) + (kept[kept.length - 1] as string).length)
    .replace(/[,.]$/, '');
  return /\p{L}{2}/u.test(value) ? value : undefined;
}
