import type { Candidate, SafeSpan } from './Candidate.ts';

const TITLED = 0.95;

/**
 * Turns overlapping proposals into disjoint spans. The strongest proposal claims a region and its type;
 * weaker overlapping ones that still pass 0.5 widen it (recall first: a partly masked name leaks), the
 * rest are dropped. Safe spans (eponyms, codes) veto weaker name, place and job proposals inside them.
 */
export function resolveCandidates(text: string, candidates: Candidate[], safe: SafeSpan[]): Candidate[] {
  const vetoed = vetoTest(safe);
  const kept = candidates
    .map((c) => trim(text, c))
    .filter((c): c is Candidate => c !== undefined && c.score > 0 && !vetoed(c))
    .sort((a, b) => a.start - b.start);
  const accepted: Candidate[] = [];
  // Overlaps only matter inside a cluster of chained overlapping spans; clusters are small, texts are not.
  for (const cluster of clusters(kept)) accepted.push(...resolveCluster(cluster));
  return mergeOverlaps(
    text,
    accepted.sort((a, b) => a.start - b.start),
  );
}

function* clusters(sorted: Candidate[]): Generator<Candidate[]> {
  let current: Candidate[] = [];
  let end = -1;
  for (const c of sorted) {
    if (current.length > 0 && c.start >= end) {
      yield current;
      current = [];
    }
    current.push(c);
    end = current.length === 1 ? c.end : Math.max(end, c.end);
  }
  if (current.length > 0) yield current;
}

function resolveCluster(cluster: Candidate[]): Candidate[] {
  if (cluster.length === 1) return [{ ...(cluster[0] as Candidate) }];
  const byStrength = [...cluster].sort(
    (a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const accepted: Candidate[] = [];
  for (const c of byStrength) {
    const hit = accepted.find((a) => a.start < c.end && c.start < a.end);
    if (!hit) accepted.push({ ...c });
    else if (c.score >= 0.5 || c.type === hit.type) {
      hit.start = Math.min(hit.start, c.start);
      hit.end = Math.max(hit.end, c.end);
    }
  }
  return accepted;
}

/** A candidate is vetoed when a safe span holds it whole; safe spans are sorted once for binary search. */
function vetoTest(safe: SafeSpan[]): (c: Candidate) => boolean {
  const sorted = [...safe].sort((a, b) => a.start - b.start);
  return (c) => {
    if (c.type !== 'NAME' && c.type !== 'ADDRESS' && c.type !== 'PROFESSION') return false;
    if (c.score >= TITLED) return false;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid]?.start ?? 0) <= c.start) lo = mid + 1;
      else hi = mid;
    }
    // Safe spans are short: the few that start at or before c.start decide.
    for (let k = lo - 1; k >= 0 && k >= lo - 4; k--) if ((sorted[k]?.end ?? 0) >= c.end) return true;
    return false;
  };
}

/**
 * Widening can make two accepted spans touch or overlap; fold them into the stronger one. Address parts
 * split only by a comma ("12 Oak St, Apt 4, Salem, MA 01970") become one address, as DetectPHI reports it.
 */
function mergeOverlaps(text: string, sorted: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    // "Sunday, May 22, 2016" is one date, as "12 Oak St, Apt 4" is one address.
    const commaParts =
      last?.type === c.type &&
      (c.type === 'ADDRESS' || c.type === 'DATE') &&
      /^,\s*$/.test(text.slice(last.end, c.start));
    if (last && (c.start < last.end || commaParts)) {
      last.end = Math.max(last.end, c.end);
      if (c.score > last.score) Object.assign(last, { type: c.type, score: c.score, traits: c.traits });
    } else out.push(c);
  }
  return out;
}

/** "'10" keeps its apostrophe: it is the year. */
function isYearApostrophe(text: string, at: number): boolean {
  return (text[at] === "'" || text[at] === '’') && /^\d{2}\b/.test(text.slice(at + 1, at + 4));
}

/** A closing bracket with its opening one, the period of a final initial ("Maria L."), a URL's slash. */
function keepsLastChar(text: string, c: Candidate, start: number, end: number): boolean {
  const last = text[end - 1];
  if (last === ')') return text.lastIndexOf('(', end) >= start;
  if (last === '.' && c.type === 'NAME') return /(?:^|[\s,])\p{Lu}\.$/u.test(text.slice(Math.max(start, end - 3), end));
  return last === '/' && c.type === 'URL';
}

const EDGE = /[\s,.;:!?()[\]{}"'`<>|/\\-]/;

/** Spans never start or end with white space or punctuation (a trailing "." of "Dr." stays out too). */
function trim(text: string, c: Candidate): Candidate | undefined {
  let { start, end } = c;
  while (
    start < end &&
    EDGE.test(text[start] ?? '') &&
    text[start] !== '+' &&
    text[start] !== '(' &&
    !isYearApostrophe(text, start)
  )
    start++;
  while (end > start && EDGE.test(text[end - 1] ?? '') && !keepsLastChar(text, c, start, end)) end--;
  if (end <= start) return undefined;
  return start === c.start && end === c.end ? c : { ...c, start, end };
}
