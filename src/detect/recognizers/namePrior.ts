import type { Lexicon } from '../Lexicon.ts';
import {
  FUNCTION_WORDS,
  MONTHS_AND_DAYS,
  NEVER_NAMES,
  PARTICLES,
  PROPER_NON_PHI,
  RELATIONS,
  TITLES,
} from '../nameCues.ts';
import type { Token } from '../tokenize.ts';
import { nearSafeWord } from '../nearSafeWord.ts';
import namePriorWords from '../word-lists/namePrior.json' with { type: 'json' };

/**
 * How likely a token is part of a person's name from its spelling and the word lists alone, before
 * context. In mixed-case text a capital is strong evidence; Philter's lesson applies: a capitalised
 * word that no dictionary knows is taken for a name (default deny). In ALL-CAPS or all-lower text
 * only the name lists speak.
 */
export function namePrior(token: Token, lexicon: Lexicon, text: string): number {
  if (!token.alpha || token.text.length < 2 || PARTICLES.has(token.text)) return 0;
  if (isHeading(token, text)) return 0;
  // Most tokens are lower-case words in mixed-case text; only a given name among them counts a little.
  if (token.caseInformative && !token.capitalized && !token.upper) return lowerCasePrior(token.key, lexicon);
  const prior = cachedWordPrior(token, lexicon);
  // "Wt 80", "Trop <0.01", "Phos: 3.2": a word followed by a value is a lab or a vital sign.
  return prior > 0 && valueFollows(text, token.end) && !lexicon.firstNames.has(token.key) ? prior * 0.3 : prior;
}

/** A number right after the word, optionally after ":" and a comparison sign. Char codes: this runs per token. */
function valueFollows(text: string, at: number): boolean {
  for (let i = at; i < at + 6 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
    if (c !== 32 && c !== 9 && c !== 58 && c !== 60 && c !== 62 && c !== 126 && c !== 0x2264 && c !== 0x2265)
      return false;
  }
  return false;
}

/** mixedCasePrior's answer for a lower-case word, without the cache: "wife mary called". */
function lowerCasePrior(key: string, lexicon: Lexicon): number {
  if (MONTHS_AND_DAYS.has(key)) return 0.11;
  if (!lexicon.firstNames.has(key) || lexicon.commonWords.has(key) || lexicon.clinicalWords.has(key)) return 0;
  if (
    RELATIONS.has(key) ||
    TITLES.has(key) ||
    NEVER_NAMES.has(key) ||
    FUNCTION_WORDS.has(key) ||
    PROPER_NON_PHI.has(key)
  )
    return 0;
  if (looksClinical(key)) return 0;
  // "mary" is on the whitelist too (a saint, a nodule): only a relation word or a title makes it a name.
  return lexicon.safeWords.has(key) ? 0.12 : 0.3;
}

const priorCache = new WeakMap<Lexicon, Map<string, number[]>>();

/** The word-only part of the prior depends on the spelling and two flags: cache it per combination. */
function cachedWordPrior(token: Token, lexicon: Lexicon): number {
  let cache = priorCache.get(lexicon);
  if (!cache) priorCache.set(lexicon, (cache = new Map()));
  let byFlags = cache.get(token.text);
  if (!byFlags) {
    if (cache.size > 200_000) cache.clear();
    cache.set(token.text, (byFlags = [-1, -1, -1, -1]));
  }
  const slot = (token.sentenceStart ? 2 : 0) + (token.caseInformative ? 1 : 0);
  let prior = byFlags[slot] ?? -1;
  if (prior < 0) {
    prior = looksClinical(token.text) && !lexicon.firstNames.has(token.key) ? 0 : wordPrior(token, lexicon);
    byFlags[slot] = prior;
  }
  return prior;
}

function wordPrior(token: Token, lexicon: Lexicon): number {
  const key = token.key;
  if (lexicon.clinicalWords.has(key) || isContraction(key, lexicon)) return 0;
  // "Will" and "May" are names too: capitalised, they may join a name ("Will Rose") but never start one alone.
  if (FUNCTION_WORDS.has(key)) {
    // In ALL-CAPS text "WILL" may be a name too; it joins a name but never makes one alone.
    if (!token.caseInformative && token.upper && lexicon.firstNames.has(key)) return 0.1;
    if (!token.capitalized || !lexicon.firstNames.has(key)) return 0;
    if (token.sentenceStart) return 0.1;
  }
  // Eponyms are surnames too ("van der Berg"): they join a name but never start one.
  if (lexicon.eponyms.has(key)) return 0.1;
  if (RELATIONS.has(key) || TITLES.has(key) || NEVER_NAMES.has(key)) return 0;
  // Months join a name ("June Castellano") but never make one alone: a run needs a stronger word.
  if (MONTHS_AND_DAYS.has(key)) return 0.11;
  const k = knowledgeOf(key, lexicon);
  if (PROPER_NON_PHI.has(key)) return k.common ? 0.15 : 0.05;
  // A known city that is no first name is more likely a place; the place recognizer scores it.
  const place = lexicon.countries.has(key) ? 0.5 : lexicon.cities.has(key) && !k.first ? 0.8 : 1;
  if (token.caseInformative) return place * mixedCasePrior(token, k, lexicon);
  const prior = place * uncasedPrior(key, k);
  // "WILL BARROW": a word a name list also holds may continue a name another word starts (0.1 joins a run).
  return k.nameWord && !k.safe ? Math.max(prior, 0.1) : prior;
}

/**
 * ALL-CAPS or all-lower-case text: only the word lists speak. A word real notes use as a non-name
 * ("MAG", "levo", "bili") is weak even when some name list holds it; context must lift it.
 */
function uncasedPrior(key: string, k: Knowledge): number {
  if (k.safe) return k.first && !k.common ? 0.3 : k.first || k.person ? 0.1 : 0;
  if (k.first && !k.common) return 0.7;
  if (k.person && !k.known) return key.length >= 4 ? 0.4 : 0.2;
  if (k.first) return 0.25;
  if (!k.known && key.length >= 4) return 0.2;
  return 0.05;
}

interface Knowledge {
  first: boolean;
  common: boolean;
  known: boolean;
  person: boolean;
  safe: boolean;
  nameWord: boolean;
}

const knowledgeCache = new WeakMap<Lexicon, Map<string, Knowledge>>();

/** Word-list facts per distinct word, cached: notes repeat their words, and four Set look-ups add up. */
function knowledgeOf(key: string, lexicon: Lexicon): Knowledge {
  let cache = knowledgeCache.get(lexicon);
  if (!cache) knowledgeCache.set(lexicon, (cache = new Map()));
  let k = cache.get(key);
  if (!k) {
    const common = lexicon.commonWords.has(key);
    k = {
      first: lexicon.firstNames.has(key),
      common,
      known: common || lexicon.knownWords.has(key),
      person: lexicon.personNames.has(key),
      safe: lexicon.safeWords.has(key),
      nameWord: lexicon.nameWords.has(key),
    };
    if (cache.size > 200_000) cache.clear();
    cache.set(key, k);
  }
  return k;
}

function mixedCasePrior(token: Token, k: Knowledge, lexicon: Lexicon): number {
  // An all-caps word inside mixed-case text is usually an abbreviation ("CXR", "NEURO"), unless a
  // name list knows it ("SMITH, John" in a patient banner).
  if (token.upper) {
    if (token.text.length <= 2) return 0;
    if (k.safe) return k.first && !k.common ? 0.3 : 0;
    if (k.first && !k.common) return 0.6;
    return k.person && !k.known ? 0.45 : 0;
  }
  if (!token.capitalized) {
    // "wife mary called": a lower-case first name still counts a little, more once context speaks.
    return k.first && !k.common ? (k.safe ? 0.12 : 0.3) : 0;
  }
  const start = token.sentenceStart ? 0.7 : 1;
  // Real notes capitalise short forms and drugs at will ("Levo", "Lytes", "Mag"): a whitelist word is a
  // name only with help from context or a neighbouring name, never by its capital alone.
  if (k.safe) {
    // Given names real notes also use as words ("Mary", "Rose") keep a given name's weight mid-sentence.
    if (k.first) return k.common ? (token.sentenceStart ? 0.3 : 0.55) : 0.6 * start;
    return (k.person ? 0.35 : 0.15) * start;
  }
  if (k.first && !k.common) return 0.85 * start;
  // At a line start a surname-list word one slip from a clinical word is more often the slip ("Rythm SR").
  if (k.person && !k.known) return token.sentenceStart && nearSafeWord(token.key, lexicon) ? 0.35 : 0.75 * start;
  // Default deny, except at a line or sentence start, where a slip of a clinical word is likelier than an
  // unknown surname ("Ambulatd to chair"); mid-sentence an unknown capitalised word stays a name.
  if (!k.known) return token.sentenceStart && nearSafeWord(token.key, lexicon) ? 0.3 : 0.62 * start;
  // A capitalised "Will" or "Hope" mid-sentence is a name; at a sentence start it is just a word.
  if (k.first) return token.sentenceStart ? 0.3 : 0.55;
  if (k.common) return 0.15 * start;
  return 0.3 * start;
}

/** "You're", "I'd", "Don't": an everyday word before the apostrophe. "O'Neill" and "D'Angelo" are names. */
function isContraction(key: string, lexicon: Lexicon): boolean {
  const cut = key.search(/['’]/);
  if (cut < 0) return false;
  const head = key.slice(0, cut);
  return head === 'i' || (head.length >= 2 && lexicon.commonWords.has(head));
}

/** "Gen:", "EXT:", "Dispo:" at the start of a line are section headings. */
function isHeading(token: Token, text: string): boolean {
  if (text[token.end] !== ':') return false;
  const lineStart = text.lastIndexOf('\n', token.start - 1) + 1;
  return /^[\s\-•*#\d.)]*$/.test(text.slice(lineStart, token.start));
}

// Word endings of diseases, procedures, drugs and specialties; no given name or surname ends this way.
const CLINICAL_SUFFIX = new RegExp(`(?:${namePriorWords.clinicalSuffixes.join('|')})$`, 'i');

/** Clinical word shapes: medical suffixes, and inner capitals ("CrCl", "EtOH", "MyChart") except in names ("McDonald"). */
function looksClinical(word: string): boolean {
  if (word.length >= 6 && CLINICAL_SUFFIX.test(word)) return true;
  const inner = word.slice(1);
  if (!/\p{Lu}/u.test(inner) || word === word.toUpperCase()) return false;
  return !/^(?:Mc|Mac|O['’]|D['’]|De|Di|Da|Du|La|Le|Van|Von|St|Fitz)\p{Lu}/u.test(word) && !/-\p{Lu}/u.test(word);
}
