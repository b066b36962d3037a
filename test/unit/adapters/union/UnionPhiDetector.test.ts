import { describe, expect, it } from 'vitest';
import { UnionPhiDetector } from '../../../../src/adapters/union/UnionPhiDetector.ts';
import { HdmError } from '../../../../src/core/errors.ts';
import type { PhiEntity, PhiType } from '../../../../src/core/PhiEntity.ts';
import type { DetectOptions, PhiDetector } from '../../../../src/core/ports.ts';

/** An in-memory detector that reports fixed findings (by substring) and honours minScore/types like the real ones. */
class FakeDetector implements PhiDetector {
  readonly calls: DetectOptions[] = [];
  constructor(
    private readonly findings: { text: string; type: PhiType; score: number; traits?: PhiEntity['Traits'] }[],
  ) {}
  async detect(text: string, options: DetectOptions = {}): Promise<PhiEntity[]> {
    this.calls.push(options);
    return this.findings
      .filter(
        (f) =>
          text.includes(f.text) &&
          f.score >= (options.minScore ?? 0) &&
          (!options.types || options.types.includes(f.type)),
      )
      .map((f, i) => {
        const begin = text.indexOf(f.text);
        return {
          Id: i,
          BeginOffset: begin,
          EndOffset: begin + f.text.length,
          Score: f.score,
          Text: f.text,
          Category: 'PROTECTED_HEALTH_INFORMATION',
          Type: f.type,
          Traits: f.traits ?? [],
        };
      });
  }
}

const TEXT = 'Pt Marla Quenby Jr, 67, of 12 Elm Street Springfield, seen 03/14/2023 by a welder.';

describe('UnionPhiDetector', () => {
  it('merges overlapping same-type entities into their union span with the highest score', async () => {
    const a = new FakeDetector([
      { text: 'Marla Quenby', type: 'NAME', score: 0.6 },
      { text: '12 Elm Street', type: 'ADDRESS', score: 0.9 },
    ]);
    const b = new FakeDetector([
      { text: 'Quenby Jr', type: 'NAME', score: 0.95, traits: [{ Name: 'X', Score: 0.4 }] },
      { text: 'Street Springfield', type: 'ADDRESS', score: 0.5 },
    ]);
    const entities = await new UnionPhiDetector({ detectors: [a, b] }).detect(TEXT);
    expect(entities.map((e) => [e.Id, e.Type, e.Text, e.Score])).toEqual([
      [0, 'NAME', 'Marla Quenby Jr', 0.95],
      [1, 'ADDRESS', '12 Elm Street Springfield', 0.9],
    ]);
    expect(entities[0]?.Traits).toEqual([{ Name: 'X', Score: 0.4 }]);
    for (const e of entities) expect(TEXT.slice(e.BeginOffset, e.EndOffset)).toBe(e.Text);
  });

  it('keeps overlapping entities of different types and findings only one detector made, sorted by offset', async () => {
    const a = new FakeDetector([
      { text: '03/14/2023', type: 'DATE', score: 0.9 },
      { text: 'Springfield', type: 'ADDRESS', score: 0.7 },
    ]);
    const b = new FakeDetector([
      { text: 'welder', type: 'PROFESSION', score: 0.8 },
      { text: 'Springfield', type: 'NAME', score: 0.3 },
      { text: '67', type: 'AGE', score: 0.99 },
    ]);
    const entities = await new UnionPhiDetector({ detectors: [a, b] }).detect(TEXT);
    expect(entities.map((e) => [e.Id, e.Type, e.Text])).toEqual([
      [0, 'AGE', '67'],
      [1, 'ADDRESS', 'Springfield'],
      [2, 'NAME', 'Springfield'],
      [3, 'DATE', '03/14/2023'],
      [4, 'PROFESSION', 'welder'],
    ]);
  });

  it('reports an entity both detectors found once', async () => {
    const a = new FakeDetector([{ text: 'Marla Quenby', type: 'NAME', score: 0.8 }]);
    const b = new FakeDetector([{ text: 'Marla Quenby', type: 'NAME', score: 0.9 }]);
    const entities = await new UnionPhiDetector({ detectors: [a, b] }).detect(TEXT);
    expect(entities.map((e) => [e.Text, e.Score])).toEqual([['Marla Quenby', 0.9]]);
  });

  it('does not merge same-type entities that only touch', async () => {
    const text = 'MarlaQuenby';
    const a = new FakeDetector([{ text: 'Marla', type: 'NAME', score: 0.8 }]);
    const b = new FakeDetector([{ text: 'Quenby', type: 'NAME', score: 0.9 }]);
    expect((await new UnionPhiDetector({ detectors: [a, b] }).detect(text)).map((e) => e.Text)).toEqual([
      'Marla',
      'Quenby',
    ]);
  });

  it('passes the options to every detector and runs them in parallel', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const started: string[] = [];
    const slow: PhiDetector = {
      detect: async () => {
        started.push('slow');
        await gate;
        return [];
      },
    };
    const fast = new FakeDetector([
      { text: 'welder', type: 'PROFESSION', score: 0.8 },
      { text: '67', type: 'AGE', score: 0.4 },
    ]);
    const pending = new UnionPhiDetector({ detectors: [slow, fast] }).detect(TEXT, {
      minScore: 0.5,
      types: ['PROFESSION', 'AGE'],
      maskCareUnits: true,
    });
    await Promise.resolve();
    expect(started).toEqual(['slow']);
    expect(fast.calls).toEqual([{ minScore: 0.5, types: ['PROFESSION', 'AGE'], maskCareUnits: true }]); // called while the first is still pending
    release();
    expect((await pending).map((e) => e.Text)).toEqual(['welder']);
  });

  it('fails when any detector fails, and needs at least one detector', async () => {
    const failing: PhiDetector = {
      detect: async () => {
        throw new HdmError('THROTTLED', 'retry later');
      },
    };
    await expect(
      new UnionPhiDetector({ detectors: [new FakeDetector([]), failing] }).detect(TEXT),
    ).rejects.toMatchObject({ code: 'THROTTLED' });
    expect(() => new UnionPhiDetector({ detectors: [] })).toThrow(RangeError);
  });

  it('does not change the entities the detectors returned', async () => {
    const returned: PhiEntity[] = [
      {
        Id: 0,
        BeginOffset: 3,
        EndOffset: 8,
        Score: 0.5,
        Text: 'Marla',
        Category: 'PROTECTED_HEALTH_INFORMATION',
        Type: 'NAME',
        Traits: [],
      },
      {
        Id: 1,
        BeginOffset: 3,
        EndOffset: 15,
        Score: 0.9,
        Text: 'Marla Quenby',
        Category: 'PROTECTED_HEALTH_INFORMATION',
        Type: 'NAME',
        Traits: [],
      },
    ];
    const snapshot = structuredClone(returned);
    const detector: PhiDetector = { detect: async () => returned };
    expect((await new UnionPhiDetector({ detectors: [detector] }).detect(TEXT)).map((e) => e.Text)).toEqual([
      'Marla Quenby',
    ]);
    expect(returned).toEqual(snapshot);
  });
});
