import { FullJitterBackoff } from './FullJitterBackoff.ts';
import { ComprehendMedicalClient, DetectPHICommand, type Entity } from '@aws-sdk/client-comprehendmedical';
import { isGenericCareUnit } from '../../core/careUnits.ts';
import { isPhiType, type PhiEntity } from '../../core/PhiEntity.ts';
import type { DetectOptions, PhiDetector } from '../../core/ports.ts';
import { codePointOffsets } from './codePointOffsets.ts';
import { splitForDetectPhi, type TextChunk } from './splitForDetectPhi.ts';
import { RETRYABLE_COMPREHEND_ERRORS, wrapComprehendMedicalError } from './wrapComprehendMedicalError.ts';

export interface ComprehendMedicalRetryOptions {
  /** Attempts per chunk, the first included (default 5). */
  maxAttempts?: number;
  /** Backoff before retry n (1-based) is random in [0, min(maxDelayMs, baseDelayMs·2^(n-1))) ("full jitter"; defaults 100 and 5,000 ms). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Injectable waiting and randomness, so tests check the backoff without waiting for it. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface ComprehendMedicalDetectorOptions {
  client?: ComprehendMedicalClient;
  region?: string;
  /**
   * Most UTF-8 bytes per DetectPHI call (default 19,000). The API takes "fewer than 20,000 bytes";
   * the margin keeps us clear of any difference in how the service counts.
   */
  maxBytes?: number;
  /** Characters repeated between neighbouring chunks (default 200; capped at maxBytes / 16). */
  overlapChars?: number;
  /** DetectPHI calls in flight for one detect() (default 4; the account quota is 100 TPS). */
  concurrency?: number;
  retry?: ComprehendMedicalRetryOptions;
}

/**
 * The PhiDetector port on Amazon Comprehend Medical DetectPHI. Long texts are split below the size
 * limit (see splitForDetectPhi) with overlapping chunks, sent with bounded concurrency, and the
 * entities mapped back to offsets in the whole text and merged where chunks overlap.
 *
 * @example
 * const detector = new ComprehendMedicalDetector({ region: 'us-east-1' });
 * const entities = await detector.detect(note, { minScore: 0.5 });
 */
export class ComprehendMedicalDetector implements PhiDetector {
  readonly client: ComprehendMedicalClient;
  readonly #maxBytes: number;
  readonly #overlapChars: number;
  readonly #concurrency: number;
  readonly #backoff: FullJitterBackoff;

  constructor(options: ComprehendMedicalDetectorOptions = {}) {
    // One attempt per SDK call: this adapter retries throttling itself, with jitter, and the SDK's own
    // retries under it would multiply the calls one chunk can make within AppSync's 30 s.
    this.client =
      options.client ??
      new ComprehendMedicalClient({ ...(options.region ? { region: options.region } : {}), maxAttempts: 1 });
    this.#maxBytes = options.maxBytes ?? 19_000;
    if (!Number.isInteger(this.#maxBytes) || this.#maxBytes < 64 || this.#maxBytes >= 20_000)
      throw new RangeError('maxBytes must be an integer from 64 to 19,999');
    this.#overlapChars = Math.max(0, options.overlapChars ?? 200);
    this.#concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
    this.#backoff = new FullJitterBackoff(options.retry ?? {}, { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 5_000 });
  }

  async detect(text: string, options: DetectOptions = {}): Promise<PhiEntity[]> {
    if (options.types?.length === 0) return [];
    const chunks = splitForDetectPhi(text, { maxBytes: this.#maxBytes, overlapChars: this.#overlapChars })
      // DetectPHI needs at least one character, and blank chunks cannot hold PHI: no call, no charge.
      .filter((chunk) => chunk.text.trim().length > 0);
    const perChunk = await mapBounded(chunks, this.#concurrency, (chunk) => this.#detectChunk(chunk));
    const minScore = options.minScore ?? 0;
    const types = options.types ? new Set<string>(options.types) : undefined;
    return mergeOverlapDuplicates(
      perChunk.flat().map((e) => toWholeText(e, text)),
      text,
    )
      .filter((e) => e.Score >= minScore && (types === undefined || types.has(e.Type)))
      .filter((e) => options.maskCareUnits === true || !isCareUnitAddress(e))
      .map((e, i) => ({ ...e, Id: i }));
  }

  /** One chunk's entities, with offsets already in the whole text (UTF-16). */
  async #detectChunk(chunk: TextChunk): Promise<Located[]> {
    const entities = await this.#send(chunk.text);
    const toUtf16 = codePointOffsets(chunk.text);
    const located: Located[] = [];
    for (const entity of entities) {
      const span = chunkSpan(entity, chunk.text, toUtf16);
      if (span === undefined || entity.Type === undefined || !isPhiType(entity.Type)) continue; // older enum values (CONTACT_POINT…) are not PHI types of ours
      located.push({
        begin: chunk.start + span.begin,
        end: chunk.start + span.end,
        type: entity.Type,
        score: entity.Score ?? 0,
        traits: entity.Traits ?? [],
      });
    }
    return located;
  }

  async #send(text: string): Promise<Entity[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await this.client.send(new DetectPHICommand({ Text: text }));
        return response.Entities ?? [];
      } catch (error) {
        const name = error instanceof Error ? error.name : '';
        if (!RETRYABLE_COMPREHEND_ERRORS.has(name) || attempt >= this.#backoff.maxAttempts)
          throw wrapComprehendMedicalError(error);
        await this.#backoff.wait(attempt);
      }
    }
  }
}

interface Located {
  begin: number;
  end: number;
  type: PhiEntity['Type'];
  score: number;
  traits: NonNullable<Entity['Traits']>;
}

/**
 * The entity's span in the chunk, in UTF-16 units. Offsets are read as code points, as documented;
 * when that reading does not reproduce the entity's Text but reading them as UTF-16 units does, the
 * latter is used (a guard against the documentation and the service disagreeing; on text without
 * astral characters both readings are the same). Spans outside the chunk are dropped.
 */
function chunkSpan(
  entity: Entity,
  chunk: string,
  toUtf16: (codePoint: number) => number | undefined,
): { begin: number; end: number } | undefined {
  const { BeginOffset: b, EndOffset: e } = entity;
  if (b === undefined || e === undefined || !(b < e)) return undefined;
  const begin = toUtf16(b);
  const end = toUtf16(e);
  const asCodePoints = begin !== undefined && end !== undefined ? { begin, end } : undefined;
  if (
    entity.Text !== undefined &&
    (asCodePoints === undefined || chunk.slice(asCodePoints.begin, asCodePoints.end) !== entity.Text) &&
    chunk.slice(b, e) === entity.Text
  ) {
    return { begin: b, end: e };
  }
  return asCodePoints;
}

/**
 * DetectPHI's ADDRESS includes units and wards within a facility ("MICU", "the ED"); they are kept unless
 * the caller sets `maskCareUnits`, as the local detector does. Judged on the merged span, so an address
 * that only contains a unit ("MICU, 55 Fruit St") is not one.
 */
function isCareUnitAddress(entity: PhiEntity): boolean {
  return entity.Type === 'ADDRESS' && isGenericCareUnit(entity.Text);
}

function toWholeText(e: Located, text: string): PhiEntity {
  return {
    Id: 0,
    BeginOffset: e.begin,
    EndOffset: e.end,
    Score: e.score,
    Text: text.slice(e.begin, e.end),
    Category: 'PROTECTED_HEALTH_INFORMATION',
    Type: e.type,
    Traits: e.traits.map((t) => ({ Name: t.Name ?? '', Score: t.Score ?? 0 })),
  };
}

/**
 * Where chunks overlap, the same entity comes back twice, or cut short by a chunk edge in one of
 * them. Entities of the same type with overlapping spans are one, covering the union of the spans (two
 * partial views of one name must not leave its middle unmasked), with the wider one's traits and the
 * higher score. Entities of different types stay (masking merges spans anyway).
 */
function mergeOverlapDuplicates(entities: PhiEntity[], text: string): PhiEntity[] {
  const sorted = [...entities].sort((a, b) => a.BeginOffset - b.BeginOffset || b.EndOffset - a.EndOffset);
  const kept: PhiEntity[] = [];
  // Kept entities of one type are disjoint and in order, so a newcomer can only overlap the last one.
  const lastOfType = new Map<string, number>();
  for (const entity of sorted) {
    const index = lastOfType.get(entity.Type);
    const last = index === undefined ? undefined : kept[index];
    if (index !== undefined && last !== undefined && entity.BeginOffset < last.EndOffset) {
      const wider = entity.EndOffset - entity.BeginOffset > last.EndOffset - last.BeginOffset ? entity : last;
      const BeginOffset = Math.min(last.BeginOffset, entity.BeginOffset);
      const EndOffset = Math.max(last.EndOffset, entity.EndOffset);
      kept[index] = {
        ...wider,
        BeginOffset,
        EndOffset,
        Text: text.slice(BeginOffset, EndOffset),
        Score: Math.max(last.Score, entity.Score),
      };
      continue;
    }
    lastOfType.set(entity.Type, kept.length);
    kept.push(entity);
  }
  return kept.sort((a, b) => a.BeginOffset - b.BeginOffset || a.EndOffset - b.EndOffset);
}

/** `fn` over `items` with at most `limit` calls pending; results in input order; the first failure rejects. */
async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T);
      } catch (error) {
        failed = true; // no new calls once one chunk has failed: the whole detect fails anyway
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
