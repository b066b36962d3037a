import { describe, expect, it } from 'vitest';
import { bucketFindings, chartWindowStart } from '../../../console/src/chartData.ts';

// The History chart's numbers: by hour when every finding is from the last 24 hours, else by day over 7.

const at = (base: Date, hoursAgo: number) => new Date(base.getTime() - hoursAgo * 3_600_000).toISOString();

describe('bucketFindings', () => {
  const now = new Date(2026, 10, 28, 15, 30);

  it('counts by hour and type when every finding is from the last 24 hours', () => {
    const data = bucketFindings(
      [
        { type: 'NAME', createdAt: at(now, 0.2) },
        { type: 'NAME', createdAt: at(now, 0.25) },
        { type: 'DATE', createdAt: at(now, 5) },
      ],
      now,
    );
    expect(data.unit).toBe('hour');
    expect(data.buckets).toHaveLength(24);
    expect(data.total).toBe(3);
    expect(data.buckets.at(-1)?.counts).toEqual({ NAME: 2 });
    expect(data.buckets.at(-6)?.counts).toEqual({ DATE: 1 });
  });

  it('counts by local day over 7 days when any finding is older than the hours shown', () => {
    const data = bucketFindings(
      [
        { type: 'NAME', createdAt: at(now, 1) },
        { type: 'ID', createdAt: at(now, 24 * 3) },
        { type: 'ID', createdAt: at(now, 24 * 30) },
      ],
      now,
    );
    expect(data.unit).toBe('day');
    expect(data.buckets).toHaveLength(7);
    expect(data.total).toBe(2);
    expect(data.buckets.at(-1)?.counts).toEqual({ NAME: 1 });
    expect(data.buckets.at(-4)?.counts).toEqual({ ID: 1 });
  });

  it('puts a finding from a server clock slightly ahead into the last bar, and starts the window 7 days back', () => {
    const data = bucketFindings([{ type: 'EMAIL', createdAt: at(now, -0.9) }], now);
    expect(data.buckets.at(-1)?.total).toBe(1);
    expect(chartWindowStart(now)).toEqual(new Date(2026, 10, 22));
    expect(bucketFindings([], now).unit).toBe('day');
  });
});
