import type { PhiEntity, PhiType } from './PhiEntity.ts';
import type { Finding, FindingFilter, Job, JobFilter, JobStatus, JobUpdate, ObjectRef, Page } from './Job.ts';
import type { OcrPage, Point, PreparedImage, RedactedImage, RedactOptions } from './Image.ts';

/** Options every PhiDetector honours. */
export interface DetectOptions {
  /** Drop entities scored below this (default: keep every candidate the detector reports). */
  minScore?: number;
  /** Only these types (default: all nine). */
  types?: readonly PhiType[];
  /**
   * Also mask generic care units and departments ("MICU", "cath lab", "the ED", "bed 12") as ADDRESS.
   * Default false: they name no one and carry clinical meaning. DetectPHI's ADDRESS definition includes
   * units and wards within a facility, and i2b2-2014 annotates them; set this to follow those rules.
   * Named and numbered wards ("Ellison 10", "Ward 7B", "4 North") and room numbers are masked either way.
   */
  maskCareUnits?: boolean;
}

/** Finds PHI in text. Adapters: the local detector, Comprehend Medical, and a union of both. */
export interface PhiDetector {
  detect(text: string, options?: DetectOptions): Promise<PhiEntity[]>;
}

/**
 * Job and finding records. Adapters: DynamoDB (on AWS and, through dynalite, locally) and in memory.
 * Every write is a single-item conditional write (dynalite has no transactions); the use cases order
 * them so that no reader sees a SUCCEEDED job without all its findings.
 */
export interface JobStore {
  /**
   * Writes a new job, in one conditional write. With `clientToken`, the job's id must be the token's
   * (clientTokenJobId(owner, clientToken), checked): that write is then the token's claim, and when the id is
   * taken (a retry, or a call racing this one), nothing is written and the job there is returned with
   * `created: false`, whatever its kind (callers compare it).
   */
  createJob(job: Job, clientToken?: string): Promise<{ job: Job; created: boolean }>;
  /** The job with this id, whoever owns it; callers check the owner. */
  getJob(id: string): Promise<Job | undefined>;
  /**
   * Applies `changes` only while the job's status is one of `from`; returns the job as written.
   * @throws JobNotFoundError when there is no such job; JobStateConflictError when its status is not in `from`.
   */
  updateJob(id: string, from: readonly JobStatus[], changes: JobChanges): Promise<Job>;
  /**
   * Writes findings (any number; batched by the adapter). Re-writing the same ids is harmless. With `firstWrite`,
   * the caller promises that these jobs have no stored findings yet and that no one else writes theirs (a job it
   * has just created): the store may then skip merging with stored ones and write in fewer requests.
   */
  putFindings(findings: readonly Finding[], options?: { firstWrite?: boolean }): Promise<void>;
  /** The owner's jobs, newest first. `limit` 1-100. */
  listJobs(owner: string, filter: JobFilter, limit: number, nextToken?: string): Promise<Page<Job>>;
  /** The owner's findings across jobs, newest first (by job creation time, then job id and position, all descending). */
  listFindings(owner: string, filter: FindingFilter, limit: number, nextToken?: string): Promise<Page<Finding>>;
  /** One job's findings in document order (the job's owner was checked by the caller). */
  listJobFindings(jobId: string, limit: number, nextToken?: string): Promise<Page<Finding>>;
  /**
   * Every owner's jobs in one open status whose last change (`updatedAt`) is before `updatedBefore`, oldest
   * first: what the recovery sweep (sweepJobs.ts) looks for. `limit` 1-100. Reads an index, so a change made
   * a moment ago may not show yet: callers act through updateJob's status condition, never on this read alone.
   */
  listOpenJobs(status: OpenJobStatus, updatedBefore: string, limit: number, nextToken?: string): Promise<Page<OpenJob>>;
}

export type JobChanges = Partial<
  Pick<
    Job,
    | 'status'
    | 'updatedAt'
    | 'maskedText'
    | 'maskedTextRef'
    | 'maskedImage'
    | 'findingCount'
    | 'findingCounts'
    | 'warnings'
    | 'error'
  >
> & {
  /** How often the recovery sweep re-queued the job: stored with it, never shown to callers (see OpenJob). */
  requeues?: number;
};

/** The statuses a job can be stuck in. */
export type OpenJobStatus = Extract<JobStatus, 'QUEUED' | 'RUNNING'>;

/** An open job as the recovery sweep sees it: the job, and the sweep's own bookkeeping beside it. */
export interface OpenJob {
  job: Job;
  /** Times the sweep re-queued it (0 when never), so a job is re-queued a bounded number of times. */
  requeues: number;
}

/** Publishes job status changes to subscribers (AWS: the publishJobUpdate mutation; locally: in process). */
export interface JobEvents {
  publish(update: JobUpdate): Promise<void>;
}

/** Objects: input images, masked images, results too big for a record. Adapters: S3 (locally s3rver), in memory. */
export interface ObjectStore {
  put(ref: ObjectRef, body: Uint8Array | string, contentType: string): Promise<void>;
  /** @throws ObjectNotFoundError when there is none. */
  get(ref: ObjectRef): Promise<Uint8Array>;
  /** Size and declared content type, without downloading. @throws ObjectNotFoundError when there is none. */
  head(ref: ObjectRef): Promise<{ size: number; contentType: string | undefined }>;
  delete(ref: ObjectRef): Promise<void>;
}

/** Reads the words in an image. Adapters: tesseract.js (local, offline), Amazon Rekognition DetectText. */
export interface TextExtractor {
  /** `image` is a PreparedImage's bytes: upright, in a format the engine reads. */
  extract(image: PreparedImage): Promise<OcrPage>;
}

/** Decodes, checks and re-encodes images. Adapter: sharp. */
export interface ImageRedactor {
  /**
   * Checks format (PNG, JPEG, TIFF, WebP by content), byte and pixel limits, decodes fully (a truncated
   * file fails), applies EXIF orientation and drops all metadata.
   * @throws UnsupportedImageError or PayloadTooLargeError naming the rule, never the content.
   */
  prepare(input: Uint8Array): Promise<PreparedImage>;
  /** Fills each polygon (pixels, clamped to the image) and encodes in the image's own format, without metadata. */
  redact(image: PreparedImage, regions: readonly Point[][], options: RedactOptions): Promise<RedactedImage>;
}

export interface UploadUrlOptions {
  contentType: string;
  /** Bytes the upload must have exactly (signed as Content-Length); unbounded when absent. */
  contentLength?: number;
  expiresInSeconds: number;
}

/** Short-lived URLs for clients to put and get objects directly. Adapter: S3 presigned URLs (locally s3rver). */
export interface ObjectUrls {
  /** A PUT URL that takes only `contentType`, and only `contentLength` bytes when that is given. */
  uploadUrl(ref: ObjectRef, options: UploadUrlOptions): Promise<{ url: string; expiresAt: Date }>;
  downloadUrl(ref: ObjectRef, expiresInSeconds: number): Promise<{ url: string; expiresAt: Date }>;
}

/** Hands image jobs to a worker. Locally: in process, bounded; on AWS: an SQS queue. */
export interface JobQueue {
  enqueue(jobId: string): Promise<void>;
}
