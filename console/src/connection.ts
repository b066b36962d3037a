import { HdmClient, JobsDocument, type HdmCredentials } from '../../src/client/index.ts';

export interface ConnectionSettings {
  url: string;
  region: string;
  credentials: HdmCredentials;
  realtimeUrl?: string;
}

/** A view asked for the API before the user connected. */
export class NotConnectedError extends Error {
  override readonly name = 'NotConnectedError';
  constructor() {
    super('Not connected: enter credentials and choose Connect');
  }
}

/**
 * The one signed client the views share. Credentials stay in this object (page memory); they leave the
 * page only as SigV4 signatures made by the client kit.
 */
export class Connection {
  #client: HdmClient | undefined;
  #accessKeyId: string | undefined;
  readonly #listeners = new Set<() => void>();

  get client(): HdmClient {
    if (!this.#client) throw new NotConnectedError();
    return this.#client;
  }

  get connected(): boolean {
    return this.#client !== undefined;
  }

  get accessKeyId(): string | undefined {
    return this.#accessKeyId;
  }

  /** Checks the credentials with one cheap signed call (the first page of jobs, one item) before using them. */
  async connect(settings: ConnectionSettings): Promise<void> {
    const client = new HdmClient({
      url: settings.url,
      region: settings.region,
      credentials: { ...settings.credentials },
      ...(settings.realtimeUrl ? { realtimeUrl: settings.realtimeUrl } : {}),
    });
    try {
      await client.request(JobsDocument, { limit: 1 });
    } catch (error) {
      client.close();
      throw error;
    }
    this.#client?.close();
    this.#client = client;
    this.#accessKeyId = settings.credentials.accessKeyId;
    for (const listener of this.#listeners) listener();
  }

  /** Called after every successful connect (views reload what they show). */
  onConnect(listener: () => void): void {
    this.#listeners.add(listener);
  }
}
