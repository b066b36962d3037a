import type { PhiType } from '../../src/core/PhiEntity.ts';
import { LocalPhiDetector } from '../../src/detect/LocalPhiDetector.ts';

export const detector = new LocalPhiDetector();

/** The [text, type] pairs the detector reports at the default threshold. */
export function found(text: string, minScore = 0.5): [string, PhiType][] {
  return detector.detectSync(text, { minScore }).map((e) => [e.Text, e.Type]);
}

/** The detected texts only, whatever their type. */
export function foundTexts(text: string, minScore = 0.5): string[] {
  return found(text, minScore).map(([t]) => t);
}

/** True when some detected span covers every character of `phrase` (first occurrence). */
export function covers(text: string, phrase: string, minScore = 0.5): boolean {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`test bug: phrase not in text`);
  const end = start + phrase.length;
  const spans = detector.detectSync(text, { minScore });
  for (let i = start; i < end; i++) {
    if (/\s/.test(text[i] ?? '')) continue;
    if (!spans.some((s) => s.BeginOffset <= i && i < s.EndOffset)) return false;
  }
  return true;
}

/** True when no detected span overlaps `phrase` (first occurrence). */
export function untouched(text: string, phrase: string, minScore = 0.5): boolean {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`test bug: phrase not in text`);
  const end = start + phrase.length;
  return !detector.detectSync(text, { minScore }).some((s) => s.BeginOffset < end && start < s.EndOffset);
}
