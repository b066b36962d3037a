import { InvalidInputError } from '../../core/errors.ts';
import { MAX_SEQ } from './tableDesign.ts';

/**
 * Opaque page tokens: base64url of `{ v, i, k, s? }`, where `k` is the key of the last item returned
 * (table keys plus the index's keys), `i` names the index and, for findings, `s` is the seq of the last
 * finding returned from that chunk item. A token is accepted only where it
 * could have come from: same index, same partition (which pins the owner or the job), a sort key
 * inside the query's range. So a token from another owner, index or job is refused, never obeyed.
 * Not signed: forging one cannot reach outside the partition the query already pins.
 */
export type IndexName = 'TABLE' | 'GSI1' | 'GSI2' | 'GSI3';

export interface TokenScope {
  index: IndexName;
  /** Attribute names the key must hold, no more, no fewer. */
  keyNames: readonly string[];
  partitionKey: string;
  partitionValue: string;
  sortKey: string;
  /** The query's key condition on the sort key. */
  sortKeyAllowed: (value: string) => boolean;
  /** Findings tokens carry a seq; jobs tokens must not. */
  withSeq: boolean;
}

export interface PagePosition {
  key: PageKey;
  /** Findings only: the seq of the last finding returned from the chunk item `key`. */
  seq?: number;
}

export type PageKey = Record<string, string>;

const MAX_TOKEN_LENGTH = 4096;
const VERSION = 1;

export function encodePageToken(index: IndexName, key: PageKey, seq?: number): string {
  return Buffer.from(
    JSON.stringify({ v: VERSION, i: index, k: key, ...(seq === undefined ? {} : { s: seq }) }),
    'utf8',
  ).toString('base64url');
}

/** The key a token holds for an item: its values of the query's key attributes. */
export function pageKeyOf(item: Record<string, unknown>, keyNames: readonly string[]): PageKey {
  return Object.fromEntries(keyNames.map((name) => [name, String(item[name])]));
}

/** @throws InvalidInputError for a malformed token or one that belongs to another query. */
export function decodePageToken(token: string, scope: TokenScope): PagePosition {
  const parsed = parse(token);
  if (parsed.v !== VERSION || parsed.i !== scope.index) throw invalid();
  const seq = parsed.s;
  if (
    scope.withSeq ? !(Number.isInteger(seq) && (seq as number) >= 1 && (seq as number) <= MAX_SEQ) : seq !== undefined
  )
    throw invalid();
  const key = parsed.k;
  if (key === null || typeof key !== 'object' || Array.isArray(key)) throw invalid();
  const entries = Object.entries(key as Record<string, unknown>);
  if (entries.length !== scope.keyNames.length) throw invalid();
  for (const name of scope.keyNames) {
    const value = (key as Record<string, unknown>)[name];
    if (typeof value !== 'string' || value.length === 0 || value.length > 1024) throw invalid();
  }
  const pageKey = key as PageKey;
  if (pageKey[scope.partitionKey] !== scope.partitionValue) throw invalid();
  if (!scope.sortKeyAllowed(pageKey[scope.sortKey] ?? '')) throw invalid();
  return scope.withSeq ? { key: pageKey, seq: seq as number } : { key: pageKey };
}

function parse(token: string): Record<string, unknown> {
  if (
    typeof token !== 'string' ||
    token.length === 0 ||
    token.length > MAX_TOKEN_LENGTH ||
    !/^[A-Za-z0-9_-]+$/.test(token)
  ) {
    throw invalid();
  }
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid();
    return value as Record<string, unknown>;
  } catch {
    throw invalid();
  }
}

function invalid(): InvalidInputError {
  return new InvalidInputError('nextToken is not valid for this query');
}
