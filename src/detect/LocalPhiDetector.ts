import type { PhiEntity } from '../core/PhiEntity.ts';
import type { DetectOptions, PhiDetector } from '../core/ports.ts';
import type { Candidate, SafeSpan } from './Candidate.ts';
import { loadLexicon, type Lexicon } from './Lexicon.ts';
import { type AddressLexicon, extendWithZip, recognizeAddresses } from './recognizers/recognizeAddresses.ts';
import { recognizeAges } from './recognizers/recognizeAges.ts';
import { recognizeCareUnits } from './recognizers/recognizeCareUnits.ts';
import { recognizeContacts } from './recognizers/recognizeContacts.ts';
import { recognizeDates } from './recognizers/recognizeDates.ts';
import { recognizeFormLines } from './recognizers/recognizeFormLines.ts';
import { recognizeIds } from './recognizers/recognizeIds.ts';
import { recognizeLocations } from './recognizers/recognizeLocations.ts';
import { recognizeLabelledNames } from './recognizers/recognizeLabelledNames.ts';
import { recognizeNames } from './recognizers/recognizeNames.ts';
import { recognizeNamesInPlace } from './recognizers/recognizeNamesInPlace.ts';
import { recognizePlaceSlots } from './recognizers/recognizePlaceSlots.ts';
import { recognizeProfessions } from './recognizers/recognizeProfessions.ts';
import { recognizeSafeSpans } from './recognizers/recognizeSafeSpans.ts';
import { propagateNames } from './propagateNames.ts';
import { resolveCandidates } from './resolveCandidates.ts';
import { tokenize } from './tokenize.ts';
import { RELATIONS } from './nameCues.ts';

export interface LocalPhiDetectorOptions {
  /** Minimum score when a call gives none (default 0: every candidate, each with its score). */
  minScore?: number;
  /** Word lists to use (default: the ones shipped in src/detect/data, loaded once per process). */
  lexicon?: Lexicon;
}

/**
 * The local PHI detector: pattern recognizers with validators for structured identifiers, word lists
 * and context rules for names, places and jobs, all offline. Returns Comprehend Medical's entity shape.
 *
 * @example
 * const detector = new LocalPhiDetector();
 * const entities = detector.detectSync('Pt Marla Quenby, 67 y/o, seen 03/14/2023.', { minScore: 0.5 });
 * // [{ Type: 'NAME', Text: 'Marla Quenby', ... }, { Type: 'AGE', Text: '67', ... }, { Type: 'DATE', ... }]
 */
export class LocalPhiDetector implements PhiDetector {
  readonly #minScore: number;
  readonly #lexicon: Lexicon;
  readonly #addressLexicon: AddressLexicon;
  /** Words a name's mention elsewhere must not be taken for alone: everyday, safe or clinical words. */
  readonly #isOrdinaryWord: (word: string) => boolean;

  constructor(options: LocalPhiDetectorOptions = {}) {
    this.#minScore = options.minScore ?? 0;
    this.#lexicon = options.lexicon ?? loadLexicon();
    const lexicon = this.#lexicon;
    this.#addressLexicon = {
      isCommonWord: (w) => lexicon.commonWords.has(w),
      isSafeWord: (w) => lexicon.safeWords.has(w),
      isClinicalWord: (w) => lexicon.clinicalWords.has(w),
      isPersonName: (w) => lexicon.personNames.has(w) || lexicon.firstNames.has(w) || lexicon.nameWords.has(w),
      isCity: (n) => lexicon.cities.has(n),
    };
    this.#isOrdinaryWord = (w) =>
      lexicon.commonWords.has(w) || lexicon.safeWords.has(w) || lexicon.clinicalWords.has(w);
  }

  async detect(text: string, options: DetectOptions = {}): Promise<PhiEntity[]> {
    return this.detectSync(text, options);
  }

  detectSync(text: string, options: DetectOptions = {}): PhiEntity[] {
    const minScore = options.minScore ?? this.#minScore;
    const types = options.types ? new Set(options.types) : undefined;
    const resolved = propagateNames(
      text,
      resolveCandidates(text, ...this.#propose(text, options.maskCareUnits === true)),
      this.#isOrdinaryWord,
    );
    const entities: PhiEntity[] = [];
    for (const c of resolved) {
      if (c.score < minScore || (types && !types.has(c.type))) continue;
      entities.push({
        Id: entities.length,
        BeginOffset: c.start,
        EndOffset: c.end,
        Score: round(c.score),
        Text: text.slice(c.start, c.end),
        Category: 'PROTECTED_HEALTH_INFORMATION',
        Type: c.type,
        Traits: c.traits ?? [],
      });
    }
    return entities;
  }

  #propose(text: string, maskCareUnits: boolean): [Candidate[], SafeSpan[]] {
    const lexicon = this.#lexicon;
    const tokens = tokenize(text);
    const safe = recognizeSafeSpans(text, tokens, lexicon);
    // One lower-cased copy for every recognizer's cheap "does this word occur at all" tests.
    const lower = text.toLowerCase();
    const candidates = [
      ...recognizeContacts(text, lower),
      ...recognizeIds(text, tokens, safe),
      ...recognizeDates(text, lower),
      ...recognizeAges(text, lower),
      ...recognizeAddresses(text, tokens, this.#addressLexicon, lower),
      ...recognizeLocations(text, tokens, lexicon),
      ...recognizePlaceSlots(text, tokens, lexicon),
      ...recognizeProfessions(text, tokens, (w) => RELATIONS.has(w)),
      ...recognizeNames(text, tokens, lexicon, safe),
      ...recognizeNamesInPlace(text, lexicon, lower),
      ...recognizeLabelledNames(text, lexicon),
      ...recognizeFormLines(text, lexicon),
      ...(maskCareUnits ? recognizeCareUnits(text) : []),
    ];
    extendWithZip(text, candidates);
    return [candidates, safe];
  }
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
