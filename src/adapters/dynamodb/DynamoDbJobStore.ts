import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { JobNotFoundError, JobStateConflictError } from '../../core/errors.ts';
import type { Finding, FindingFilter, Job, JobFilter, JobStatus, Page } from '../../core/Job.ts';
import type { JobChanges, JobStore, OpenJob, OpenJobStatus } from '../../core/ports.ts';
import { batchPutItems } from './batchPutItems.ts';
import { DuplicateJobIdError, JobStoreError } from './errors.ts';
import { findingsByJob, planFindingWrites } from './findingChunks.ts';
import { assertItemFits } from './itemSize.ts';
import { itemToJob, itemToOpenJob, jobToItem, type Item } from './jobItems.ts';
import { jobUpdateInput } from './jobUpdateInput.ts';
import { putJobFindings } from './putJobFindings.ts';
import { queryFindingPage, queryPage } from './queryPage.ts';
import { planFindingsQuery, planJobFindingsQuery, planJobsQuery, planOpenJobsQuery } from './queryPlan.ts';
import { isMissingIndexError, scanOpenJobs } from './scanOpenJobs.ts';
import { TTL_ATTRIBUTE, jobKey, type TableKey } from './tableDesign.ts';
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
      else
        await putJobFindings(this.doc, this.tableName, ofJob, {
          findingsRetry: this.options.findingsRetry,
          now: this.now,
        });
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
