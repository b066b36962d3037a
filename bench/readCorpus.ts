// Gold corpora and prediction files in the shared benchmark's JSONL formats, validated record by
// record. Messages name the line and the problem, never the text, ids or span contents.
import { PHI_TYPES } from '../src/core/PhiEntity.ts';
import { JsonlError, readJsonl, type JsonlRecord } from './jsonl.ts';
import type { GoldDoc, GoldSpan, PredSpan } from './score.ts';

export interface Corpus {
  docs: GoldDoc[];
  warnings: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isOffset = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function toGoldSpan(v: unknown, textLength: number, where: () => JsonlError): GoldSpan {
  if (!isObject(v) || !isOffset(v.start) || !isOffset(v.end)) throw where();
  if (v.start >= v.end || v.end > textLength) throw where();
  if (typeof v.type !== 'string' || !v.type) throw where();
  return { start: v.start, end: v.end, type: v.type };
}

/** Validate parsed corpus records: `{id, text, spans: [{start, end, type}], style?}`, unique ids. */
export function parseCorpus(records: readonly JsonlRecord[], source: string): Corpus {
  const firstLine = new Map<string, number>();
  const docs: GoldDoc[] = [];
  let unknownTypes = 0;
  for (const { line, value: v } of records) {
    const fail = (reason: string) => new JsonlError(source, line, reason);
    if (!isObject(v) || typeof v.id !== 'string' || typeof v.text !== 'string' || !Array.isArray(v.spans)) {
      throw fail('expected {"id": string, "text": string, "spans": [...]}');
    }
    const seen = firstLine.get(v.id);
    if (seen !== undefined) throw fail(`duplicate id (first used on line ${seen})`);
    firstLine.set(v.id, line);
    const text = v.text;
    const spans = v.spans.map((s, k) =>
      toGoldSpan(s, text.length, () =>
        fail(`span ${k + 1}: needs integer 0 <= start < end <= text length (${text.length}) and a type`),
      ),
    );
    unknownTypes += spans.filter((s) => !(PHI_TYPES as readonly string[]).includes(s.type)).length;
    docs.push({ id: v.id, text, spans, ...(typeof v.style === 'string' ? { style: v.style } : {}) });
  }
  const warnings = unknownTypes ? [`${unknownTypes} gold spans have a type outside ${PHI_TYPES.join(', ')}`] : [];
  return { docs, warnings };
}

export function readCorpus(file: string): Corpus {
  return parseCorpus(readJsonl(file), file);
}

export interface Predictions {
  byId: Map<string, PredSpan[]>;
  warnings: string[];
}

/** Validate prediction records `{id, spans: [{start, end, type?}]}` against the corpus ids. */
export function parsePredictions(
  records: readonly JsonlRecord[],
  source: string,
  docs: readonly GoldDoc[],
): Predictions {
  const ids = new Set(docs.map((d) => d.id));
  const byId = new Map<string, PredSpan[]>();
  let unknown = 0;
  for (const { line, value: v } of records) {
    const fail = (reason: string) => new JsonlError(source, line, reason);
    if (!isObject(v) || typeof v.id !== 'string' || !Array.isArray(v.spans))
      throw fail('expected {"id": string, "spans": [...]}');
    if (byId.has(v.id)) throw fail('duplicate id');
    if (!ids.has(v.id)) {
      unknown++;
      continue;
    }
    byId.set(
      v.id,
      v.spans.map((s, k) => {
        if (!isObject(s) || !Number.isInteger(s.start) || !Number.isInteger(s.end))
          throw fail(`span ${k + 1}: needs integer start and end`);
        if (s.type !== undefined && s.type !== null && typeof s.type !== 'string')
          throw fail(`span ${k + 1}: type must be a string`);
        return { start: s.start as number, end: s.end as number, type: (s.type as string | null) ?? undefined };
      }),
    );
  }
  const missing = docs.filter((d) => !byId.has(d.id)).length;
  return {
    byId,
    warnings: [
      ...(unknown ? [`${unknown} prediction records have ids not in the corpus (ignored)`] : []),
      ...(missing ? [`${missing} corpus docs have no prediction record (scored as no spans)`] : []),
    ],
  };
}

export function readPredictions(file: string, docs: readonly GoldDoc[]): Predictions {
  return parsePredictions(readJsonl(file), file, docs);
}
