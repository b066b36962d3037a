import type { Principal } from './Principal.ts';

/** The principals the local server knows, looked up by access key id. Immutable once built. */
export class PrincipalRegistry {
  readonly #byKeyId: ReadonlyMap<string, Principal>;

  /** Throws on a repeated access key id: which principal signed a request must never be ambiguous. */
  constructor(principals: Iterable<Principal>) {
    const byKeyId = new Map<string, Principal>();
    for (const principal of principals) {
      if (byKeyId.has(principal.accessKeyId)) {
        throw new Error(`duplicate access key id for principal '${principal.name}'`);
      }
      byKeyId.set(principal.accessKeyId, principal);
    }
    this.#byKeyId = byKeyId;
  }

  get(accessKeyId: string): Principal | undefined {
    return this.#byKeyId.get(accessKeyId);
  }

  list(): Principal[] {
    return [...this.#byKeyId.values()];
  }

  get size(): number {
    return this.#byKeyId.size;
  }
}
