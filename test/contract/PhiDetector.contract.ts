import { describe, expect, it } from 'vitest';
import { PHI_TYPES, type PhiEntity, type PhiType } from '../../src/core/PhiEntity.ts';
import type { DetectOptions, PhiDetector } from '../../src/core/ports.ts';

/** Makes a detector for one test. */
export type PhiDetectorFactory = () => PhiDetector | Promise<PhiDetector>;

/**
 * The notes every detector reads (synthetic PHI only). Exported because a runner over a service answers
 * them from recorded responses.
 */
export const CONTRACT_NOTES = {
  visit: 'Pt Marla Quenby, 67 y/o, seen 03/14/2023 for chest pain. Call her daughter at 617-555-0143.',
  // Astral characters before the PHI: a JavaScript offset and a code point offset differ after each.
  astral: '📋 Patient: Ivo Brankovich 📞 617-555-0199, email ivo.b@example.org',
  places: 'Retired machinist from Springfield, visiting family in Ohio.',
  careUnit: 'Transferred to the MICU overnight for closer monitoring.',
  noPhi: 'Lungs clear to auscultation. Continue current plan.',
} as const;

type NoteName = keyof typeof CONTRACT_NOTES;

/** What any detector must find in each note at minScore 0.5: type and exact text. */
const EXPECTED: Record<NoteName, [PhiType, string][]> = {
  visit: [
    ['NAME', 'Marla Quenby'],
    ['AGE', '67'],
    ['DATE', '03/14/2023'],
    ['PHONE_OR_FAX', '617-555-0143'],
  ],
  astral: [
    ['NAME', 'Ivo Brankovich'],
    ['PHONE_OR_FAX', '617-555-0199'],
    ['EMAIL', 'ivo.b@example.org'],
  ],
  places: [
    ['PROFESSION', 'machinist'],
    ['ADDRESS', 'Springfield'],
  ],
  careUnit: [],
  noPhi: [],
};

const NOTES = Object.entries(CONTRACT_NOTES) as [NoteName, string][];

/** An entity without its Id, which only numbers a result. */
const withoutId = ({ Id: _id, ...rest }: PhiEntity) => rest;

/** The PhiDetector contract (src/core/ports.ts): every adapter must pass all of it. */
export function describePhiDetectorContract(name: string, factory: PhiDetectorFactory): void {
  describe(`PhiDetector contract: ${name}`, () => {
    it.each(NOTES)('finds the PHI of the %s note with its type and exact text', async (note, text) => {
      const found = await (await factory()).detect(text, { minScore: 0.5 });
      const pairs = found.map((e) => [e.Type, e.Text]);
      for (const expected of EXPECTED[note]) expect(pairs).toContainEqual(expected);
      if (EXPECTED[note].length === 0) expect(found).toEqual([]);
    });

    it("returns DetectPHI's entity shape: a PHI type, a score from 0 to 1, Text at the offsets, Ids 0..n-1 in offset order", async () => {
      const detector = await factory();
      for (const [, text] of NOTES) {
        const found = await detector.detect(text, { minScore: 0 });
        expect(found.map((e) => e.Id)).toEqual(found.map((_, i) => i));
        expect(found.map((e) => e.BeginOffset)).toEqual(found.map((e) => e.BeginOffset).sort((a, b) => a - b));
        for (const e of found) {
          expect(e.Category).toBe('PROTECTED_HEALTH_INFORMATION');
          expect(PHI_TYPES).toContain(e.Type);
          expect(e.Score).toBeGreaterThanOrEqual(0);
          expect(e.Score).toBeLessThanOrEqual(1);
          expect(e.BeginOffset).toBeLessThan(e.EndOffset);
          expect(text.slice(e.BeginOffset, e.EndOffset)).toBe(e.Text);
          for (const trait of e.Traits) expect(trait).toEqual({ Name: expect.any(String), Score: expect.any(Number) });
        }
      }
    });

    it('counts offsets in UTF-16 code units, as JavaScript strings do, past astral characters', async () => {
      const text = CONTRACT_NOTES.astral;
      const found = await (await factory()).detect(text, { minScore: 0.5 });
      const name = found.find((e) => e.Type === 'NAME');
      expect(name).toMatchObject({
        BeginOffset: text.indexOf('Ivo Brankovich'),
        EndOffset: text.indexOf('Ivo Brankovich') + 14,
      });
      const email = found.find((e) => e.Type === 'EMAIL');
      expect(email?.BeginOffset).toBe(text.indexOf('ivo.b@example.org'));
    });

    it('drops exactly the entities scored under minScore; without it, reports every candidate', async () => {
      const detector = await factory();
      let dropped = 0;
      let kept = 0;
      for (const [, text] of NOTES) {
        const all = await detector.detect(text, { minScore: 0 });
        expect((await detector.detect(text)).map(withoutId)).toEqual(all.map(withoutId));
        for (const minScore of [0.3, 0.5, 0.8, 0.95]) {
          const above = all.filter((e) => e.Score >= minScore);
          expect((await detector.detect(text, { minScore })).map(withoutId)).toEqual(above.map(withoutId));
          dropped += all.length - above.length;
          kept += above.length;
        }
      }
      // The notes hold entities on both sides of the thresholds, so the comparison above can fail.
      expect(dropped).toBeGreaterThan(0);
      expect(kept).toBeGreaterThan(0);
    });

    it('reports only the types asked for, and nothing for an empty list', async () => {
      const detector = await factory();
      const text = CONTRACT_NOTES.visit;
      const all = await detector.detect(text, { minScore: 0.5 });
      const types: PhiType[] = ['NAME', 'DATE'];
      const some = await detector.detect(text, { minScore: 0.5, types });
      expect(some.map(withoutId)).toEqual(all.filter((e) => types.includes(e.Type)).map(withoutId));
      expect(some.map((e) => e.Type).sort()).toEqual(['DATE', 'NAME']);
      expect(await detector.detect(text, { types: [] })).toEqual([]);
    });

    it('leaves a generic care unit alone unless maskCareUnits is set, then reports it as ADDRESS', async () => {
      const detector = await factory();
      const text = CONTRACT_NOTES.careUnit;
      const unit = { BeginOffset: text.indexOf('MICU'), EndOffset: text.indexOf('MICU') + 4 };
      const plain = await detector.detect(text, { minScore: 0 });
      expect(
        plain.filter((e) => e.Type === 'ADDRESS' && e.BeginOffset < unit.EndOffset && e.EndOffset > unit.BeginOffset),
      ).toEqual([]);
      const masked = await detector.detect(text, { minScore: 0.5, maskCareUnits: true });
      expect(masked).toContainEqual(expect.objectContaining({ Type: 'ADDRESS', Text: 'MICU', ...unit }));
    });

    it('finds nothing in an empty or blank text', async () => {
      const detector = await factory();
      for (const text of ['', ' ', '\n\t \n']) expect(await detector.detect(text, { minScore: 0 })).toEqual([]);
    });

    it('answers calls made at the same time as it answers them one at a time', async () => {
      const detector = await factory();
      const options: DetectOptions = { minScore: 0 };
      const oneByOne: PhiEntity[][] = [];
      for (const [, text] of NOTES) oneByOne.push(await detector.detect(text, options));
      expect(await Promise.all(NOTES.map(([, text]) => detector.detect(text, options)))).toEqual(oneByOne);
    });
  });
}
