import type { ErrorCode } from './errors.ts';
import type { MaskStyle } from './MaskOptions.ts';
import type { PhiType } from './PhiEntity.ts';

export const JOB_STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const JOB_KINDS = ['TEXT', 'IMAGE'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** The mask options a job ran with, defaults applied: what `Job.options` returns. */
export interface JobOptions {
  minScore: number;
  types: PhiType[];
  style: MaskStyle;
  maskCharacter?: string;
  replacement?: string;
  /** The terms in the response to the call that sent them; stored jobs keep none (they may be PHI). */
  allowList: string[];
  denyList: string[];
  allowListCount: number;
  denyListCount: number;
  /** Generic care units and departments were masked too (DetectOptions.maskCareUnits). */
  maskCareUnits: boolean;
}

/** Options as a job record keeps them: allow and deny terms (often patients' names) only as counts. */
export function withoutTerms(options: JobOptions): JobOptions {
  return { ...options, allowList: [], denyList: [] };
}

/** Why a job failed: a closed code and a generic message that never holds input text. */
export interface JobError {
  code: ErrorCode;
  message: string;
}

export interface ObjectRef {
  bucket: string;
  key: string;
}

export interface MaskedImageRef extends ObjectRef {
  contentType: string;
  width: number;
  height: number;
  /** Bytes. */
  size: number;
}

export interface FindingCount {
  type: PhiType;
  count: number;
}

/**
 * A masking job as stored. Times are ISO 8601 (AWSDateTime); `expiresAt` is epoch seconds (DynamoDB TTL).
 * A TEXT job's result is `maskedText`, or `maskedTextRef` in the object store when too big for a record.
 */
export interface Job {
  id: string;
  kind: JobKind;
  status: JobStatus;
  /** The caller's identity: `cognitoIdentityId` when present, else the IAM `userArn`. */
  owner: string;
  createdAt: string;
  updatedAt: string;
  expiresAt: number;
  options: JobOptions;
  /** IMAGE jobs: where the input image is. TEXT jobs the worker runs (long texts): where the note waits. */
  input?: ObjectRef;
  maskedText?: string;
  maskedTextRef?: ObjectRef;
  maskedImage?: MaskedImageRef;
  findingCount?: number;
  findingCounts?: FindingCount[];
  /** Things the caller should know about a finished job, e.g. that OCR read only part of a page. */
  warnings?: string[];
  error?: JobError;
}

/** Box as ratios of the image's width and height (Rekognition's convention). */
export interface BoundingBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where PHI was found in a job's input. Never the PHI text itself. */
export interface Finding {
  /** `<jobId>:<seq>`, seq from 1 in document order. */
  id: string;
  jobId: string;
  owner: string;
  /** 1-based position in the job's findings; orders them. */
  seq: number;
  type: PhiType;
  score: number;
  beginOffset?: number;
  endOffset?: number;
  boundingBox?: BoundingBox;
  /** The same region in pixels of the (upright) image. */
  pixelBox?: BoundingBox;
  /** The job's createdAt: findings are listed by the time of their job. */
  createdAt: string;
  expiresAt: number;
}

/** What subscribers receive on every status change: small, no PHI. */
export interface JobUpdate {
  id: string;
  owner: string;
  kind: JobKind;
  status: JobStatus;
  updatedAt: string;
  findingCount?: number;
  error?: JobError;
}

export function toJobUpdate(job: Job): JobUpdate {
  return {
    id: job.id,
    owner: job.owner,
    kind: job.kind,
    status: job.status,
    updatedAt: job.updatedAt,
    ...(job.findingCount !== undefined ? { findingCount: job.findingCount } : {}),
    ...(job.error ? { error: job.error } : {}),
  };
}

export interface Page<T> {
  items: T[];
  /** Opaque; absent on the last page. */
  nextToken?: string;
}

export interface JobFilter {
  status?: JobStatus;
  kind?: JobKind;
  /** ISO 8601, inclusive. */
  createdAfter?: string;
  /** ISO 8601, exclusive. */
  createdBefore?: string;
}

export interface FindingFilter {
  type?: PhiType;
  jobId?: string;
  createdAfter?: string;
  createdBefore?: string;
}

/** A job's finding counts per type, in order of first appearance. */
export function countFindingsByType(findings: readonly Finding[]): FindingCount[] {
  const counts = new Map<PhiType, number>();
  for (const f of findings) counts.set(f.type, (counts.get(f.type) ?? 0) + 1);
  return [...counts].map(([type, count]) => ({ type, count }));
}

/** When a job created at `now` expires (DynamoDB TTL, epoch seconds). */
export function expiryOf(now: Date, ttlSeconds: number): number {
  return Math.floor(now.getTime() / 1000) + ttlSeconds;
}
