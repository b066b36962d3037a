import type {
  ImageRedactor,
  JobEvents,
  JobQueue,
  JobStore,
  ObjectStore,
  ObjectUrls,
  PhiDetector,
  TextExtractor,
} from './ports.ts';

/** Where a use case may say what happened: event names and counts, never input text. */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

/** Everything the job use cases need, wired once per process (src/services/, one composition root per host) and injected. */
export interface JobServices {
  jobs: JobStore;
  events: JobEvents;
  detector: PhiDetector;
  objects: ObjectStore;
  /** Bucket for inputs (uploads, inline images) and results too big for a record. */
  bucket: string;
  /** Records expire this long after their job was created (DynamoDB TTL). */
  recordTtlSeconds: number;
  now: () => Date;
  newId: () => string;
  logger: Logger;
  limits: JobLimits;
  /** Image jobs; without it maskImage and createImageUpload refuse with INTERNAL (a deployment without OCR). */
  images?: ImageServices;
}

export interface ImageServices {
  /**
   * The engines that read and mask pixels. Only where images are processed (the local server, the AWS image
   * worker): the AWS API function takes and queues images but never opens one, so its bundle carries no
   * native image code, and a job that reaches a function without them fails there instead of turning FAILED.
   */
  extractor?: TextExtractor;
  redactor?: ImageRedactor;
  urls: ObjectUrls;
  queue: JobQueue;
  /** Where masked images go: `masked/<jobId>/image.<ext>`. */
  outputBucket: string;
  /** CSS colour of the covering boxes. */
  fill: string;
  /** Pixels added around each covered word. */
  paddingPx: number;
  /** Lifetime of presigned upload and download URLs. */
  urlExpirySeconds: number;
}

export interface JobLimits {
  /** maskText input, in characters (UTF-16 code units). */
  maxTextLength: number;
  /**
   * A maskText input longer than this (characters) is not masked within the call: it is stored, and a QUEUED TEXT
   * job is returned that the worker finishes (a big note would take much of the account's DetectPHI quota inside
   * AppSync's 30 s). Only where there is a job queue (`images.queue`); without one every text runs in the call.
   */
  maxSyncTextLength: number;
  /** A masked text longer than this (UTF-8 bytes) goes to the object store instead of the job record. */
  maxInlineResultBytes: number;
  /** Decoded size of an inline base64 image. */
  maxInlineImageBytes: number;
  /** Width × height an image's header may claim (the image engine's own limit, checked again where it decodes). */
  maxImagePixels: number;
}

/**
 * maxSyncTextLength's default, locally (HDM_SYNC_TEXT_LENGTH) and on AWS (the same variable): 100,000 characters
 * take 2.5 s of DetectPHI's default quota (40,000 characters a second per account), well inside AppSync's 30 s.
 */
export const DEFAULT_SYNC_TEXT_LENGTH = 100_000;

export const DEFAULT_JOB_LIMITS: JobLimits = {
  maxTextLength: 1_000_000,
  maxSyncTextLength: DEFAULT_SYNC_TEXT_LENGTH,
  // DynamoDB items stop at 400 KB; the rest of the record needs room too.
  maxInlineResultBytes: 300_000,
  maxInlineImageBytes: 4 * 1024 * 1024,
  maxImagePixels: 50_000_000,
};

export const SILENT_LOGGER: Logger = { info: () => {}, warn: () => {}, error: () => {} };
