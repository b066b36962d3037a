import { InvalidInputError } from '../../core/errors.ts';
import type { BoundingBox, Finding } from '../../core/Job.ts';
import type { PhiType } from '../../core/PhiEntity.ts';
import { assertItemFits } from './itemSize.ts';
import { withoutUndefined, type Item } from './jobItems.ts';
import type { IndexName } from './pageToken.ts';
import {
  chunkOf,
  findingChunkKey,
  findingChunkSortKey,
  findingChunkTypeSortKey,
  ownerFindingsByTypePk,
  ownerFindingsPk,
  type TableKey,
} from './tableDesign.ts';

/*
 * A job's findings are stored as chunk items, one per (job, type, seq range): the item holds the job-level
 * fields once and its findings as a compact list. Pure and SDK-free, shared with the in-memory adapter.
 */

/**
 * A finding inside a chunk item. Short member names on purpose: DynamoDB bills writes per KB and counts
 * member names, so `{s, c, b, e}` keeps ~30 findings in a KB where the model's names would fit ~18.
 */
export interface CompactFinding {
  /** seq */
  s: number;
  /** score */
  c: number;
  /** beginOffset */
  b?: number;
  /** endOffset */
  e?: number;
  /** boundingBox: left, top, width, height */
  x?: CompactBox;
  /** pixelBox, likewise */
  p?: CompactBox;
}

interface CompactBox {
  l: number;
  t: number;
  w: number;
  h: number;
}

/** The fields a job's findings share; each chunk item holds them once. */
export interface JobFindingFields {
  jobId: string;
  owner: string;
  createdAt: string;
  expiresAt: number;
}

/** What putFindings must do to one job's chunk items; `expectedRev` undefined means "must not exist yet". */
export type FindingWrite =
  { kind: 'put'; item: Item; expectedRev?: number } | { kind: 'delete'; key: TableKey; expectedRev: number };

export function toCompact(finding: Finding): CompactFinding {
  const compact: CompactFinding = { s: finding.seq, c: finding.score };
  if (finding.beginOffset !== undefined) compact.b = finding.beginOffset;
  if (finding.endOffset !== undefined) compact.e = finding.endOffset;
  if (finding.boundingBox) compact.x = toCompactBox(finding.boundingBox);
  if (finding.pixelBox) compact.p = toCompactBox(finding.pixelBox);
  return compact;
}

function toCompactBox(box: BoundingBox): CompactBox {
  return { l: box.left, t: box.top, w: box.width, h: box.height };
}

function fromCompactBox(box: CompactBox): BoundingBox {
  return { left: box.l, top: box.t, width: box.w, height: box.h };
}

/** The findings of a chunk item (fresh objects); an item without a findings list yields none. */
export function findingsOfChunk(item: Item): Finding[] {
  if (!Array.isArray(item.items)) return [];
  const { jobId, owner, type, createdAt, expiresAt } = item as unknown as JobFindingFields & { type: PhiType };
  return (item.items as CompactFinding[]).map((c) => {
    const finding: Finding = { id: `${jobId}:${c.s}`, jobId, owner, seq: c.s, type, score: c.c, createdAt, expiresAt };
    if (c.b !== undefined) finding.beginOffset = c.b;
    if (c.e !== undefined) finding.endOffset = c.e;
    if (c.x) finding.boundingBox = fromCompactBox(c.x);
    if (c.p) finding.pixelBox = fromCompactBox(c.p);
    return finding;
  });
}

/** One chunk item per (type, chunk) of a job's findings (unique seqs), each list in seq order, without `rev`. */
export function chunkItemsOf(job: JobFindingFields, findings: Iterable<Finding>): Item[] {
  const byChunk = new Map<string, { type: PhiType; chunk: number; findings: Finding[] }>();
  for (const finding of findings) {
    const chunk = chunkOf(finding.seq);
    const id = `${chunk}#${finding.type}`;
    const group = byChunk.get(id) ?? { type: finding.type, chunk, findings: [] };
    group.findings.push(finding);
    byChunk.set(id, group);
  }
  return [...byChunk.values()].map(({ type, chunk, findings: members }) => ({
    ...findingChunkKey(job.jobId, chunk, type),
    GSI1PK: ownerFindingsPk(job.owner),
    GSI1SK: findingChunkSortKey(job.createdAt, job.jobId, chunk, type),
    GSI2PK: ownerFindingsByTypePk(job.owner, type),
    GSI2SK: findingChunkTypeSortKey(job.createdAt, job.jobId, chunk),
    jobId: job.jobId,
    owner: job.owner,
    type,
    createdAt: job.createdAt,
    expiresAt: job.expiresAt,
    items: members.sort((a, b) => a.seq - b.seq).map((finding) => withoutUndefined(toCompact(finding))),
  }));
}

/**
 * Merges `findings` (one job's, validated) into the job's `existing` chunk items as a write of each
 * finding by seq would: a seq written again replaces the stored one (also across types), others stay.
 * Returns only the writes that change something, so repeating a call writes nothing. Each put carries
 * `rev` one above the item it replaces, for a conditional write against concurrent writers.
 * @throws InvalidInputError when the job's stored findings have another owner, createdAt or expiresAt;
 *   ItemTooLargeError when a chunk would not fit in an item.
 */
export function planFindingWrites(existing: readonly Item[], findings: readonly Finding[]): FindingWrite[] {
  const first = findings[0];
  if (!first) return [];
  const job: JobFindingFields = {
    jobId: first.jobId,
    owner: first.owner,
    createdAt: first.createdAt,
    expiresAt: first.expiresAt,
  };
  const stored = existing.filter((item) => Array.isArray(item.items));
  if (
    stored.some(
      (item) => item.owner !== job.owner || item.createdAt !== job.createdAt || item.expiresAt !== job.expiresAt,
    )
  ) {
    throw new InvalidInputError('findings of a job must keep its owner, createdAt and expiresAt');
  }
  const merged = new Map<number, Finding>();
  for (const finding of stored.flatMap(findingsOfChunk)) merged.set(finding.seq, finding);
  for (const finding of findings) merged.set(finding.seq, finding);
  const before = new Map(stored.map((item) => [item.SK as string, item]));
  const writes: FindingWrite[] = [];
  for (const item of chunkItemsOf(job, merged.values())) {
    assertItemFits({ ...item, rev: 0 });
    const old = before.get(item.SK as string);
    before.delete(item.SK as string);
    if (old && sameFindings(old, item)) continue;
    const rev = old ? revOf(old) : undefined;
    writes.push({ kind: 'put', item: { ...item, rev: (rev ?? 0) + 1 }, expectedRev: rev });
  }
  for (const old of before.values()) {
    writes.push({ kind: 'delete', key: { PK: old.PK as string, SK: old.SK as string }, expectedRev: revOf(old) });
  }
  return writes;
}

/**
 * The chunk group a chunk item belongs to in a query on `index`: the items whose findings interleave by
 * seq (one job's chunk across types), i.e. the sort key without its trailing `#<TYPE>`. On GSI2 the
 * partition fixes the type, so each item is its own group.
 */
export function chunkGroupOf(index: IndexName, sortKey: string): string {
  return index === 'GSI2' ? sortKey : sortKey.slice(0, sortKey.lastIndexOf('#'));
}

/** The chunk number a group ends with (`...#0001`), or undefined when it is not a chunk group. */
export function chunkOfGroup(group: string): number | undefined {
  const match = /#(\d{4})$/.exec(group);
  return match ? Number(match[1]) : undefined;
}

/** Splits findings by job, keeping their order. */
export function findingsByJob(findings: readonly Finding[]): Map<string, Finding[]> {
  const byJob = new Map<string, Finding[]>();
  for (const finding of findings) {
    const ofJob = byJob.get(finding.jobId);
    if (ofJob) ofJob.push(finding);
    else byJob.set(finding.jobId, [finding]);
  }
  return byJob;
}

/** Compared through the model, not the raw lists: DynamoDB returns map members in any order. */
function sameFindings(old: Item, fresh: Item): boolean {
  return JSON.stringify(findingsOfChunk(old).map(toCompact)) === JSON.stringify(fresh.items);
}

function revOf(item: Item): number {
  return typeof item.rev === 'number' ? item.rev : 0;
}
