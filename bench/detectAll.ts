// Runs a synchronous detector over a corpus and keeps its spans in the prediction format.
import type { PhiEntity } from '../src/core/PhiEntity.ts';
import type { PredSpan } from './score.ts';

/** What the bench tools need from LocalPhiDetector (structural, so tests can pass a stub). */
export interface SyncDetector {
  detectSync(text: string, options?: { minScore?: number }): PhiEntity[];
}

export interface Detection {
  byId: Map<string, PredSpan[]>;
  ms: number;
  chars: number;
}

export function detectAll(
  detector: SyncDetector,
  docs: ReadonlyArray<{ id: string; text: string }>,
  minScore: number,
): Detection {
  const byId = new Map<string, PredSpan[]>();
  let chars = 0;
  const t0 = performance.now();
  for (const d of docs) {
    const found = detector.detectSync(d.text, { minScore });
    byId.set(
      d.id,
      found.map((e) => ({ start: e.BeginOffset, end: e.EndOffset, type: e.Type })),
    );
    chars += d.text.length;
  }
  return { byId, ms: performance.now() - t0, chars };
}
