import { randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { HdmError, ObjectNotFoundError } from '../../src/core/errors.ts';
import type { ObjectRef } from '../../src/core/Job.ts';
import type { ObjectStore } from '../../src/core/ports.ts';

export interface ObjectStoreFixture {
  store: ObjectStore;
  /** A bucket that exists (S3) for the suite to write into. */
  bucket: string;
}

const FIVE_MB = 5 * 1024 * 1024;

/**
 * The behaviour every ObjectStore adapter must share. `setup` runs once; each test writes under its own
 * random key prefix, so the tests do not depend on each other.
 */
export function objectStoreContract(name: string, setup: () => Promise<ObjectStoreFixture>): void {
  describe(`ObjectStore contract: ${name}`, () => {
    let store: ObjectStore;
    let bucket: string;
    const ref = (suffix = 'object'): ObjectRef => ({ bucket, key: `contract/${randomUUID()}/${suffix}` });

    beforeAll(async () => {
      ({ store, bucket } = await setup());
    });

    it('returns the exact bytes that were put (every byte value)', async () => {
      const target = ref('all-bytes.bin');
      const body = Uint8Array.from({ length: 512 }, (_, i) => i % 256);
      await store.put(target, body, 'application/octet-stream');
      expect(Buffer.from(await store.get(target)).equals(Buffer.from(body))).toBe(true);
    });

    it('stores a string as UTF-8', async () => {
      const target = ref('note.txt');
      const text = 'Synthetic note: café, naïve, 日本語, emoji 🩺, and a line\nbreak.';
      await store.put(target, text, 'text/plain; charset=utf-8');
      const got = await store.get(target);
      expect(Buffer.from(got).equals(Buffer.from(text, 'utf8'))).toBe(true);
      expect(new TextDecoder().decode(got)).toBe(text);
    });

    it('round-trips an empty object', async () => {
      const target = ref('empty');
      await store.put(target, new Uint8Array(), 'application/octet-stream');
      expect((await store.get(target)).byteLength).toBe(0);
    });

    it('replaces an object on a second put', async () => {
      const target = ref();
      await store.put(target, 'first version, longer than the second', 'text/plain');
      await store.put(target, 'second', 'text/plain');
      expect(new TextDecoder().decode(await store.get(target))).toBe('second');
    });

    it('keeps objects whose keys share a prefix apart', async () => {
      const parent = ref('a');
      const child: ObjectRef = { bucket, key: `${parent.key}/b` };
      await store.put(parent, 'parent', 'text/plain');
      await store.put(child, 'child', 'text/plain');
      expect(new TextDecoder().decode(await store.get(parent))).toBe('parent');
      expect(new TextDecoder().decode(await store.get(child))).toBe('child');
    });

    it('is not changed when the caller reuses its buffer after put', async () => {
      const target = ref();
      const body = new Uint8Array([1, 2, 3]);
      await store.put(target, body, 'application/octet-stream');
      body[0] = 9;
      expect([...(await store.get(target))]).toEqual([1, 2, 3]);
    });

    it('throws ObjectNotFoundError (an INTERNAL HdmError) for a missing key', async () => {
      const error = await store.get(ref('never-written')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ObjectNotFoundError);
      expect(error).toBeInstanceOf(HdmError);
      expect((error as HdmError).code).toBe('INTERNAL');
    });

    it('deletes, after which get throws ObjectNotFoundError', async () => {
      const target = ref();
      await store.put(target, 'to delete', 'text/plain');
      await store.delete(target);
      await expect(store.get(target)).rejects.toBeInstanceOf(ObjectNotFoundError);
    });

    it('deletes idempotently: missing keys and repeated deletes succeed', async () => {
      const target = ref();
      await expect(store.delete(target)).resolves.toBeUndefined();
      await store.put(target, 'x', 'text/plain');
      await store.delete(target);
      await expect(store.delete(target)).resolves.toBeUndefined();
    });

    it('leaves other objects alone on delete', async () => {
      const kept = ref('kept');
      const gone = ref('gone');
      await store.put(kept, 'kept', 'text/plain');
      await store.put(gone, 'gone', 'text/plain');
      await store.delete(gone);
      expect(new TextDecoder().decode(await store.get(kept))).toBe('kept');
    });

    it('round-trips a 5 MB object', async () => {
      const target = ref('large.bin');
      const body = new Uint8Array(randomBytes(FIVE_MB));
      await store.put(target, body, 'application/octet-stream');
      const got = await store.get(target);
      expect(got.byteLength).toBe(FIVE_MB);
      expect(Buffer.from(got).equals(Buffer.from(body))).toBe(true);
    });
  });
}
