import { CONSOLE_TOKEN_HEADER } from './consoleToken.ts';

/** What the server's /console/config.json answers (local/console/consoleRoutes.ts). */
export interface ConsoleConfig {
  url: string;
  realtimeUrl?: string;
  region: string;
  /** Only from a loopback server to a page loaded from a loopback address that sent this start's console token. */
  defaultCredentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * The page's own server's settings; a console served elsewhere (no config) starts with empty fields.
 * `token` (from the address, consoleToken.ts) is what makes the server add its key pair.
 */
export async function loadConsoleConfig(token?: string): Promise<ConsoleConfig | undefined> {
  try {
    const response = await fetch('/console/config.json', {
      cache: 'no-store',
      credentials: 'omit',
      ...(token ? { headers: { [CONSOLE_TOKEN_HEADER]: token } } : {}),
    });
    if (!response.ok) return undefined;
    const body = (await response.json()) as Partial<ConsoleConfig>;
    if (typeof body.url !== 'string' || typeof body.region !== 'string') return undefined;
    return body as ConsoleConfig;
  } catch {
    return undefined;
  }
}
