import type { Principal } from './auth/Principal.ts';
import type { ServerLimits } from './server/applyServerLimits.ts';

/** Options of startLocalApi; every one has a default, so `npm start` needs none. */
export interface LocalApiOptions {
  /** Default 4000; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Where dynalite, s3rver and the generated credentials live (default `.data`). */
  dataDir?: string;
  /** Keep DynamoDB and S3 in memory (tests); the data directory still holds credentials and TLS files. */
  inMemory?: boolean;
  /** JSON file of principals (HDM_PRINCIPALS_FILE); default: one generated into the data directory. */
  principalsFile?: string;
  /** Serve HTTPS and WSS with a self-signed certificate generated into the data directory, or with these PEM files. */
  tls?: boolean | { certFile: string; keyFile: string };
  /** Region requests must be signed for (default us-east-1). */
  region?: string;
  /** maskText inputs longer than this (characters) are queued for the worker (default HDM_SYNC_TEXT_LENGTH, else 100,000). */
  syncTextLength?: number;
  /** One JSON log line per event (default: to stdout). */
  log?: (line: string) => void;
  /**
   * Socket and time limits (defaults: DEFAULT_SERVER_LIMITS; real-time: 500 sockets in all, 50 per
   * principal). Lower them to reach them in tests.
   */
  limits?: {
    server?: Partial<ServerLimits>;
    realtime?: { maxConnections?: number; maxConnectionsPerPrincipal?: number };
  };
}

/** A running local API. */
export interface LocalApi {
  /** `http(s)://host:port/graphql` */
  url: string;
  /** `ws(s)://host:port/graphql/realtime` */
  realtimeUrl: string;
  /**
   * `http(s)://host:port/#token=<this start's console token>`: opened in a browser, the console gets the
   * generated key pair and connects by itself; the console at `/` without the token asks for keys.
   */
  consoleUrl: string;
  region: string;
  apiId: string;
  accountId: string;
  principals: Principal[];
  /** The principal generated into the data directory, when no principals file was given. */
  generatedPrincipal?: Principal;
  /** PEM of the self-signed certificate when TLS is on, for clients to trust. */
  certificatePem?: string;
  /** Stops taking requests, lets in-flight ones finish, closes sockets and stores. */
  close(): Promise<void>;
}
