import { ObjectNotFoundError } from '../../core/errors.ts';
import type { ObjectRef } from '../../core/Job.ts';
import type { ObjectStore } from '../../core/ports.ts';

interface StoredObject {
  body: Uint8Array;
  contentType: string;
}

/**
 * The ObjectStore port in a Map, for unit tests and the in-process host. Any bucket name is accepted
 * (there is no bucket to create). Bodies are copied in and out, so callers that reuse their buffers
 * cannot change what is stored, as with S3.
 */
export class InMemoryObjectStore implements ObjectStore {
  readonly #objects = new Map<string, StoredObject>();

  async put(ref: ObjectRef, body: Uint8Array | string, contentType: string): Promise<void> {
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body.slice();
    this.#objects.set(mapKey(ref), { body: bytes, contentType });
  }

  /** @throws ObjectNotFoundError when there is none. */
  async get(ref: ObjectRef): Promise<Uint8Array> {
    return this.#find(ref).body.slice();
  }

  /** Size and content type, like S3ObjectStore.head. @throws ObjectNotFoundError */
  async head(ref: ObjectRef): Promise<{ size: number; contentType: string | undefined }> {
    const { body, contentType } = this.#find(ref);
    return { size: body.byteLength, contentType };
  }

  /** Idempotent, like S3: deleting a missing object succeeds. */
  async delete(ref: ObjectRef): Promise<void> {
    this.#objects.delete(mapKey(ref));
  }

  /** How many objects are stored (for tests that check clean-up). */
  get size(): number {
    return this.#objects.size;
  }

  #find(ref: ObjectRef): StoredObject {
    const found = this.#objects.get(mapKey(ref));
    if (!found) throw new ObjectNotFoundError();
    return found;
  }
}

// Bucket names cannot contain '/', so this never joins two different refs into one key.
function mapKey(ref: ObjectRef): string {
  return `${ref.bucket}/${ref.key}`;
}
