import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALLOW } from '../../../../local/auth/defaultAllow.ts';
import { fieldArn, globMatch, isAllowed } from '../../../../local/auth/isAllowed.ts';
import type { ApiCoordinates } from '../../../../local/auth/Principal.ts';

const API: ApiCoordinates = { region: 'us-east-1', accountId: '000000000000', apiId: 'local' };
const ARN = 'arn:aws:appsync:us-east-1:000000000000:apis/local';
const may = (allow: string[], type: string, field: string, api = API) => isAllowed({ allow }, type, field, api);

describe('isAllowed', () => {
  it('builds the field ARN IAM checks appsync:GraphQL against', () => {
    expect(fieldArn(API, 'Mutation', 'maskText')).toBe(`${ARN}/types/Mutation/fields/maskText`);
  });

  it('lets the default principal call every public field but not publishJobUpdate', () => {
    const allow = [...DEFAULT_ALLOW];
    for (const [type, field] of [
      ['Query', 'job'],
      ['Query', 'jobs'],
      ['Query', 'findings'],
      ['Mutation', 'maskText'],
      ['Mutation', 'maskImage'],
      ['Mutation', 'createImageUpload'],
      ['Subscription', 'onJobUpdated'],
      ['Subscription', 'onJobsUpdated'],
    ] as const) {
      expect(may(allow, type, field), `${type}.${field}`).toBe(true);
    }
    expect(may(allow, 'Mutation', 'publishJobUpdate')).toBe(false);
  });

  it('matches full ARNs exactly, and with * and ? wildcards', () => {
    expect(may([`${ARN}/types/Mutation/fields/maskText`], 'Mutation', 'maskText')).toBe(true);
    expect(may([`${ARN}/types/Mutation/fields/maskText`], 'Mutation', 'maskImage')).toBe(false);
    expect(may([`${ARN}/types/Query/*`], 'Query', 'job')).toBe(true);
    expect(may([`${ARN}/types/Query/*`], 'Mutation', 'maskText')).toBe(false);
    expect(may([`${ARN}/*`], 'Mutation', 'publishJobUpdate')).toBe(true);
    expect(may(['arn:aws:appsync:*:*:apis/*/types/Subscription/fields/*'], 'Subscription', 'onJobUpdated')).toBe(true);
    expect(may([`${ARN}/types/Query/fields/job?`], 'Query', 'jobs')).toBe(true);
    expect(may([`${ARN}/types/Query/fields/job?`], 'Query', 'job')).toBe(false);
  });

  it('allows everything with * alone and nothing with an empty list', () => {
    expect(may(['*'], 'Mutation', 'publishJobUpdate')).toBe(true);
    expect(may([], 'Query', 'job')).toBe(false);
  });

  it('does not match another API, account or region', () => {
    const allow = [`${ARN}/types/Query/*`];
    expect(may(allow, 'Query', 'job', { ...API, apiId: 'other' })).toBe(false);
    expect(may(allow, 'Query', 'job', { ...API, accountId: '111111111111' })).toBe(false);
    expect(may(allow, 'Query', 'job', { ...API, region: 'eu-west-1' })).toBe(false);
  });

  it('is case-sensitive, as IAM resource matching is', () => {
    expect(may([`${ARN}/types/mutation/fields/masktext`], 'Mutation', 'maskText')).toBe(false);
    expect(may(['mutation.maskText'], 'Mutation', 'maskText')).toBe(false);
  });

  it('reads the short form Type.field as a field of this API, wildcards allowed', () => {
    expect(may(['Mutation.maskText'], 'Mutation', 'maskText')).toBe(true);
    expect(may(['Mutation.mask*'], 'Mutation', 'maskImage')).toBe(true);
    expect(may(['Mutation.mask*'], 'Mutation', 'publishJobUpdate')).toBe(false);
    expect(may(['*.*'], 'Query', 'findings')).toBe(true);
  });
});

describe('globMatch', () => {
  it('matches what an equivalent regular expression matches', () => {
    const chars = fc.constantFrom('a', 'b', '/', ':', '*', '?');
    fc.assert(
      fc.property(
        fc.string({ unit: chars, maxLength: 8 }),
        fc.string({ unit: fc.constantFrom('a', 'b', '/', ':'), maxLength: 10 }),
        (pattern, text) => {
          const regex = new RegExp(
            `^${pattern.replace(/[/:]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`,
            's',
          );
          expect(globMatch(pattern, text)).toBe(regex.test(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a text still matches itself after any of its characters become ? or *', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !/[*?]/.test(s) && !s.includes('\u0001')),
        fc.array(fc.tuple(fc.nat(), fc.boolean())),
        (text, picks) => {
          const pattern = [...text];
          for (const [pick, star] of picks) pattern[pick % pattern.length] = star ? '*' : '?';
          expect(globMatch(pattern.join(''), text)).toBe(true);
          // A literal the text lacks can never be matched, whatever the wildcards around it.
          expect(globMatch(`${pattern.join('')}\u0001`, text)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
