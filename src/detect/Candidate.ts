import type { PhiTrait, PhiType } from '../core/PhiEntity.ts';

/** A span a recognizer proposes; the resolver turns the survivors into PhiEntity objects. */
export interface Candidate {
  start: number;
  end: number;
  type: PhiType;
  score: number;
  traits?: PhiTrait[];
}

/** A span that must stay unmasked (an eponym, a vital sign, a code); it removes weaker candidates under it. */
export interface SafeSpan {
  start: number;
  end: number;
}
