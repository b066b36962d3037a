import { describe, expect, it } from 'vitest';
import type { Template } from 'aws-cdk-lib/assertions';
import { INPUT_PREFIXES } from '../../infra/constructs/JobStorage.ts';
import { termsRefOf } from '../../src/core/maskImageJob.ts';
import { inMemoryJobServices } from '../helpers/jobServices.ts';
import { synthTestStack } from './synthTestStack.ts';

// Lifecycles that agree: what a job leaves in S3 (masked images in the output bucket, masked texts too big for a
// record under results/ in the input bucket) expires with the job record, after retentionDays, the same setting
// as the records' TTL (HDM_RECORD_TTL_DAYS); inputs (uploads, inline images and their terms, OCR copies) sooner.

interface Rule {
  Prefix?: string;
  ExpirationInDays?: number;
  Status: string;
}

function bucketRules(template: Template, logicalIdStart: string): Rule[] {
  const [bucket] = Object.entries(template.findResources('AWS::S3::Bucket'))
    .filter(([id]) => id.startsWith(logicalIdStart))
    .map(([, resource]) => resource);
  return (bucket?.Properties.LifecycleConfiguration as { Rules: Rule[] }).Rules;
}

/** The day S3 expires a key: the shortest expiration of the enabled rules whose prefix it has (S3's rule for overlaps). */
function expiryDays(rules: Rule[], key: string): number | undefined {
  const days = rules
    .filter(
      (rule) => rule.Status === 'Enabled' && rule.ExpirationInDays !== undefined && key.startsWith(rule.Prefix ?? ''),
    )
    .map((rule) => rule.ExpirationInDays as number);
  return days.length > 0 ? Math.min(...days) : undefined;
}

function recordTtlDays(template: Template): number[] {
  return Object.values(template.findResources('AWS::Lambda::Function'))
    .map(
      (fn) =>
        (fn.Properties.Environment as { Variables: Record<string, string> } | undefined)?.Variables.HDM_RECORD_TTL_DAYS,
    )
    .filter((value): value is string => value !== undefined)
    .map(Number);
}

describe('S3 lifecycles and the job record TTL', () => {
  it.each([
    [{}, 30, 7],
    [{ retentionDays: 45, inputRetentionDays: 10 }, 45, 10],
    [{ retentionDays: 3, inputRetentionDays: 3 }, 3, 3],
  ])(
    'with %o, results and masked images expire after the record TTL (%i days), inputs after %i',
    async (settings, days, inputDays) => {
      const { template } = await synthTestStack(settings);
      expect(new Set(recordTtlDays(template))).toEqual(new Set([days]));
      const input = bucketRules(template, 'StorageInputBucket');
      const output = bucketRules(template, 'StorageOutputBucket');
      // Keys as the code writes them (src/core/maskTextJob.ts storeResult, processImageJob, maskImageJob).
      expect(expiryDays(input, 'results/job-1/masked.txt')).toBe(days);
      expect(expiryDays(output, 'masked/job-1/image.png')).toBe(days);
      for (const key of ['uploads/0123abcd/5f1d', 'inputs/job-1/image', 'inputs/job-1/terms.json', 'ocr/5f1d.png']) {
        expect(expiryDays(input, key), key).toBe(inputDays);
      }
    },
  );

  it("names every input prefix the code writes, the terms' among them, and no result prefix", () => {
    const { services } = inMemoryJobServices();
    expect(INPUT_PREFIXES).toEqual(['uploads/', 'inputs/', 'ocr/']);
    expect(INPUT_PREFIXES.some((prefix) => termsRefOf(services, 'job-1').key.startsWith(prefix))).toBe(true);
    expect(INPUT_PREFIXES.some((prefix) => 'results/job-1/masked.txt'.startsWith(prefix))).toBe(false);
  });
});
