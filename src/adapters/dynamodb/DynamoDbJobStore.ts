import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
  type BatchWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { JobNotFoundError, JobStateConflictError } from '../../core/errors.ts';
import type { Finding, FindingFilter, Job, JobFilter, JobStatus, Page } from '../../core/Job.ts';
import type { JobChanges, JobStore } from '../../core/ports.ts';
import { batchWriteWithRetry, type BatchRetryOptions } from './batchWriteWithRetry.ts';
import { DuplicateJobIdError, JobStoreError } from './errors.ts';
import { assertItemFits } from './itemSize.ts';
import { findingToItem, idempotencyItem, itemToFinding, itemToJob, jobToItem, withoutUndefined, type IdempotencyRecord, type Item } from './jobItems.ts';
import { queryPage } from './queryPage.ts';
import { planFindingsQuery, planJobFindingsQuery, planJobsQuery } from './queryPlan.ts';
import { idempotencyKey, jobKey, type TableKey } from './tableDesign.ts';
import { validateFindings, validateClientToken, UPDATABLE_FIELDS } from './validateWrites.ts';
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
  /** How long createJob waits for the job of a token claimed by a call still in flight (default 6 reads, 25 ms doubling). */
  claimWait?: { attempts?: number; baseDelayMs?: number };
  batchRetry?: BatchRetryOptions;
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

  constructor(options: DynamoDbJobStoreOptions) {
    this.options = options;
    this.tableName = options.tableName;
    if (options.client instanceof DynamoDBDocumentClient) {
      this.doc = options.client;
      return;
    }
    const base = options.client ?? new DynamoDBClient({ region: options.region, endpoint: options.endpoint, credentials: options.credentials });
    if (!options.client) this.ownedClient = base;
    this.doc = DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
  }

  /** Releases the client's sockets if this store created the client. */
  destroy(): void {
    this.ownedClient?.destroy();
  }

  async createJob(job: Job, clientToken?: string): Promise<{ job: Job; created: boolean }> {
    const item = jobToItem(job);
    assertItemFits(item);
    if (clientToken === undefined || clientToken === null) {
      // null too: GraphQL hands an absent optional argument over as null.
      await this.putNewJob(item);
      return { job: itemToJob(item), created: true };
    }
    validateClientToken(clientToken);
    const claimed = await this.claimToken(idempotencyItem(job.owner, clientToken, job));
    if (!claimed) return this.jobOfClaimedToken(job, clientToken);
    return this.putClaimedJob(job);
  }

  async getJob(id: string): Promise<Job | undefined> {
    if (typeof id !== 'string' || id.length === 0) return undefined;
    const item = await this.getItem(jobKey(id));
    return item ? itemToJob(item) : undefined;
  }

  async updateJob(id: string, from: readonly JobStatus[], changes: JobChanges): Promise<Job> {
    const sets = Object.entries(changes).filter(([field, value]) => UPDATABLE_FIELDS.has(field) && value !== undefined);
    if (sets.length === 0 || from.length === 0) return this.checkOnly(id, from);
    assertItemFits(Object.fromEntries(sets));
    const names: Record<string, string> = { '#pk': 'PK', '#status': 'status' };
    const values: Record<string, unknown> = {};
    sets.forEach(([field, value], i) => {
      names[`#u${i}`] = field;
      values[`:u${i}`] = withoutUndefined(value);
    });
    from.forEach((status, i) => (values[`:from${i}`] = status));
    const command = new UpdateCommand({
      TableName: this.tableName,
      Key: jobKey(id),
      UpdateExpression: `SET ${sets.map((_, i) => `#u${i} = :u${i}`).join(', ')}`,
      ConditionExpression: `attribute_exists(#pk) AND #status IN (${from.map((_, i) => `:from${i}`).join(', ')})`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ReturnValues: 'ALL_NEW',
    });
    try {
      const out = await this.doc.send(command);
      return itemToJob(out.Attributes ?? {});
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw wrapDynamoDbError(error, 'UpdateItem');
    }
    await this.checkOnly(id, from);
    throw new JobStateConflictError(); // it was in `from` when re-read: another writer raced us in between
  }

  async putFindings(findings: readonly Finding[]): Promise<void> {
    validateFindings(findings);
    // One request per key: BatchWriteItem refuses duplicate keys in a batch; the last write wins.
    const byKey = new Map<string, Item>();
    for (const finding of findings) {
      const item = findingToItem(finding);
      assertItemFits(item);
      byKey.set(`${item.PK as string}\u0000${item.SK as string}`, item);
    }
    type Request = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];
    const requests: Request[] = [...byKey.values()].map((Item) => ({ PutRequest: { Item } }));
    await batchWriteWithRetry(requests, async (chunk) => {
      const out = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: chunk } }));
      return out.UnprocessedItems?.[this.tableName] ?? [];
    }, this.options.batchRetry);
  }

  async listJobs(owner: string, filter: JobFilter, limit: number, nextToken?: string): Promise<Page<Job>> {
    const plan = planJobsQuery(owner, filter ?? {}, limit, nextToken);
    return queryPage(this.doc, this.tableName, plan, limit, itemToJob);
  }

  async listFindings(owner: string, filter: FindingFilter, limit: number, nextToken?: string): Promise<Page<Finding>> {
    const plan = planFindingsQuery(owner, filter ?? {}, limit, nextToken);
    if (plan.jobOwnerCheck) {
      // Another owner's job (or none) answers like an empty one: no scan of its findings at all.
      const job = await this.getJob(plan.jobOwnerCheck.jobId);
      if (job?.owner !== owner) return { items: [] };
    }
    return queryPage(this.doc, this.tableName, plan, limit, itemToFinding);
  }

  async listJobFindings(jobId: string, limit: number, nextToken?: string): Promise<Page<Finding>> {
    return queryPage(this.doc, this.tableName, planJobFindingsQuery(jobId, limit, nextToken), limit, itemToFinding);
  }

  /** Claims (owner, clientToken); an expired claim (TTL not yet swept) may be taken over. */
  private async claimToken(item: Item): Promise<boolean> {
    return this.putIfAbsent(item, Math.floor(Date.now() / 1000));
  }

  /** The token was ours: write the job. Its id taken means a concurrent retry already wrote it for us. */
  private async putClaimedJob(job: Job): Promise<{ job: Job; created: boolean }> {
    try {
      const item = jobToItem(job);
      await this.putNewJob(item);
      return { job: itemToJob(item), created: true };
    } catch (error) {
      if (!(error instanceof DuplicateJobIdError)) throw error;
      const existing = await this.getJob(job.id);
      if (existing?.owner !== job.owner) throw error;
      return { job: existing, created: false };
    }
  }

  /**
   * Another call claimed the token. Its job normally exists already, or will within milliseconds
   * (that call is between its two writes), so re-read with backoff. If it still does not exist, that
   * call died between the writes: we write our job under the recorded id, conditionally, so exactly
   * one job ever exists for the token, and a late original call finds it in putClaimedJob.
   */
  private async jobOfClaimedToken(job: Job, clientToken: string): Promise<{ job: Job; created: boolean }> {
    const attempts = this.options.claimWait?.attempts ?? 6;
    const baseDelayMs = this.options.claimWait?.baseDelayMs ?? 25;
    let record: IdempotencyRecord | undefined;
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, baseDelayMs * 2 ** (attempt - 1)));
      record = (await this.getItem(idempotencyKey(job.owner, clientToken))) as IdempotencyRecord | undefined;
      if (!record) continue; // the claim vanished (expired and swept): the loop's last step retries the claim
      if (record.owner !== job.owner) throw new JobStoreError('idempotency record does not match its owner');
      const existing = await this.getJob(record.jobId);
      if (existing) {
        if (existing.owner !== job.owner) throw new JobStoreError('idempotency record points at another owner\'s job');
        return { job: existing, created: false };
      }
    }
    if (!record) return this.createJob(job, clientToken);
    return this.putClaimedJob({ ...job, id: record.jobId });
  }

  private async checkOnly(id: string, from: readonly JobStatus[]): Promise<Job> {
    const job = await this.getJob(id);
    if (!job) throw new JobNotFoundError();
    if (!from.includes(job.status)) throw new JobStateConflictError();
    return job;
  }

  private async putNewJob(item: Item): Promise<void> {
    if (!(await this.putIfAbsent(item))) throw new DuplicateJobIdError();
  }

  /** PutItem if no item has this key (or, with `now`, only an expired one): false when one does. */
  private async putIfAbsent(item: Item, now?: number): Promise<boolean> {
    const expired = now === undefined ? '' : ' OR #expiresAt < :now';
    try {
      await this.doc.send(new PutCommand({
        TableName: this.tableName,
        Item: item,
        ConditionExpression: `attribute_not_exists(#pk)${expired}`,
        ExpressionAttributeNames: { '#pk': 'PK', ...(now === undefined ? {} : { '#expiresAt': 'expiresAt' }) },
        ...(now === undefined ? {} : { ExpressionAttributeValues: { ':now': now } }),
      }));
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
