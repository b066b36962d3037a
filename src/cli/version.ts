import { readFileSync } from 'node:fs';

/** The version in package.json, two folders up from this file (src/cli/ → the package root). */
export function version(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const value = (manifest as { version?: unknown }).version;
  return typeof value === 'string' ? value : 'unknown';
}
