import type { PhiEntity, PhiType } from './PhiEntity.ts';

/** Options every PhiDetector honours. */
export interface DetectOptions {
  /** Drop entities scored below this (default: keep every candidate the detector reports). */
  minScore?: number;
  /** Only these types (default: all nine). */
  types?: readonly PhiType[];
}

/** Finds PHI in text. Adapters: the local detector, Comprehend Medical, and a union of both. */
export interface PhiDetector {
  detect(text: string, options?: DetectOptions): Promise<PhiEntity[]>;
}
