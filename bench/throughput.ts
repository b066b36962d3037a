// Throughput measurement for `npm run bench`. Detection is synchronous JavaScript, so a single
// loop on the main thread measures exactly one core.
import type { SyncDetector } from './detectAll.ts';

export interface Throughput {
  docs: number;
  charsPerPass: number;
  bytesPerPass: number;
  passes: number;
  seconds: number;
  mbPerSec: number;
  charsPerSec: number;
  msPerDoc: number;
  entitiesPerPass: number;
  /** CPU seconds (user + system) the passes took: on a shared VM, wall time also counts time the core was taken away. */
  cpuSeconds: number;
  mbPerCpuSec: number;
}

/** Concatenate texts (cycling through them if needed) into `count` docs of at least `targetChars` each. */
export function joinDocs(texts: readonly string[], targetChars: number, count: number, separator = '\n\n'): string[] {
  if (!texts.length) return [];
  const out: string[] = [];
  let k = 0;
  for (let d = 0; d < count; d++) {
    const parts: string[] = [];
    let len = 0;
    while (len < targetChars) {
      const t = texts[k++ % texts.length]!;
      parts.push(t);
      len += t.length + separator.length;
    }
    out.push(parts.join(separator));
  }
  return out;
}

function pass(detector: SyncDetector, texts: readonly string[], minScore: number): number {
  let entities = 0;
  for (const t of texts) entities += detector.detectSync(t, { minScore }).length;
  return entities;
}

/**
 * One untimed warm-up pass (lets V8 optimise the hot paths), then whole timed passes until
 * `minTimeMs` has elapsed, so short and long cases get comparable statistical weight.
 */
export function throughput(
  detector: SyncDetector,
  texts: readonly string[],
  opts: { minTimeMs: number; minScore: number },
): Throughput {
  const entitiesPerPass = pass(detector, texts, opts.minScore);
  const charsPerPass = texts.reduce((n, t) => n + t.length, 0);
  const bytesPerPass = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  let passes = 0;
  let ms = 0;
  const cpu0 = process.cpuUsage();
  do {
    const t0 = performance.now();
    pass(detector, texts, opts.minScore);
    ms += performance.now() - t0;
    passes++;
  } while (ms < opts.minTimeMs);
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const seconds = ms / 1000;
  return {
    docs: texts.length,
    charsPerPass,
    bytesPerPass,
    passes,
    seconds,
    entitiesPerPass,
    mbPerSec: (bytesPerPass * passes) / 1e6 / seconds,
    cpuSeconds,
    mbPerCpuSec: (bytesPerPass * passes) / 1e6 / cpuSeconds,
    charsPerSec: (charsPerPass * passes) / seconds,
    msPerDoc: ms / (passes * texts.length),
  };
}
