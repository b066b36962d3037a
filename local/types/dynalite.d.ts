// dynalite 4 ships no types. Only what local/dynamodb/startDynalite.ts uses.
declare module 'dynalite' {
  import type { Server } from 'node:http';

  interface DynaliteOptions {
    /** LevelDB directory; omitted: in memory. Two instances on one path crash (LEVEL_ITERATOR_NOT_OPEN). */
    path?: string;
    /** How long a table stays CREATING / DELETING / UPDATING (default 500 ms each). */
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    /** Default 400. */
    maxItemSizeKb?: number;
    ssl?: boolean;
    verbose?: boolean;
    debug?: boolean;
  }

  /** An http.Server whose close() also closes the LevelDB store once pending operations finish. */
  function dynalite(options?: DynaliteOptions): Server;
  export default dynalite;
}
