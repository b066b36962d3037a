import type { PhiType } from '../../src/core/PhiEntity.ts';

export { PHI_TYPES } from '../../src/core/PhiEntity.ts';
export type { PhiType };

/** One gold annotation: half-open UTF-16 offsets into `CorpusDoc.text`. */
export interface GoldSpan {
  start: number;
  end: number;
  type: PhiType;
}

/** One synthetic document, exactly as written to the JSONL corpus (one object per line). */
export interface CorpusDoc {
  id: string;
  style: string;
  text: string;
  spans: GoldSpan[];
}

/** Whole-note case transform a style may ask for (ICU nursing notes are often ALL CAPS or all lower case). */
export type CaseMode = 'none' | 'upper' | 'lower';
