import { InvalidInputError } from '../../core/errors.ts';
import { JOB_KINDS, JOB_STATUSES, type FindingFilter, type JobFilter } from '../../core/Job.ts';
import { PHI_TYPES } from '../../core/PhiEntity.ts';
import { chunkGroupOf, chunkOfGroup } from './findingChunks.ts';
import { decodePageToken, type IndexName, type PageKey } from './pageToken.ts';
import {
  FINDINGS_SK_PREFIX,
  GSI1PK,
  GSI1SK,
  GSI2PK,
  GSI2SK,
  GSI3PK,
  GSI3SK,
  PK,
  SK,
  chunkOf,
  jobPk,
  ownerFindingsByTypePk,
  ownerFindingsPk,
  ownerJobsPk,
} from './tableDesign.ts';

/**
 * What a list call reads, independent of how: the DynamoDB adapter turns a plan into a Query, the
 * in-memory adapter evaluates it over its items. One planner keeps validation, index choice,
 * ordering and token rules identical in both.
 */
export interface QueryPlan {
  index: IndexName;
  keyNames: readonly string[];
  partitionKey: string;
  partitionValue: string;
  sortKey: string;
  /** Key condition on the sort key: gte inclusive, lt exclusive. */
  sortRange: { gte?: string; lt?: string };
  ascending: boolean;
  /** Filters applied after the key condition (attribute equality, and a createdAt range). */
  equals: Record<string, string>;
  createdAtRange?: { gte?: string; lt?: string };
  /** Epoch seconds: items whose expiresAt is at or before it are left out (expiry.ts says why). Set by the adapters. */
  liveAt?: number;
  /** Findings of one job: only if this owner owns it (checked on the job item). */
  jobOwnerCheck?: { jobId: string; owner: string };
  /** The time range is empty: answer without reading. */
  empty: boolean;
  /** Jobs: where the previous page ended (an ExclusiveStartKey). */
  startKey?: PageKey;
  /**
   * Findings: the chunk group and seq of the last finding the previous page returned. `sortRange` then
   * starts at that group (inclusive), whose findings up to `seq` (in the plan's order) are skipped.
   */
  resume?: { group: string; seq: number };
}

/** All of a job's chunk items on the base table: `FINDINGS#...` sorts below `FINDINGS$` ('$' follows '#'). */
const FINDINGS_RANGE = { gte: FINDINGS_SK_PREFIX, lt: 'FINDINGS$' };

export const MAX_LIMIT = 100;

const KEY_NAMES: Record<IndexName, readonly string[]> = {
  TABLE: [PK, SK],
  GSI1: [PK, SK, GSI1PK, GSI1SK],
  GSI2: [PK, SK, GSI2PK, GSI2SK],
  GSI3: [PK, SK, GSI3PK, GSI3SK],
};

export function validateLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new InvalidInputError(`limit must be an integer from 1 to ${MAX_LIMIT}`);
  }
}

export function planJobsQuery(owner: string, filter: JobFilter, limit: number, nextToken?: string): QueryPlan {
  validateLimit(limit);
  const equals: Record<string, string> = {};
  if (present(filter.status)) equals.status = oneOf(filter.status, JOB_STATUSES, 'status');
  if (present(filter.kind)) equals.kind = oneOf(filter.kind, JOB_KINDS, 'kind');
  const range = timeRange(filter);
  return finish(
    {
      ...indexed('GSI1', GSI1PK, ownerJobsPk(owner), GSI1SK),
      sortRange: range,
      equals,
      ascending: false,
      empty: isEmpty(range),
    },
    nextToken,
  );
}

export function planFindingsQuery(owner: string, filter: FindingFilter, limit: number, nextToken?: string): QueryPlan {
  validateLimit(limit);
  const range = timeRange(filter);
  const type = present(filter.type) ? oneOf(filter.type, PHI_TYPES, 'type') : undefined;
  const base = { ascending: false, empty: isEmpty(range) };
  if (present(filter.jobId)) {
    // One job's findings: the most selective read. Type and time become filters; owner is checked twice.
    const jobId = nonEmpty(filter.jobId, 'jobId');
    const equals: Record<string, string> = { owner, ...(type ? { type } : {}) };
    const plan = { ...indexed('TABLE', PK, jobPk(jobId), SK), ...base, sortRange: FINDINGS_RANGE, equals };
    return finishFindings({ ...plan, createdAtRange: range, jobOwnerCheck: { jobId, owner } }, nextToken);
  }
  if (type !== undefined) {
    return finishFindings(
      { ...indexed('GSI2', GSI2PK, ownerFindingsByTypePk(owner, type), GSI2SK), ...base, sortRange: range, equals: {} },
      nextToken,
    );
  }
  return finishFindings(
    { ...indexed('GSI1', GSI1PK, ownerFindingsPk(owner), GSI1SK), ...base, sortRange: range, equals: {} },
    nextToken,
  );
}

/** Open jobs of one status last changed before `updatedBefore` (exclusive), oldest first: GSI3 (tableDesign.ts). */
export function planOpenJobsQuery(status: string, updatedBefore: string, limit: number, nextToken?: string): QueryPlan {
  const checked = checkOpenJobsQuery(status, updatedBefore, limit);
  const plan = {
    ...indexed('GSI3', GSI3PK, checked.status, GSI3SK),
    sortRange: { lt: checked.before },
    equals: {},
    ascending: true,
    empty: false,
  };
  return finish(plan, nextToken);
}

/** The listOpenJobs arguments, checked, with the time in `toISOString()` form (the form updatedAt is written in). */
export function checkOpenJobsQuery(
  status: string,
  updatedBefore: string,
  limit: number,
): { status: string; before: string } {
  validateLimit(limit);
  return { status: oneOf(status, ['QUEUED', 'RUNNING'], 'status'), before: isoTime(updatedBefore, 'updatedBefore') };
}

export function planJobFindingsQuery(jobId: string, limit: number, nextToken?: string): QueryPlan {
  validateLimit(limit);
  const plan = { ...indexed('TABLE', PK, jobPk(nonEmpty(jobId, 'jobId')), SK), sortRange: FINDINGS_RANGE };
  return finishFindings({ ...plan, ascending: true, equals: {}, empty: false }, nextToken);
}

/** Whether a sort key value satisfies the plan's key condition (also used to vet tokens). */
export function sortKeyInRange(plan: Pick<QueryPlan, 'sortRange'>, value: string): boolean {
  const { gte, lt } = plan.sortRange;
  return (gte === undefined || value >= gte) && (lt === undefined || value < lt);
}

function indexed(index: IndexName, partitionKey: string, partitionValue: string, sortKey: string) {
  return { index, keyNames: KEY_NAMES[index], partitionKey, partitionValue, sortKey };
}

function finish(plan: QueryPlan, nextToken: string | undefined): QueryPlan {
  if (!present(nextToken)) return plan;
  const { key } = decodePageToken(nextToken, {
    ...plan,
    withSeq: false,
    sortKeyAllowed: (value) => sortKeyInRange(plan, value),
  });
  return { ...plan, startKey: key };
}

/**
 * A findings token names a chunk item and a seq in it. It must fit the query as given (index, partition,
 * range) and itself (the seq lies in the item's chunk); the query then restarts at that item's chunk group.
 */
function finishFindings(plan: QueryPlan, nextToken: string | undefined): QueryPlan {
  if (!present(nextToken)) return plan;
  const position = decodePageToken(nextToken, {
    ...plan,
    withSeq: true,
    sortKeyAllowed: (value) => sortKeyInRange(plan, value),
  });
  const seq = position.seq as number;
  const group = chunkGroupOf(plan.index, position.key[plan.sortKey] as string);
  if (chunkOfGroup(group) !== chunkOf(seq)) throw new InvalidInputError('nextToken is not valid for this query');
  // Ascending: from the group on. Descending: up to the group; '$' follows '#', so `group$` bounds `group#...`.
  const { gte, lt } = plan.sortRange;
  const sortRange = plan.ascending ? { gte: maxOf(gte, group), lt } : { gte, lt: minOf(lt, `${group}$`) };
  return { ...plan, sortRange, empty: plan.empty || isEmpty(sortRange), resume: { group, seq } };
}

function maxOf(a: string | undefined, b: string): string {
  return a === undefined || b > a ? b : a;
}

function minOf(a: string | undefined, b: string): string {
  return a === undefined || b < a ? b : a;
}

/**
 * createdAfter (inclusive) and createdBefore (exclusive) as a range on `<createdAt>#...` sort keys.
 * Both are normalised to `toISOString()` form, the form createdAt is written in, so string order is
 * time order; no sort key equals a bare timestamp (they all go on with `#`), so `< before` is exact.
 */
function timeRange(filter: { createdAfter?: string; createdBefore?: string }): { gte?: string; lt?: string } {
  const range: { gte?: string; lt?: string } = {};
  if (present(filter.createdAfter)) range.gte = isoTime(filter.createdAfter, 'createdAfter');
  if (present(filter.createdBefore)) range.lt = isoTime(filter.createdBefore, 'createdBefore');
  return range;
}

/** GraphQL hands absent optional arguments over as null: treat null like undefined. */
function present<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}

function isEmpty(range: { gte?: string; lt?: string }): boolean {
  return range.gte !== undefined && range.lt !== undefined && range.gte >= range.lt;
}

function isoTime(value: string, field: string): string {
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) throw new InvalidInputError(`${field} must be an ISO 8601 date-time`);
  return new Date(time).toISOString();
}

function oneOf<T extends string>(value: string, allowed: readonly T[], field: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new InvalidInputError(`${field} must be one of ${allowed.join(', ')}`);
  return value as T;
}

function nonEmpty(value: string, field: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 256)
    throw new InvalidInputError(`${field} must be a non-empty id`);
  return value;
}
