import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { JobNotFoundError, JobStateConflictError } from '../../core/errors.ts';
import type { Finding, FindingFilter, Job, JobFilter, JobStatus, Page } from '../../core/Job.ts';
import type { JobChanges, JobStore, OpenJob, OpenJobStatus } from '../../core/ports.ts';
import { batchPutItems } from './batchPutItems.ts';
import { DuplicateJobIdError, FindingsWriteConflictError, JobStoreError } from './errors.ts';
import { findingsByJob, planFindingWrites, type FindingWrite } from './findingChunks.ts';
import { assertItemFits } from './itemSize.ts';
import { itemToJob, itemToOpenJob, jobToItem, type Item } from './jobItems.ts';
import { jobUpdateInput } from './jobUpdateInput.ts';
import { queryFindingPage, queryPage } from './queryPage.ts';
import { planFindingsQuery, planJobFindingsQuery, planJobsQuery, planOpenJobsQuery } from './queryPlan.ts';
import { isMissingIndexError, scanOpenJobs } from './scanOpenJobs.ts';
import { FINDINGS_SK_PREFIX, TTL_ATTRIBUTE, jobKey, jobPk, type TableKey } from './tableDesign.ts';
import { epochSeconds, isExpired, liveOnly } from './expiry.ts';
import { checkTokenJobId, validateFindings, UPDATABLE_FIELDS } from './validateWrites.ts';
import { isConditionalCheckFailed, wrapDynamoDbError } from './wrapDynamoDbError.ts';

export interface DynamoDbJobStoreOptions {
  tableName: string;
  /** Injected client (a plain DynamoDBClient is wrapped in a DocumentClient); the store then does not own it. */
  client?: DynamoDBDocumentClient | DynamoDBClient;
  region?: string;
  /** e.g. the local dynalite endpoint. */
  endpoint?: string;
  /** Only needed without `client` where the default provider chain finds none (dynalite accepts any pair). */
  credentials?: DynamoDBClientConfig['credentials'];
  /**
   * putFindings merges into a job's chunk items with conditional writes; when a concurrent writer changed
   * one in between, it re-reads and retries (default 5 tries, 20 ms doubling with jitter), then
   * FindingsWriteConflictError.
   */
  findingsRetry?: { maxAttempts?: number; baseDelayMs?: number };
  /** The clock records expire by (default Date.now): an item past its `expiresAt` reads as gone (expiry.ts). */
  now?: () => number;
}

/** Chunk item writes in flight at once for one job (a 20 KB note has one per type present, so about 6). */
const WRITE_CONCURRENCY = 16;

/** A conditional chunk write lost to a concurrent writer. */
class ChunkChanged extends Error {}

/**
 * JobStore on one DynamoDB table (design in tableDesign.ts and README.md). Single-item conditional
 * writes only, so it runs unchanged on dynalite, which has no transactions.
 */
export class DynamoDbJobStore implements JobStore {
  private readonly doc: DynamoDBDocumentClient;
  private readonly ownedClient?: DynamoDBClient;
  private readonly tableName: string;
  private readonly options: DynamoDbJobStoreOptions;
  private readonly now: () => number;
  /** The table has no GSI3 (made before it existed): listOpenJobs scans. */
  private openJobsByScan = false;

  constructor(options: DynamoDbJobStoreOptions) {
    this.options = options;
    this.tableName = options.tableName;
    this.now = options.now ?? Date.now;
    if (options.client instanceof DynamoDBDocumentClient) {
      this.doc = options.client;
      return;
    }
    const base =
      options.client ??
      new DynamoDBClient({ region: options.region, endpoint: options.endpoint, credentials: options.credentials });
    if (!options.client) this.ownedClient = base;
    this.doc = DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
  }

  /** Releases the client's sockets if this store created the client. */
  destroy(): void {
    this.ownedClient?.destroy();
  }

  /**
   * One conditional PutItem (no item under the id yet). With `clientToken`, the job's id is the token's
   * (clientTokenJobId), so that write is also the token's claim: when the id is taken, the job there (one
   * consistent GetItem) is the token's, returned with `created: false`.
   */
  async createJob(job: Job, clientToken?: string): Promise<{ job: Job; created: boolean }> {
    const item = jobToItem(job);
    assertItemFits(item);
    // null too: GraphQL hands an absent optional argument over as null.
    const token = clientToken ?? undefined;
    if (token !== undefined) await checkTokenJobId(job, token);
    if (await this.putIfAbsent(item)) return { job: itemToJob(item), created: true };
    if (token === undefined) throw new DuplicateJobIdError();
    const existing = await this.getJob(job.id);
    // Gone between the two requests (TTL deleted it): the token is free again.
    if (!existing) return this.createJob(job, token);
    if (existing.owner !== job.owner) throw new JobStoreError("a client token's job belongs to another owner");
    return { job: existing, created: false };
  }

  async getJob(id: string): Promise<Job | undefined> {
    if (typeof id !== 'string' || id.length === 0) return undefined;
    const item = await this.getItem(jobKey(id));
    return item && !isExpired(item, epochSeconds(this.now)) ? itemToJob(item) : undefined;
  }

  async updateJob(id: string, from: readonly JobStatus[], changes: JobChanges): Promise<Job> {
    const sets = Object.entries(changes).filter(([field, value]) => UPDATABLE_FIELDS.has(field) && value !== undefined);
    if (sets.length === 0 || from.length === 0) return this.checkOnly(id, from);
    assertItemFits(Object.fromEntries(sets));
    const command = new UpdateCommand(jobUpdateInput(this.tableName, id, from, sets));
    try {
      const out = await this.doc.send(command);
      return itemToJob(out.Attributes ?? {});
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw wrapDynamoDbError(error, 'UpdateItem');
    }
    await this.checkOnly(id, from);
    throw new JobStateConflictError(); // it was in `from` when re-read: another writer raced us in between
  }

  /**
   * Merges the findings into their jobs' chunk items (see findingChunks.ts): reads the job's chunks,
   * writes only those that change, each conditional on the revision it read, and starts over when a
   * concurrent writer got in between. Repeating a call writes nothing.
   * With `firstWrite` (the caller's job has no findings yet and no other writer), no read and no conditions: the
   * same chunk items, 25 to a BatchWriteItem, so a text job's findings cost one request instead of 1 + types.
   */
  async putFindings(findings: readonly Finding[], options: { firstWrite?: boolean } = {}): Promise<void> {
    validateFindings(findings);
    for (const ofJob of findingsByJob(findings).values()) {
      if (options.firstWrite)
        await batchPutItems(
          this.doc,
          this.tableName,
          planFindingWrites([], ofJob).flatMap((write) => (write.kind === 'put' ? [write.item] : [])),
        );
      else await this.putJobFindings(ofJob);
    }
  }

  async listJobs(owner: string, filter: JobFilter, limit: number, nextToken?: string): Promise<Page<Job>> {
    const plan = liveOnly(planJobsQuery(owner, filter ?? {}, limit, nextToken), epochSeconds(this.now));
    return queryPage(this.doc, this.tableName, plan, limit, itemToJob);
  }

  async listFindings(owner: string, filter: FindingFilter, limit: number, nextToken?: string): Promise<Page<Finding>> {
    const plan = liveOnly(planFindingsQuery(owner, filter ?? {}, limit, nextToken), epochSeconds(this.now));
    if (plan.jobOwnerCheck) {
      // Another owner's job (or none) answers like an empty one: no scan of its findings at all.
      const job = await this.getJob(plan.jobOwnerCheck.jobId);
      if (job?.owner !== owner) return { items: [] };
    }
    return queryFindingPage(this.doc, this.tableName, plan, limit);
  }

  async listJobFindings(jobId: string, limit: number, nextToken?: string): Promise<Page<Finding>> {
    return queryFindingPage(
      this.doc,
      this.tableName,
      liveOnly(planJobFindingsQuery(jobId, limit, nextToken), epochSeconds(this.now)),
      limit,
    );
  }

  /** GSI3 (tableDesign.ts); on a table from before that index, a Scan instead (scanOpenJobs.ts). */
  async listOpenJobs(
    status: OpenJobStatus,
    updatedBefore: string,
    limit: number,
    nextToken?: string,
  ): Promise<Page<OpenJob>> {
    if (!this.openJobsByScan) {
      try {
        return await queryPage(
          this.doc,
          this.tableName,
          planOpenJobsQuery(status, updatedBefore, limit, nextToken),
          limit,
          itemToOpenJob,
        );
      } catch (error) {
        if (!isMissingIndexError(error)) throw error;
        this.openJobsByScan = true;
      }
    }
    return scanOpenJobs(this.doc, this.tableName, status, updatedBefore, limit, nextToken);
  }

  private async putJobFindings(findings: readonly Finding[]): Promise<void> {
    const maxAttempts = this.options.findingsRetry?.maxAttempts ?? 5;
    const baseDelayMs = this.options.findingsRetry?.baseDelayMs ?? 20;
    let conflict: unknown;
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      if (attempt > 1)
        await new Promise((resolve) => setTimeout(resolve, Math.random() * baseDelayMs * 2 ** (attempt - 2)));
      const writes = overStaleChunks(
        await this.readChunkItems(findings[0]?.jobId as string),
        findings,
        epochSeconds(this.now),
      );
      // All settle before a retry re-reads, so the re-read sees every write of this round.
      const results = await settleInBatches(
        writes.map((write) => () => this.writeChunk(write)),
        WRITE_CONCURRENCY,
      );
      const failures = results
        .filter((result): result is PromiseRejectedResult => result.status === 'rejected')
        .map((result) => result.reason as unknown);
      const other = failures.find((reason) => !(reason instanceof ChunkChanged));
      if (other !== undefined) throw other;
      if (failures.length === 0) return;
      conflict = failures[0];
    }
    throw new FindingsWriteConflictError(undefined, { cause: conflict });
  }

  /** Every chunk item of a job, strongly consistent (a job has a handful: one per type and 500 seqs). */
  private async readChunkItems(jobId: string): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      try {
        const out = await this.doc.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
            ExpressionAttributeNames: { '#pk': 'PK', '#sk': 'SK' },
            ExpressionAttributeValues: { ':pk': jobPk(jobId), ':prefix': FINDINGS_SK_PREFIX },
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
        );
        items.push(...(out.Items ?? []));
        startKey = out.LastEvaluatedKey;
      } catch (error) {
        throw wrapDynamoDbError(error, 'Query');
      }
    } while (startKey);
    return items;
  }

  /** One conditional PutItem or DeleteItem; ChunkChanged when the item is not at the revision we read. */
  private async writeChunk(write: FindingWrite): Promise<void> {
    const expected: {
      ConditionExpression: string;
      ExpressionAttributeNames: Record<string, string>;
      ExpressionAttributeValues?: Record<string, unknown>;
    } =
      write.expectedRev === undefined
        ? { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': 'PK' } }
        : {
            ConditionExpression: '#rev = :rev',
            ExpressionAttributeNames: { '#rev': 'rev' },
            ExpressionAttributeValues: { ':rev': write.expectedRev },
          };
    try {
      if (write.kind === 'put')
        await this.doc.send(new PutCommand({ TableName: this.tableName, Item: write.item, ...expected }));
      else await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: write.key, ...expected }));
    } catch (error) {
      if (isConditionalCheckFailed(error)) throw new ChunkChanged('chunk changed', { cause: error });
      throw wrapDynamoDbError(error, write.kind === 'put' ? 'PutItem' : 'DeleteItem');
    }
  }

  private async checkOnly(id: string, from: readonly JobStatus[]): Promise<Job> {
    const job = await this.getJob(id);
    if (!job) throw new JobNotFoundError();
    if (!from.includes(job.status)) throw new JobStateConflictError();
    return job;
  }

  /** PutItem if no live item has this key (an expired one not yet deleted is replaced): false when one does. */
  private async putIfAbsent(item: Item): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: 'attribute_not_exists(#pk) OR #expiresAt <= :now',
          ExpressionAttributeNames: { '#pk': 'PK', '#expiresAt': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':now': epochSeconds(this.now) },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw wrapDynamoDbError(error, 'PutItem');
    }
  }

  private async getItem(key: TableKey): Promise<Item | undefined> {
    try {
      const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
      return out.Item;
    } catch (error) {
      throw wrapDynamoDbError(error, 'GetItem');
    }
  }
}

/**
 * The writes that merge `findings` into a job's live chunk items. Chunk items of an expired job under the
 * same id (a clientToken's id used again, before TTL deleted them) are not merged: a put over one is
 * conditional on its revision, as over a live one; the rest stay, read as gone, until TTL deletes them.
 */
function overStaleChunks(stored: readonly Item[], findings: readonly Finding[], nowSeconds: number): FindingWrite[] {
  const stale = new Map(stored.filter((item) => isExpired(item, nowSeconds)).map((item) => [item.SK as string, item]));
  return planFindingWrites(
    stored.filter((item) => !isExpired(item, nowSeconds)),
    findings,
  ).map((write) => {
    const old =
      write.kind === 'put' && write.expectedRev === undefined ? stale.get(write.item.SK as string) : undefined;
    if (!old || write.kind !== 'put') return write;
    const rev = typeof old.rev === 'number' ? old.rev : 0;
    return { ...write, item: { ...write.item, rev: rev + 1 }, expectedRev: rev };
  });
}

/** Runs the tasks, at most `width` at a time, and waits for every one to settle. */
async function settleInBatches(
  tasks: readonly (() => Promise<void>)[],
  width: number,
): Promise<PromiseSettledResult<void>[]> {
  const results: PromiseSettledResult<void>[] = [];
  for (let start = 0; start < tasks.length; start += width) {
    results.push(...(await Promise.allSettled(tasks.slice(start, start + width).map((task) => task()))));
  }
  return results;
}
