import type { Lexicon } from '../Lexicon.ts';
import type { Token } from '../tokenize.ts';
import nameWords from '../word-lists/recognizeNames.json' with { type: 'json' };

/** A run that names a product, a system or a finding rather than a person. */
export function isProductOrFinding(
  text: string,
  tokens: Token[],
  run: { first: number; last: number },
  lexicon: Lexicon,
): boolean {
  return isProductContext(text, tokens, run) || isClinicalTermSlot(text, tokens, run, lexicon);
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
  if (
    SITES.has(tokens[run.first - 1]?.key ?? '') &&
    /^[ \t]+$/.test(text.slice(tokens[run.first - 1]?.end ?? 0, tokens[run.first]?.start ?? 0))
  )
    return true;
  const before = text
    .slice(Math.max(0, (tokens[run.first]?.start ?? 0) - 24), tokens[run.first]?.start ?? 0)
    .toLowerCase();
  return (
    /\b(?:refer\s+to|see|charted\s+(?:in|on)|documented\s+(?:in|on)|recorded\s+(?:in|on)|per)\s+$/.test(before) &&
    !/\bper\s+$/.test(before)
  );
}

const DEVICE_NOUNS: ReadonlySet<string> = new Set(nameWords.deviceNouns);
const SITES: ReadonlySet<string> = new Set(nameWords.sites);

function isSide(token: Token | undefined): boolean {
  return !!token && (token.key === 'r' || token.key === 'l' || token.key === 'rt' || token.key === 'lt');
}

// Shorthand that a clinical term follows: "h/o Sarcoidosis", "r/o Endocarditis", "? Pellagra", "+Babinski".
const CLINICAL_TERM_BEFORE = /(?:\?|\+|\b[hrc]\/o|\bs\/p|\bw\/o|\bdx|\bhx)[ \t]*$/i;

/**
 * One word that no name list holds, right after shorthand that introduces a finding or a diagnosis, is
 * that finding ("h/o Oidiomycosis"), not a person, however unknown the word.
 */
function isClinicalTermSlot(
  text: string,
  tokens: Token[],
  run: { first: number; last: number },
  lexicon: Lexicon,
): boolean {
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
