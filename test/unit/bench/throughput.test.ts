// The measurement helpers behind `npm run bench`, with a stub detector.
import { describe, expect, it } from 'vitest';
import { detectAll, type SyncDetector } from '../../../bench/detectAll.ts';
import { joinDocs, throughput } from '../../../bench/throughput.ts';
import type { PhiEntity } from '../../../src/core/PhiEntity.ts';

/** Reports every "é" as an ID with score 0.7, so minScore is visibly passed through. */
const stub: SyncDetector = {
  detectSync: (text, options = {}) =>
    [...text.matchAll(/é/g)]
      .map((m): PhiEntity => ({
        Id: 0,
        BeginOffset: m.index,
        EndOffset: m.index + 1,
        Score: 0.7,
        Text: 'é',
        Category: 'PROTECTED_HEALTH_INFORMATION',
        Type: 'ID',
        Traits: [],
      }))
      .filter((e) => e.Score >= (options.minScore ?? 0)),
};

describe('joinDocs', () => {
  it('cycles through the texts until each doc reaches the target size', () => {
    expect(joinDocs(['ab', 'cde'], 6, 2, '|')).toEqual(['ab|cde', 'ab|cde']);
    expect(joinDocs(['abc'], 7, 1, '|')).toEqual(['abc|abc']);
    expect(joinDocs([], 10, 3)).toEqual([]);
  });
});

describe('throughput', () => {
  it('counts UTF-8 bytes and chars per pass and repeats until the minimum time', () => {
    const r = throughput(stub, ['aé', 'xyz'], { minTimeMs: 5, minScore: 0.5 });
    expect(r).toMatchObject({ docs: 2, charsPerPass: 5, bytesPerPass: 6, entitiesPerPass: 1 });
    expect(r.seconds).toBeGreaterThanOrEqual(0.005);
    expect(r.charsPerSec).toBeCloseTo((5 * r.passes) / r.seconds, 6);
    expect(r.mbPerSec).toBeCloseTo((6 * r.passes) / 1e6 / r.seconds, 9);
  });
});

describe('detectAll', () => {
  it('keeps spans by doc id and applies minScore', () => {
    const docs = [
      { id: 'a', text: 'éé' },
      { id: 'b', text: 'none' },
    ];
    expect(detectAll(stub, docs, 0.5).byId).toEqual(
      new Map([
        [
          'a',
          [
            { start: 0, end: 1, type: 'ID' },
            { start: 1, end: 2, type: 'ID' },
          ],
        ],
        ['b', []],
      ]),
    );
    expect(detectAll(stub, docs, 0.9).byId.get('a')).toEqual([]);
  });
});
