// ICU nursing shorthand that is not PHI, written for this corpus (not taken from the detector): drips with
// rates, vent settings, labs, ratios, ranges, ordinals, times, and words that look like dates or names but
// are not ("sat 94", "may need", "see MAR", "dec u/o", "cont to mon", "HD Tues/Thurs/Sat" (a schedule),
// "will cont", "bp rose", "art line", "frank blood").
import type { Rng } from '../corpus/random.ts';
import { CV, GI, GU, HEME, ID, NEURO, RESP } from './organSystemPhrases.ts';
import { CHARTING, FAMILY, LINES, SKIN } from './nursingCarePhrases.ts';
import type { Phrase } from './shorthandPhrase.ts';

export { clock } from './shorthandPhrase.ts';

export const SYSTEMS = {
  Neuro: NEURO,
  CV,
  Resp: RESP,
  GI,
  GU,
  ID,
  Heme: HEME,
  Skin: SKIN,
  Lines: LINES,
  Social: FAMILY,
} as const;
export type SystemName = keyof typeof SYSTEMS;
export const SYSTEM_NAMES = Object.keys(SYSTEMS) as SystemName[];
export const CHARTING_PHRASES = CHARTING;

/** `n` distinct phrases of a system, rendered. */
export function phrases(rng: Rng, system: readonly Phrase[], n: number): string[] {
  return rng.sample(system, n).map((p) => p(rng));
}
