import { h } from './dom.ts';

/** "NAME 3, DATE 1" as a list; "none" when a finished job found nothing; "—" before it has counts. */
export function countsList(
  counts: readonly { type: string; count: number }[] | null,
  findingCount: number | null,
): HTMLElement | string {
  if (!counts || counts.length === 0)
    return findingCount === 0 ? 'none' : findingCount === null ? '—' : String(findingCount);
  return h('ul', { class: 'counts' }, ...counts.map((c) => h('li', { 'data-type': c.type }, `${c.type} ${c.count}`)));
}
