import { InMemoryJobStore } from '../../src/adapters/memory/InMemoryJobStore.ts';
import { InMemoryObjectStore } from '../../src/adapters/memory/InMemoryObjectStore.ts';
import { SharpImageRedactor } from '../../src/adapters/sharp/SharpImageRedactor.ts';
import type { OcrPage } from '../../src/core/Image.ts';
import type { JobUpdate } from '../../src/core/Job.ts';
import { DEFAULT_JOB_LIMITS, type JobServices, type Logger } from '../../src/core/JobServices.ts';
import { isGenericCareUnit } from '../../src/core/careUnits.ts';
import type { PhiEntity, PhiType } from '../../src/core/PhiEntity.ts';
import type { DetectOptions, PhiDetector } from '../../src/core/ports.ts';
import { LocalPhiDetector } from '../../src/detect/LocalPhiDetector.ts';

/** Job services on the in-memory adapters, with the real detector, recording what is published and logged. */
export function inMemoryJobServices(overrides: Partial<JobServices> = {}) {
  const published: JobUpdate[] = [];
  const enqueued: string[] = [];
  // The OCR port faked: tests set the page the "engine" reads.
  const ocr: { page: OcrPage } = { page: { width: 0, height: 0, words: [] } };
  const logLines: string[] = [];
  const logger: Logger = {
    info: (event, fields) => logLines.push(JSON.stringify({ event, ...fields })),
    warn: (event, fields) => logLines.push(JSON.stringify({ event, ...fields })),
    error: (event, fields) => logLines.push(JSON.stringify({ event, ...fields })),
  };
  let id = 0;
  // Near the real time: stores compare record expiry (TTL) with the wall clock.
  let clock = Date.now();
  const services: JobServices = {
    jobs: new InMemoryJobStore(),
    objects: new InMemoryObjectStore(),
    events: { publish: async (update) => void published.push(update) },
    detector: new LocalPhiDetector(),
    bucket: 'hdm-test',
    recordTtlSeconds: 30 * 86_400,
    // Each call a second later, so jobs sort by creation.
    now: () => new Date((clock += 1000)),
    newId: () => `job-${String(++id).padStart(4, '0')}`,
    logger,
    limits: DEFAULT_JOB_LIMITS,
    images: {
      extractor: { extract: async () => ocr.page },
      redactor: new SharpImageRedactor({ paddingPx: 0 }),
      urls: {
        uploadUrl: async (ref, { expiresInSeconds }) => ({
          url: `memory://${ref.bucket}/${ref.key}?put`,
          expiresAt: new Date(Date.now() + expiresInSeconds * 1000),
        }),
        downloadUrl: async (ref, seconds) => ({
          url: `memory://${ref.bucket}/${ref.key}`,
          expiresAt: new Date(Date.now() + seconds * 1000),
        }),
      },
      queue: { enqueue: async (jobId) => void enqueued.push(jobId) },
      outputBucket: 'hdm-test-output',
      fill: '#000000',
      paddingPx: 2,
      urlExpirySeconds: 300,
    },
    ...overrides,
  };
  return { services, published, logLines, enqueued, ocr };
}

/** A detector port that counts calls and can be made to fail, around the real one. */
export function countingDetector(fail = false): PhiDetector & { calls: number } {
  const real = new LocalPhiDetector();
  const detector = {
    calls: 0,
    async detect(text: string) {
      detector.calls++;
      if (fail) throw new Error(`detector crashed on ${text}`);
      return real.detect(text);
    },
  };
  return detector;
}

/**
 * A detector port in memory, for tests of what the jobs ask of a detector: it reports each term wherever
 * it occurs (score 0.9), generic care units among them only with `maskCareUnits` (the port's contract),
 * and records the options of every call.
 */
export function fakeDetector(
  terms: readonly { text: string; type: PhiType }[],
): PhiDetector & { calls: DetectOptions[] } {
  const calls: DetectOptions[] = [];
  return {
    calls,
    async detect(text: string, options: DetectOptions = {}) {
      calls.push(options);
      return terms
        .filter((term) => options.maskCareUnits === true || !isGenericCareUnit(term.text))
        .flatMap((term) => occurrencesOf(text, term.text).map((begin) => entityAt(text, begin, term)))
        .sort((a, b) => a.BeginOffset - b.BeginOffset)
        .map((entity, Id) => ({ ...entity, Id }));
    },
  };
}

function occurrencesOf(text: string, term: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) found.push(at);
  return found;
}

function entityAt(text: string, begin: number, term: { text: string; type: PhiType }): PhiEntity {
  const end = begin + term.text.length;
  return {
    Id: 0,
    BeginOffset: begin,
    EndOffset: end,
    Score: 0.9,
    Text: text.slice(begin, end),
    Category: 'PROTECTED_HEALTH_INFORMATION',
    Type: term.type,
    Traits: [],
  };
}
