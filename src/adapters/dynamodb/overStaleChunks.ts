import type { Finding } from '../../core/Job.ts';
import { isExpired } from './expiry.ts';
import { planFindingWrites, type FindingWrite } from './findingChunks.ts';
import type { Item } from './jobItems.ts';

/**
 * The writes that merge `findings` into a job's live chunk items. Chunk items of an expired job under the
 * same id (a clientToken's id used again, before TTL deleted them) are not merged: a put over one is
 * conditional on its revision, as over a live one; the rest stay, read as gone, until TTL deletes them.
 */
export function overStaleChunks(
  stored: readonly Item[],
  findings: readonly Finding[],
  nowSeconds: number,
): FindingWrite[] {
  const stale = new Map(stored.filter((item) => isExpired(item, nowSeconds)).map((item) => [item.SK as string, item]));
  return planFindingWrites(
    stored.filter((item) => !isExpired(item, nowSeconds)),
    findings,
  ).map((write) => {
    const old =
      write.kind === 'put' && write.expectedRev === undefined ? stale.get(write.item.SK as string) : undefined;
    if (!old || write.kind !== 'put') return write;
    const rev = typeof old.rev === 'number' ? old.rev : 0;
    return { ...write, item: { ...write.item, rev: rev + 1 }, expectedRev: rev };
  });
}
