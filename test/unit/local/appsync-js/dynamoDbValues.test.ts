import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromSdkMap,
  fromSdkValue,
  toDynamoDB,
  toMapValues,
  toSdkMap,
  toSdkValue,
} from '../../../../local/appsync-js/dynamoDbValues.ts';
import { NotImplementedLocallyError } from '../../../../local/appsync-js/errors.ts';

describe('util.dynamodb helpers', () => {
  it("infer AppSync's typed values, numbers staying numbers", () => {
    expect(toDynamoDB('x')).toEqual({ S: 'x' });
    expect(toDynamoDB(12345)).toEqual({ N: 12345 });
    expect(toDynamoDB(true)).toEqual({ BOOL: true });
    expect(toDynamoDB(null)).toEqual({ NULL: null });
    expect(toDynamoDB(['a', 1])).toEqual({ L: [{ S: 'a' }, { N: 1 }] });
    expect(toDynamoDB({ a: { b: 'c' } })).toEqual({ M: { a: { M: { b: { S: 'c' } } } } });
  });

  it('toMapValues types each property and leaves undefined ones out', () => {
    expect(toMapValues({ PK: 'JOB#1', SK: 'JOB', n: 2, gone: undefined })).toEqual({
      PK: { S: 'JOB#1' },
      SK: { S: 'JOB' },
      n: { N: 2 },
    });
  });

  it('keeps a property named __proto__ as a property', () => {
    expect(Object.keys(toMapValues(JSON.parse('{"__proto__":"x"}') as Record<string, unknown>))).toEqual(['__proto__']);
  });

  it('refuses what DynamoDB cannot hold', () => {
    expect(() => toDynamoDB(() => 1)).toThrow(NotImplementedLocallyError);
  });
});

describe('typed values on the wire', () => {
  it('send numbers as strings and NULL as true, and read sets as lists', () => {
    expect(toSdkMap({ n: { N: 1.5 }, z: { NULL: null }, ss: { SS: ['a'] } })).toEqual({
      n: { N: '1.5' },
      z: { NULL: true },
      ss: { SS: ['a'] },
    });
    expect(fromSdkValue({ NS: ['1', '2'] })).toEqual([1, 2]);
    expect(fromSdkValue({ B: Buffer.from('hi') })).toBe(Buffer.from('hi').toString('base64'));
    expect(() => toSdkValue({ X: 1 })).toThrow(NotImplementedLocallyError);
  });

  it('round-trip any JSON object: plain → typed → wire → plain', () => {
    const json = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json), (item) => {
        expect(fromSdkMap(toSdkMap(toMapValues(item)))).toEqual(item);
      }),
    );
  });
});
