import type { S3Client } from '@aws-sdk/client-s3';
import type { ObjectRef } from '../../core/Job.ts';
import type { ObjectUrls } from '../../core/ports.ts';
import { presignDownload, presignUpload } from './presign.ts';

/** The ObjectUrls port as S3 presigned URLs (locally against s3rver, which accepts them unchecked). */
export class S3ObjectUrls implements ObjectUrls {
  readonly #client: S3Client;

  constructor(options: { client: S3Client }) {
    this.#client = options.client;
  }

  uploadUrl(ref: ObjectRef, contentType: string, expiresInSeconds: number): Promise<{ url: string; expiresAt: Date }> {
    return presignUpload(this.#client, ref, { contentType, expiresInSeconds });
  }

  downloadUrl(ref: ObjectRef, expiresInSeconds: number): Promise<{ url: string; expiresAt: Date }> {
    return presignDownload(this.#client, ref, { expiresInSeconds });
  }
}
