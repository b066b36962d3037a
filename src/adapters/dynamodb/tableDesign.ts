import { createHash } from 'node:crypto';

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
/** Epoch seconds; DynamoDB's TTL deletes the item some time after this passes (dynalite never does). */
export const TTL_ATTRIBUTE = 'expiresAt';

export const JOB_SK = 'JOB';
export const FINDING_SK_PREFIX = 'FINDING#';
export const IDEMPOTENCY_SK = 'IDEMPOTENCY';
/** Finding seqs are zero-padded to this many digits so that string order is document order. */
export const SEQ_DIGITS = 6;
export const MAX_SEQ = 10 ** SEQ_DIGITS - 1;

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

export function padSeq(seq: number): string {
  return String(seq).padStart(SEQ_DIGITS, '0');
}

export function findingKey(jobId: string, seq: number): TableKey {
  return { PK: jobPk(jobId), SK: `${FINDING_SK_PREFIX}${padSeq(seq)}` };
}

/** The idempotency claim is keyed by a hash so that neither owner nor token is readable in the key. */
export function idempotencyKey(owner: string, clientToken: string): TableKey {
  const digest = createHash('sha256').update(`${owner}\u0000${clientToken}`, 'utf8').digest('hex');
  return { PK: `IDEMPOTENCY#${digest}`, SK: IDEMPOTENCY_SK };
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

/** GSI1 and GSI2 sort key of a finding: its job's creation time, job id, then position. */
export function findingSortKey(createdAt: string, jobId: string, seq: number): string {
  return `${createdAt}#${jobId}#${padSeq(seq)}`;
}
