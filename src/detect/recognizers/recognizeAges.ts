import type { Candidate } from '../Candidate.ts';

const NUMBER_WORD =
  '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine))?|one hundred(?:\\s(?:and\\s)?[a-z-]+)?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine)';
const AGE_NUMBER = '(\\d{1,3})';
const AGE_WORDS = `(${NUMBER_WORD})`;
const YEARS_OLD =
  '\\s*(?:-|\\s)?\\s*(?:y\\.?\\s?o\\.?|y/o|yo[mf]?|yrs?\\.?\\s*old|years?[\\s-]+old|year-old|yr-old|years? of age|yoa)(?![a-z])';
// Spelled-out ages ("sixty-seven-year-old") are rare; their pattern only runs where a number word is
// followed by a unit. Tested on the lower-cased text: a case-blind alternation scans several times slower.
const SPELLED =
  /(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|teen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]*(?:y|month|week|day)/;
const SPELLED_AGE = new RegExp(`\\b${AGE_WORDS}${YEARS_OLD}`, 'gi');

// Each pattern captures the age value in group 1; the span is the value only, as DetectPHI reports it.
// `hint`: a substring the pattern cannot match without; the pattern is skipped where it is absent.
const AGE_PATTERNS: { re: RegExp; score: number; hint?: string[] }[] = [
  { re: new RegExp(`\\b${AGE_NUMBER}${YEARS_OLD}`, 'gi'), score: 0.97 },
  { re: new RegExp(`\\b${AGE_NUMBER}[\\s-]*(?:month|week|day)s?[\\s-]+old\\b`, 'gi'), score: 0.9, hint: ['old'] },
  // "Age: 35y", "age 35 yrs": a unit may stick to the number.
  { re: /\b(?:aged?|age:|age\s+of)\s*[:=]?\s*(\d{1,3})(?:(?=(?:y|yo|yrs?)\b)|\b)/gi, score: 0.95, hint: ['age'] },
  {
    re: /\b(\d{1,3})\s*(?:yo\s*)?(?:m|f|male|female)(?=[\s,.;]|$)(?=[^\n]{0,40}\b(?:with|w\/|presents|presenting|admitted|adm|bib|s\/p|h\/o|hx|pmh|who|pt|patient|c\/o|from|via|transferred|brought)\b)/gi,
    score: 0.85,
  },
  {
    re: /\b(?:pt|patient|age\s*\/\s*sex|age\s*\/\s*gender|sex\s*\/\s*age)\s*:?\s*(\d{1,3})\s*(?:\/\s*)?(?:yo\s*)?(?:m|f|male|female)\b/gi,
    score: 0.9,
    hint: ['pt', 'patient', 'age', 'sex'],
  },
  { re: /\b(\d{1,3})\s*\/\s*(?:m|f|male|female)\b/gi, score: 0.8, hint: ['/'] },
  { re: /(?:^|\n)\s*(\d{1,3})\s*(?:yo)?\s*(?:M|F|m|f)\b/g, score: 0.8 },
  // "(he is 71)", "she is 71 and lives alone": a bare number after "he/she is" is an age unless a unit follows.
  {
    re: /\b(?:he|she)\s+is\s+(\d{1,3})(?=\s*(?:[),;.]|and\b|but\b|with\b|$))(?!\.\d)/gi,
    score: 0.8,
    hint: ['he is', 'she is'],
  },
  // DICOM's age string as burned into radiographs: "064Y", "37Y M" (years only: "5M" is also a count).
  { re: /\b0?(\d{1,3})Y(?=[ \t]*(?:[/|]?[ \t]*[MFOU]\b|\n|$))/g, score: 0.85 },
  // A decade is an age only when it is someone's ("in her late 80s"); "sats mid 90s" and "SBP 80s" are values.
  { re: /\b(?:his|her|their)[\s-]+(?:(?:late|early|mid)[\s-]+)?(\d0'?s)\b/gi, score: 0.85, hint: ['0s', "0's"] },
  {
    re: /\b(?:aged?|age:|pt|patient|man|woman|male|female|gentleman|lady)[\s-]+(?:in[\s-]+)?(?:the[\s-]+)?(?:late|early|mid)[\s-]+(\d0'?s)\b/gi,
    score: 0.8,
    hint: ['0s', "0's"],
  },
  { re: /\b(?:age|aged)\s+(\d{1,3})\s*(?:-|to)\s*\d{1,3}\b/gi, score: 0.85, hint: ['age'] },
  { re: /\b(\d{1,3})(?:st|nd|rd|th)\s+birthday\b/gi, score: 0.9, hint: ['birthday'] },
  // "Chen Wei (34) reports": a bare number in brackets right after a capitalised name.
  { re: /\b[A-Z][a-z]+\s+\((\d{1,3})\)(?=\s+(?:is|was|reports|presents|has|with|who|,))/g, score: 0.6, hint: ['('] },
];

export function recognizeAges(text: string, lower = text.toLowerCase()): Candidate[] {
  const out: Candidate[] = [];
  const patterns = SPELLED.test(lower) ? [...AGE_PATTERNS, { re: SPELLED_AGE, score: 0.97 }] : AGE_PATTERNS;
  for (const { re, score, hint } of patterns) {
    if (hint && !hint.some((h) => lower.includes(h))) continue;
    for (const m of text.matchAll(re)) {
      const value = m[1];
      if (!value) continue;
      const start = m.index + m[0].indexOf(value, m[0].startsWith('\n') ? 1 : 0);
      const years = Number(value);
      if (Number.isFinite(years) && years > 125) continue;
      out.push({
        start,
        end: start + value.length,
        type: 'AGE',
        score,
        // DetectPHI has no trait for it; HIPAA Safe Harbor singles out ages over 89.
        ...(years > 89 ? { traits: [{ Name: 'AGE_OVER_89', Score: 1 }] } : {}),
      });
    }
  }
  return out;
}
