/**
 * The single-table design shared by the adapter, the CDK stack, the local launcher and the APPSYNC_JS
 * resolvers (which GetItem on PK/SK and read `owner`). Names here are a contract: change none of them.
 * Pure and SDK-free so the in-memory adapter can reuse the same keys (and so the same ordering).
 */
export const PK = 'PK';
export const SK = 'SK';
export const GSI1 = 'GSI1';
export const GSI1PK = 'GSI1PK';
export const GSI1SK = 'GSI1SK';
export const GSI2 = 'GSI2';
export const GSI2PK = 'GSI2PK';
export const GSI2SK = 'GSI2SK';
/**
 * GSI3, "open jobs by age", read only by the recovery sweep (src/core/sweepJobs.ts). Sparse: only a job item
 * whose status is QUEUED or RUNNING carries `openStatus` (equal to its status), so the index holds just the
 * jobs in flight, never the finished ones (most of the table) or findings. The sort key is
 * the job's own `updatedAt`, so "RUNNING since before T" is one key condition, oldest first, with no second
 * copy of the time to keep in step. Rejected: a Scan every five minutes (reads the whole table), and a GSI
 * on `status` (indexes every finished job under two ever-growing partitions).
 * One partition per status takes about 1,000 index writes a second and a job makes two to four, far above
 * this API's job rate (bounded by Comprehend Medical's quota); shard the partition value if that changes.
 */
export const GSI3 = 'GSI3';
export const GSI3PK = 'openStatus';
export const GSI3SK = 'updatedAt';
/** Epoch seconds; DynamoDB's TTL deletes the item some time after this passes (dynalite never does). */
export const TTL_ATTRIBUTE = 'expiresAt';

export const JOB_SK = 'JOB';
/** Base-table sort keys of a job's finding chunk items start with this. */
export const FINDINGS_SK_PREFIX = 'FINDINGS#';
/** The largest finding seq; seqs start at 1. */
export const MAX_SEQ = 999_999;
/**
 * Findings per chunk: chunk `c` holds a job's findings of one type with seq in [c*N + 1, (c + 1)*N]. So a chunk
 * never holds more than N, and a 20 KB note (~200 findings) has one chunk per type present.
 */
export const FINDINGS_PER_CHUNK = 500;
/** Chunk numbers are zero-padded to this many digits so that string order is seq order. */
export const CHUNK_DIGITS = 4;

export interface TableKey {
  PK: string;
  SK: string;
}

export function jobPk(jobId: string): string {
  return `JOB#${jobId}`;
}

export function jobKey(jobId: string): TableKey {
  return { PK: jobPk(jobId), SK: JOB_SK };
}

/** A job's `openStatus` (GSI3's partition key): its status while QUEUED or RUNNING, else none. */
export function openStatusOf(status: string): string | undefined {
  return status === 'QUEUED' || status === 'RUNNING' ? status : undefined;
}

/** The chunk a finding of this seq belongs to (per type). */
export function chunkOf(seq: number): number {
  return Math.floor((seq - 1) / FINDINGS_PER_CHUNK);
}

export function padChunk(chunk: number): string {
  return String(chunk).padStart(CHUNK_DIGITS, '0');
}

/** Base-table key of the chunk item holding a job's findings of one type in one seq range. */
export function findingChunkKey(jobId: string, chunk: number, type: string): TableKey {
  return { PK: jobPk(jobId), SK: `${FINDINGS_SK_PREFIX}${padChunk(chunk)}#${type}` };
}

/** GSI1 partition of an owner's jobs ("my jobs by time"). */
export function ownerJobsPk(owner: string): string {
  return `OWNER#${owner}#JOBS`;
}

/** GSI1 sort key of a job: creation time, then id to keep equal times distinct and ordered. */
export function jobSortKey(createdAt: string, jobId: string): string {
  return `${createdAt}#${jobId}`;
}

/** GSI1 partition of an owner's findings across jobs. */
export function ownerFindingsPk(owner: string): string {
  return `OWNER#${owner}#FINDINGS`;
}

/** GSI2 partition of an owner's findings of one type ("my findings by type and time"). */
export function ownerFindingsByTypePk(owner: string, type: string): string {
  return `OWNER#${owner}#FINDINGS#${type}`;
}

/** GSI1 sort key of a finding chunk: its job's creation time and id, the chunk, then the type. */
export function findingChunkSortKey(createdAt: string, jobId: string, chunk: number, type: string): string {
  return `${createdAt}#${jobId}#${padChunk(chunk)}#${type}`;
}

/** GSI2 sort key of a finding chunk (the partition already names the type). */
export function findingChunkTypeSortKey(createdAt: string, jobId: string, chunk: number): string {
  return `${createdAt}#${jobId}#${padChunk(chunk)}`;
}
