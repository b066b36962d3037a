// The findings chart's numbers, apart from its drawing (findingsChart.ts) so they can be tested without a DOM.
import { isShownType, type PhiType } from './phiTypes.ts';

const HOUR = 3_600_000;

/** One bar: findings per type created in [start, end). */
export interface ChartBucket {
  start: Date;
  end: Date;
  label: string;
  counts: Partial<Record<PhiType, number>>;
  total: number;
}

export interface ChartData {
  unit: 'day' | 'hour';
  buckets: ChartBucket[];
  /** Findings that fell into a bucket. */
  total: number;
}

/**
 * Buckets findings by creation time: by hour over the last 24 hours (this hour and the 23 before) when
 * every finding falls in them, else by local day over the last 7 days (today included). Older findings
 * are left out; newer ones (a server clock ahead of this one) count in the last bucket.
 */
export function bucketFindings(
  findings: readonly { type: string; createdAt: string }[],
  now: Date = new Date(),
): ChartData {
  const times = findings.map((f) => Date.parse(f.createdAt));
  const hours = hourBuckets(now);
  const firstHour = hours[0]?.start.getTime() ?? now.getTime();
  const byHour = times.length > 0 && times.every((t) => t >= firstHour);
  const buckets = byHour ? hours : dayBuckets(now);
  let total = 0;
  findings.forEach((finding, index) => {
    const time = times[index] ?? Number.NaN;
    const last = buckets[buckets.length - 1];
    const bucket = buckets.find((b) => time >= b.start.getTime() && (time < b.end.getTime() || b === last));
    if (!bucket || !isShownType(finding.type)) return;
    bucket.counts[finding.type] = (bucket.counts[finding.type] ?? 0) + 1;
    bucket.total += 1;
    total += 1;
  });
  return { unit: byHour ? 'hour' : 'day', buckets, total };
}

function hourBuckets(now: Date): ChartBucket[] {
  const thisHour = new Date(now);
  thisHour.setMinutes(0, 0, 0);
  return Array.from({ length: 24 }, (_, i) => {
    const start = new Date(thisHour.getTime() - (23 - i) * HOUR);
    return {
      start,
      end: new Date(start.getTime() + HOUR),
      label: start.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }),
      counts: {},
      total: 0,
    };
  });
}

function dayBuckets(now: Date): ChartBucket[] {
  const today = new Date(now);
  today.setHours(0, 0, 0, 0);
  return Array.from({ length: 7 }, (_, i) => {
    // Calendar arithmetic, not 24-hour steps: a day with a clock change is 23 or 25 hours long.
    const start = new Date(today);
    start.setDate(today.getDate() - (6 - i));
    const end = new Date(start);
    end.setDate(start.getDate() + 1);
    return {
      start,
      end,
      label: start.toLocaleDateString(undefined, { month: 'short', day: 'numeric' }),
      counts: {},
      total: 0,
    };
  });
}

/** The first instant the chart covers: 7 local days back, for the Findings query's createdAfter. */
export function chartWindowStart(now: Date = new Date()): Date {
  return dayBuckets(now)[0]?.start ?? now;
}
