import type { S3Client } from '@aws-sdk/client-s3';
import type { ObjectRef } from '../../core/Job.ts';
import type { ObjectUrls, UploadUrlOptions } from '../../core/ports.ts';
import { presignDownload, presignUpload } from './presign.ts';

export interface S3ObjectUrlsOptions {
  /**
   * The client whose endpoint, region and credentials sign the URLs (on AWS: the store's own client). A
   * function when the endpoint is known only later: locally the URLs name the API server's own origin,
   * known once it listens, and are signed with the server's per-start key pair (local/s3/objectGateway.ts).
   */
  client: S3Client | (() => S3Client);
}

/** The ObjectUrls port as S3 presigned URLs (locally for the API server's object gateway, which checks them). */
export class S3ObjectUrls implements ObjectUrls {
  readonly #client: () => S3Client;

  constructor(options: S3ObjectUrlsOptions) {
    const { client } = options;
    this.#client = typeof client === 'function' ? client : () => client;
  }

  uploadUrl(ref: ObjectRef, options: UploadUrlOptions): Promise<{ url: string; expiresAt: Date }> {
    return presignUpload(this.#client(), ref, options);
  }

  downloadUrl(ref: ObjectRef, expiresInSeconds: number): Promise<{ url: string; expiresAt: Date }> {
    return presignDownload(this.#client(), ref, { expiresInSeconds });
  }
}
