export interface QueryCacheOptions {
  /** Most bytes the entries may hold together, by the cost each was stored with. */
  maxBytes: number;
  /** Queries longer than this (characters) are never stored: they are rare, and each would crowd out many. */
  maxQueryLength: number;
  /** Most entries, whatever their size. */
  maxEntries: number;
}

/**
 * Values by query text, least recently used evicted first, bounded by the bytes the entries hold rather than
 * by their count alone: 500 entries of 5 MB inline notes once held 557 MB.
 */
export class QueryCache<V> {
  readonly #options: QueryCacheOptions;
  // A Map iterates in insertion order: re-inserting on every hit keeps the least recently used first.
  readonly #entries = new Map<string, { value: V; bytes: number }>();
  #bytes = 0;

  constructor(options: QueryCacheOptions) {
    this.#options = options;
  }

  /** Bytes held, by the costs given to set(). */
  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(query: string): V | undefined {
    const entry = this.#entries.get(query);
    if (!entry) return undefined;
    this.#entries.delete(query);
    this.#entries.set(query, entry);
    return entry.value;
  }

  /** Stores `value` at a cost of `bytes`, unless the query is too long or the cost alone exceeds the budget. */
  set(query: string, value: V, bytes: number): void {
    this.#delete(query);
    if (query.length > this.#options.maxQueryLength || bytes > this.#options.maxBytes) return;
    this.#entries.set(query, { value, bytes });
    this.#bytes += bytes;
    while (this.#bytes > this.#options.maxBytes || this.#entries.size > this.#options.maxEntries) {
      this.#delete(this.#entries.keys().next().value as string);
    }
  }

  #delete(query: string): void {
    const entry = this.#entries.get(query);
    if (!entry) return;
    this.#entries.delete(query);
    this.#bytes -= entry.bytes;
  }
}
