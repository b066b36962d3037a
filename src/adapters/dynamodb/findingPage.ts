import type { Finding, Page } from '../../core/Job.ts';
import { chunkGroupOf, findingsOfChunk } from './findingChunks.ts';
import type { Item } from './jobItems.ts';
import { encodePageToken, pageKeyOf } from './pageToken.ts';
import type { QueryPlan } from './queryPlan.ts';

/**
 * Builds one page of findings from chunk items fed in query order (both adapters feed it: DynamoDB from
 * Query pages, memory from its sorted items). Items of one chunk group (a job's seq range, across types)
 * arrive together; their findings interleave by seq, so a group is expanded only once it is complete:
 * when an item of the next group arrives, or the input ends. The page is done once more than `limit`
 * findings are out: the extra one only says that a token is due, and the token names the chunk item and
 * seq of the last finding returned, so the next page restarts at that group and skips up to that seq.
 */
export class FindingPageBuilder {
  private readonly out: { finding: Finding; item: Item }[] = [];
  private pending: Item[] = [];
  private pendingGroup?: string;
  private done = false;

  constructor(
    private readonly plan: QueryPlan,
    private readonly limit: number,
  ) {}

  /** Adds the next chunk item; returns true when the page is complete and reading may stop. */
  add(item: Item): boolean {
    if (this.done) return true;
    const group = chunkGroupOf(this.plan.index, item[this.plan.sortKey] as string);
    if (this.pendingGroup !== undefined && group !== this.pendingGroup) this.flush();
    if (this.out.length > this.limit) return (this.done = true);
    this.pending.push(item);
    this.pendingGroup = group;
    // On GSI2 a group is a single item: expand it at once instead of reading the next one to find out.
    if (this.plan.index === 'GSI2') this.flush();
    return (this.done = this.out.length > this.limit);
  }

  /** The page, once the input has ended or `add` said it is complete. */
  finish(): Page<Finding> {
    if (!this.done) this.flush();
    const page = this.out.slice(0, this.limit);
    const last = page[page.length - 1];
    const items = page.map((entry) => entry.finding);
    if (this.out.length <= this.limit || !last) return { items };
    return {
      items,
      nextToken: encodePageToken(this.plan.index, pageKeyOf(last.item, this.plan.keyNames), last.finding.seq),
    };
  }

  private flush(): void {
    const group = this.pendingGroup;
    const entries = this.pending.flatMap((item) => findingsOfChunk(item).map((finding) => ({ finding, item })));
    this.pending = [];
    this.pendingGroup = undefined;
    const direction = this.plan.ascending ? 1 : -1;
    entries.sort((a, b) => (a.finding.seq - b.finding.seq) * direction);
    const resume = this.plan.resume?.group === group ? this.plan.resume : undefined;
    let previous: number | undefined;
    for (const entry of entries) {
      const { seq } = entry.finding;
      // A seq twice in a group only while a writer moves it between types: show it once (tokens rely on it).
      if (seq === previous) continue;
      previous = seq;
      if (resume && (seq - resume.seq) * direction <= 0) continue;
      this.out.push(entry);
    }
  }
}
