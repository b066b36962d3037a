import type { PhiEntity } from '../../core/PhiEntity.ts';
import type { DetectOptions, PhiDetector } from '../../core/ports.ts';

export interface UnionPhiDetectorOptions {
  /** Detectors to run on every text (at least one), e.g. Comprehend Medical and the local detector. */
  detectors: readonly PhiDetector[];
}

/**
 * Runs several detectors in parallel and returns the union of what they find, for recall: a span any
 * detector flags is reported. Entities of the same type that overlap become one entity
 * over the union of their spans, with the highest score and the traits of all members (deduplicated
 * by name, highest score kept); entities of different types stay separate even when they overlap (the
 * masking step merges spans anyway, and the types are information). Ids are renumbered in offset order.
 * If any detector fails, detect() fails: a union that silently lost a member would lose recall.
 *
 * @example
 * const detector = new UnionPhiDetector({ detectors: [new ComprehendMedicalDetector(), new LocalPhiDetector()] });
 */
export class UnionPhiDetector implements PhiDetector {
  readonly #detectors: readonly PhiDetector[];

  constructor(options: UnionPhiDetectorOptions) {
    if (options.detectors.length === 0) throw new RangeError('UnionPhiDetector needs at least one detector');
    this.#detectors = [...options.detectors];
  }

  async detect(text: string, options: DetectOptions = {}): Promise<PhiEntity[]> {
    // Each detector applies the options itself (minScore, types, maskCareUnits); a merged entity's score is a member's, so it still passes.
    const results = await Promise.all(this.#detectors.map((d) => d.detect(text, options)));
    return unionOfEntities(results.flat(), text).map((e, i) => ({ ...e, Id: i }));
  }
}

/** Same-type entities that overlap (share a character), merged into their union span; sorted by offset. */
export function unionOfEntities(entities: readonly PhiEntity[], text: string): PhiEntity[] {
  const sorted = [...entities].sort((a, b) => a.BeginOffset - b.BeginOffset || a.EndOffset - b.EndOffset);
  const merged: PhiEntity[] = [];
  const openOfType = new Map<string, PhiEntity>();
  for (const entity of sorted) {
    const open = openOfType.get(entity.Type);
    if (open !== undefined && entity.BeginOffset < open.EndOffset) {
      open.EndOffset = Math.max(open.EndOffset, entity.EndOffset);
      open.Score = Math.max(open.Score, entity.Score);
      open.Traits = mergeTraits(open.Traits, entity.Traits);
      continue;
    }
    const copy: PhiEntity = { ...entity, Traits: [...entity.Traits] };
    openOfType.set(entity.Type, copy);
    merged.push(copy);
  }
  for (const e of merged) e.Text = text.slice(e.BeginOffset, e.EndOffset);
  return merged.sort((a, b) => a.BeginOffset - b.BeginOffset || a.EndOffset - b.EndOffset);
}

function mergeTraits(a: PhiEntity['Traits'], b: PhiEntity['Traits']): PhiEntity['Traits'] {
  const byName = new Map<string, PhiEntity['Traits'][number]>();
  for (const t of [...a, ...b]) {
    const seen = byName.get(t.Name);
    if (seen === undefined || t.Score > seen.Score) byName.set(t.Name, { ...t });
  }
  return [...byName.values()];
}
