import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { NotImplementedLocallyError } from './errors.ts';

/*
 * Three forms of a DynamoDB value: plain JavaScript; AppSync's typed form, which resolvers build with
 * util.dynamodb (`{ N: 1 }`: numbers stay numbers); and the SDK's wire form (`{ N: '1' }`).
 */

export type TypedValue = Record<string, unknown>;

/** `util.dynamodb.toDynamoDB`: the typed form AppSync infers (sets are never inferred). */
export function toDynamoDB(value: unknown): TypedValue {
  if (value === null || value === undefined) return { NULL: null };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: value };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(toDynamoDB) };
  if (typeof value === 'object') return { M: toMapValues(value as Record<string, unknown>) };
  throw new NotImplementedLocallyError(`util.dynamodb.toDynamoDB of a ${typeof value}`);
}

/** `util.dynamodb.toMapValues`: each property in typed form; undefined properties are left out. */
export function toMapValues(value: Record<string, unknown>): Record<string, TypedValue> {
  // fromEntries, not assignment: a key named __proto__ must stay a key.
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .map(([key, field]) => [key, toDynamoDB(field)]),
  );
}

/** AppSync's typed form to the SDK's wire form, for the request a resolver returns. */
export function toSdkValue(typed: TypedValue): AttributeValue {
  const [type, value] = Object.entries(typed)[0] ?? [];
  switch (type) {
    case 'S':
      return { S: String(value) };
    case 'N':
      return { N: String(value) };
    case 'BOOL':
      return { BOOL: Boolean(value) };
    case 'NULL':
      return { NULL: true };
    case 'B':
      return { B: Buffer.from(String(value), 'base64') };
    case 'SS':
      return { SS: (value as unknown[]).map(String) };
    case 'NS':
      return { NS: (value as unknown[]).map(String) };
    case 'BS':
      return { BS: (value as unknown[]).map((b) => Buffer.from(String(b), 'base64')) };
    case 'L':
      return { L: (value as TypedValue[]).map(toSdkValue) };
    case 'M':
      return { M: toSdkMap(value as Record<string, TypedValue>) };
    default:
      throw new NotImplementedLocallyError(`DynamoDB attribute type ${String(type)}`);
  }
}

export function toSdkMap(map: Record<string, TypedValue>): Record<string, AttributeValue> {
  return Object.fromEntries(Object.entries(map).map(([key, value]) => [key, toSdkValue(value)]));
}

/** The SDK's wire form to plain JavaScript, as AppSync hands items to `ctx.result` (N as numbers, sets as lists). */
export function fromSdkValue(attribute: AttributeValue): unknown {
  if (attribute.S !== undefined) return attribute.S;
  if (attribute.N !== undefined) return Number(attribute.N);
  if (attribute.BOOL !== undefined) return attribute.BOOL;
  if (attribute.NULL !== undefined) return null;
  if (attribute.B !== undefined) return Buffer.from(attribute.B).toString('base64');
  if (attribute.SS !== undefined) return [...attribute.SS];
  if (attribute.NS !== undefined) return attribute.NS.map(Number);
  if (attribute.BS !== undefined) return attribute.BS.map((b) => Buffer.from(b).toString('base64'));
  if (attribute.L !== undefined) return attribute.L.map(fromSdkValue);
  if (attribute.M !== undefined) return fromSdkMap(attribute.M);
  throw new NotImplementedLocallyError('a DynamoDB attribute type');
}

export function fromSdkMap(map: Record<string, AttributeValue>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(map).map(([key, value]) => [key, fromSdkValue(value)]));
}
