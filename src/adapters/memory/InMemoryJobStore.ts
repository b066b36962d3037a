import { JobNotFoundError, JobStateConflictError } from '../../core/errors.ts';
import type { Finding, FindingFilter, Job, JobFilter, JobStatus, Page } from '../../core/Job.ts';
import type { JobChanges, JobStore, OpenJob, OpenJobStatus } from '../../core/ports.ts';
import { DuplicateJobIdError, JobStoreError } from '../dynamodb/errors.ts';
import { epochSeconds, isExpired, liveOnly } from '../dynamodb/expiry.ts';
import { findingsByJob, planFindingWrites } from '../dynamodb/findingChunks.ts';
import { FindingPageBuilder } from '../dynamodb/findingPage.ts';
import { assertItemFits } from '../dynamodb/itemSize.ts';
import { itemToJob, itemToOpenJob, jobToItem, withoutUndefined, type Item } from '../dynamodb/jobItems.ts';
import { encodePageToken, pageKeyOf } from '../dynamodb/pageToken.ts';
import {
  planFindingsQuery,
  planJobFindingsQuery,
  planJobsQuery,
  planOpenJobsQuery,
  sortKeyInRange,
  type QueryPlan,
} from '../dynamodb/queryPlan.ts';
import {
  FINDINGS_SK_PREFIX,
  GSI3PK,
  PK,
  SK,
  jobKey,
  jobPk,
  openStatusOf,
  type TableKey,
} from '../dynamodb/tableDesign.ts';
import { UPDATABLE_FIELDS, checkTokenJobId, validateFindings } from '../dynamodb/validateWrites.ts';

/**
 * JobStore in plain Maps, for unit tests of the use cases. It stores the very items the DynamoDB
 * adapter writes and answers the same query plans over them (the SDK-free parts of ../dynamodb), so
 * ordering, validation, page tokens, item size limits and errors match; the contract suite checks it.
 * Every method runs to completion without awaiting, so concurrent calls are atomic.
 */
export interface InMemoryJobStoreOptions {
  /** The clock records expire by (default Date.now), as the DynamoDB adapter's. */
  now?: () => number;
}

export class InMemoryJobStore implements JobStore {
  private readonly items = new Map<string, Item>();
  private readonly now: () => number;

  constructor(options: InMemoryJobStoreOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  /** As the DynamoDB adapter: with a token, the job's id is the token's, and a taken id is that token's job. */
  async createJob(job: Job, clientToken?: string): Promise<{ job: Job; created: boolean }> {
    assertItemFits(jobToItem(job));
    const token = clientToken ?? undefined;
    // The only await, before any read or write: the rest runs at once, so racing calls stay atomic.
    if (token !== undefined) await checkTokenJobId(job, token);
    const existing = this.readLive(jobKey(job.id));
    if (!existing || token === undefined) return { job: this.putNewJob(job), created: true };
    if (existing.owner !== job.owner) throw new JobStoreError("a client token's job belongs to another owner");
    return { job: itemToJob(clone(existing)), created: false };
  }

  async getJob(id: string): Promise<Job | undefined> {
    const item = typeof id === 'string' ? this.readLive(jobKey(id)) : undefined;
    return item ? itemToJob(clone(item)) : undefined;
  }

  async updateJob(id: string, from: readonly JobStatus[], changes: JobChanges): Promise<Job> {
    const item = this.read(jobKey(id));
    if (!item) throw new JobNotFoundError();
    if (!from.includes(item.status as JobStatus)) throw new JobStateConflictError();
    const updated = { ...item };
    for (const [field, value] of Object.entries(changes)) {
      if (UPDATABLE_FIELDS.has(field) && value !== undefined) updated[field] = withoutUndefined(clone(value));
    }
    // As the DynamoDB adapter's UpdateItem does (jobUpdateInput.ts): a job's place in GSI3 follows its status.
    if (changes.status !== undefined) {
      const open = openStatusOf(changes.status);
      if (open) updated[GSI3PK] = open;
      else delete updated[GSI3PK];
    }
    assertItemFits(updated);
    this.write(updated);
    return itemToJob(clone(updated));
  }

  /** The DynamoDB adapter's merge into chunk items; every write is planned (and size-checked) before any is applied. */
  async putFindings(findings: readonly Finding[]): Promise<void> {
    validateFindings(findings);
    const writes = [...findingsByJob(findings).values()].flatMap((ofJob) => {
      const pk = jobPk(ofJob[0]?.jobId as string);
      // An expired job's chunks under the same id are not merged: puts replace them (memory writes are unconditional).
      const existing = [...this.items.values()].filter(
        (item) =>
          item.PK === pk && (item.SK as string).startsWith(FINDINGS_SK_PREFIX) && !isExpired(item, this.nowSeconds()),
      );
      return planFindingWrites(existing, ofJob);
    });
    for (const write of writes) {
      if (write.kind === 'put') this.write(clone(write.item));
      else this.items.delete(`${write.key.PK}\u0000${write.key.SK}`);
    }
  }

  async listJobs(owner: string, filter: JobFilter, limit: number, nextToken?: string): Promise<Page<Job>> {
    return this.query(
      liveOnly(planJobsQuery(owner, filter ?? {}, limit, nextToken), this.nowSeconds()),
      limit,
      itemToJob,
    );
  }

  async listFindings(owner: string, filter: FindingFilter, limit: number, nextToken?: string): Promise<Page<Finding>> {
    const plan = liveOnly(planFindingsQuery(owner, filter ?? {}, limit, nextToken), this.nowSeconds());
    if (plan.jobOwnerCheck && this.readLive(jobKey(plan.jobOwnerCheck.jobId))?.owner !== owner) return { items: [] };
    return this.queryFindings(plan, limit);
  }

  async listJobFindings(jobId: string, limit: number, nextToken?: string): Promise<Page<Finding>> {
    return this.queryFindings(liveOnly(planJobFindingsQuery(jobId, limit, nextToken), this.nowSeconds()), limit);
  }

  async listOpenJobs(
    status: OpenJobStatus,
    updatedBefore: string,
    limit: number,
    nextToken?: string,
  ): Promise<Page<OpenJob>> {
    return this.query(planOpenJobsQuery(status, updatedBefore, limit, nextToken), limit, itemToOpenJob);
  }

  private putNewJob(job: Job): Job {
    const item = jobToItem(job);
    if (this.readLive(jobKey(job.id))) throw new DuplicateJobIdError();
    this.write(clone(item));
    return itemToJob(clone(item));
  }

  /** Evaluates a plan as DynamoDB would: key condition, sort order, start key, then filters. */
  private query<T>(plan: QueryPlan, limit: number, toModel: (item: Item) => T): Page<T> {
    if (plan.empty) return { items: [] };
    const matches = this.matching(plan);
    const items = matches.slice(0, limit);
    const page = { items: items.map((item) => toModel(clone(item))) };
    const last = items[items.length - 1];
    return matches.length > limit && last
      ? { ...page, nextToken: encodePageToken(plan.index, pageKeyOf(last, plan.keyNames)) }
      : page;
  }

  /** Chunk items in query order through the same page builder as DynamoDB (it builds fresh findings). */
  private queryFindings(plan: QueryPlan, limit: number): Page<Finding> {
    if (plan.empty) return { items: [] };
    const page = new FindingPageBuilder(plan, limit);
    for (const item of this.matching(plan)) if (page.add(item)) break;
    return page.finish();
  }

  /**
   * Items in index order: by sort key, then (as in a DynamoDB index, where sort keys may repeat: GSI3's
   * `updatedAt`) by the table key, so a start key names one position and paging skips no tie.
   */
  private matching(plan: QueryPlan): Item[] {
    const order = (a: Item, b: Item) => compareKeys(a, b, [plan.sortKey, PK, SK]) * (plan.ascending ? 1 : -1);
    const start = plan.startKey;
    return [...this.items.values()]
      .filter((item) => item[plan.partitionKey] === plan.partitionValue && typeof item[plan.sortKey] === 'string')
      .filter((item) => sortKeyInRange(plan, item[plan.sortKey] as string))
      .filter((item) => start === undefined || order(item, start) > 0)
      .filter((item) => Object.entries(plan.equals).every(([field, value]) => item[field] === value))
      .filter((item) => inCreatedAtRange(plan, item.createdAt as string))
      .filter((item) => plan.liveAt === undefined || !isExpired(item, plan.liveAt))
      .sort(order);
  }

  /** The item unless it has expired (../dynamodb/expiry.ts): DynamoDB may still hold it, but no read sees it. */
  private readLive(key: TableKey): Item | undefined {
    const item = this.read(key);
    return item && !isExpired(item, this.nowSeconds()) ? item : undefined;
  }

  private nowSeconds(): number {
    return epochSeconds(this.now);
  }

  private read(key: TableKey): Item | undefined {
    return this.items.get(`${key.PK}\u0000${key.SK}`);
  }

  private write(item: Item): void {
    this.items.set(`${item.PK as string}\u0000${item.SK as string}`, item);
  }
}

function compareKeys(a: Item, b: Item, names: readonly string[]): number {
  for (const name of names) {
    const x = String(a[name]);
    const y = String(b[name]);
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function inCreatedAtRange(plan: QueryPlan, createdAt: string): boolean {
  const range = plan.createdAtRange;
  return (
    !range || ((range.gte === undefined || createdAt >= range.gte) && (range.lt === undefined || createdAt < range.lt))
  );
}

function clone<T>(value: T): T {
  return structuredClone(value);
}
