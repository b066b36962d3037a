import type { CorpusDoc } from '../../bench/corpus/types.ts';

/** The text outside every gold span, each span replaced by a mark (█) that matches no word or number. */
export function unannotated(doc: CorpusDoc): string {
  let out = '';
  let pos = 0;
  for (const s of doc.spans) {
    out += doc.text.slice(pos, s.start) + '\u2588';
    pos = s.end;
  }
  return out + doc.text.slice(pos);
}
