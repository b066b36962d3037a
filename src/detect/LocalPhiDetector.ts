// Interim: the interface is fixed; the recognizers land next.
import type { DetectOptions, PhiDetector } from '../core/ports.ts';
import type { PhiEntity } from '../core/PhiEntity.ts';

export interface LocalPhiDetectorOptions {
  /** Default minimum score applied when a call gives none (default 0: report every candidate). */
  minScore?: number;
}

export class LocalPhiDetector implements PhiDetector {
  readonly #minScore: number;

  constructor(options: LocalPhiDetectorOptions = {}) {
    this.#minScore = options.minScore ?? 0;
  }

  async detect(text: string, options: DetectOptions = {}): Promise<PhiEntity[]> {
    return this.detectSync(text, options);
  }

  detectSync(text: string, options: DetectOptions = {}): PhiEntity[] {
    const minScore = options.minScore ?? this.#minScore;
    const out: PhiEntity[] = [];
    for (const m of text.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)) {
      out.push({ Id: out.length, BeginOffset: m.index, EndOffset: m.index + m[0].length, Score: 0.99, Text: m[0], Category: 'PROTECTED_HEALTH_INFORMATION', Type: 'EMAIL', Traits: [] });
    }
    return out.filter((e) => e.Score >= minScore && (!options.types || options.types.includes(e.Type)));
  }
}
