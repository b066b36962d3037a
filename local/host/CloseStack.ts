/** Something the local host started and must stop. */
export interface Closeable {
  close(): Promise<void>;
}

/**
 * What the local host started, closed in reverse order of starting, each once, even when one fails: the
 * HTTP server before the worker, the worker before the services it uses, the services before the stores.
 */
export class CloseStack {
  readonly #items: Closeable[] = [];
  #closing: Promise<void> | undefined;

  push<T extends Closeable>(item: T): T {
    this.#items.push(item);
    return item;
  }

  closeAll(): Promise<void> {
    this.#closing ??= (async () => {
      for (const item of this.#items.reverse()) await item.close().catch(() => {});
    })();
    return this.#closing;
  }
}
