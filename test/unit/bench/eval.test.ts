// The pure parts of `npm run eval` on a tiny hand-checked corpus, plus the JSONL/corpus readers.
import { describe, expect, it } from 'vitest';
import { evaluate, formatReport } from '../../../bench/evaluate.ts';
import { JsonlError, parseJsonl } from '../../../bench/jsonl.ts';
import { parseCorpus, parsePredictions } from '../../../bench/readCorpus.ts';
import type { GoldDoc, PredSpan } from '../../../bench/score.ts';
import { formatDetails, spanDetails } from '../../../bench/spanDetails.ts';
import { table } from '../../../bench/table.ts';

/** A span over the first occurrence of `piece` in `text`. */
function at(text: string, piece: string, type?: string): { start: number; end: number; type: string } {
  const start = text.indexOf(piece);
  if (start < 0) throw new Error(`no ${piece}`);
  return { start, end: start + piece.length, type: type as string };
}

const A = 'Pt Ann Lee, 42 y/o, call 555-1234.';
const B = 'Dr. Bo Chan saw him on 2021-03-04.';
const docs: GoldDoc[] = [
  {
    id: 'a',
    style: 'note',
    text: A,
    spans: [at(A, 'Ann Lee', 'NAME'), at(A, '42', 'AGE'), at(A, '555-1234', 'PHONE_OR_FAX')],
  },
  { id: 'b', style: 'letter', text: B, spans: [at(B, 'Bo Chan', 'NAME'), at(B, '2021-03-04', 'DATE')] },
];
const preds = new Map<string, PredSpan[]>([
  ['a', [at(A, 'Ann Lee', 'NAME'), at(A, '555', 'ID'), at(A, 'call', 'NAME')]],
  ['b', [at(B, '2021-03-04', 'DATE')]],
]);

describe('evaluate', () => {
  const r = evaluate(docs, preds);

  it('counts the corpus', () => {
    expect(r.corpus).toEqual({ docs: 2, chars: A.length + B.length, goldSpans: 5, predSpans: 4 });
  });

  it('scores entity level, char level and leaks overall', () => {
    const s = r.scores;
    expect(s.entity.agnostic).toMatchObject({ precision: 3 / 4, recall: 3 / 5 });
    expect(s.entity.aware).toMatchObject({ precision: 2 / 4, recall: 2 / 5 });
    expect(s.entity.leakRate).toBeCloseTo(3 / 5, 12); // AGE, the half-masked phone, Bo Chan
    // Non-whitespace chars: gold 6+2+8+6+10 = 32, predicted 6+3+4+10 = 23, both 19; same type 16.
    expect(s.char.agnostic).toMatchObject({ tpR: 19, nR: 32, tpP: 19, nP: 23 });
    expect(s.char.aware).toMatchObject({ tpR: 16, nR: 32, tpP: 16, nP: 23 });
  });

  it('scores per gold type and per predicted type', () => {
    const phone = r.scores.perType.PHONE_OR_FAX!;
    expect(phone.entity.agnostic.recall).toBe(1);
    expect(phone.entity.aware.recall).toBe(0);
    expect(phone.char.agnostic.recall).toBe(3 / 8);
    expect(phone.entity.leakRate).toBe(1);
    const id = r.scores.perType.ID!.entity;
    expect([id.agnostic.nP, id.agnostic.precision, id.aware.precision]).toEqual([1, 1, 0]);
    expect(r.scores.perType.NAME!.entity.agnostic).toMatchObject({ nP: 2, precision: 0.5, nR: 2, recall: 0.5 });
  });

  it('scores per style', () => {
    expect(Object.keys(r.byStyle!)).toEqual(['letter', 'note']);
    expect(r.byStyle!.note).toMatchObject({ docs: 1, goldSpans: 3 });
    expect(r.byStyle!.note!.scores.entity.agnostic.recall).toBe(2 / 3);
    expect(r.byStyle!.letter!.scores.entity.agnostic).toMatchObject({ recall: 1 / 2, precision: 1 });
    expect(
      evaluate(
        docs.map(({ style: _, ...d }) => d),
        preds,
      ).byStyle,
    ).toBeNull();
  });

  it('renders aligned tables with the numbers', () => {
    const text = formatReport(r);
    expect(text).toMatch(/\| entity, type-agnostic \|\s+75\.0 \|\s+60\.0 \|\s+66\.7 \|/);
    expect(text).toMatch(/\| PHONE_OR_FAX \|\s+1 \|\s+100\.0 \|\s+0\.0 \|\s+37\.5 \|\s+100\.0 \|\s+0 \|\s+– \|\s+– \|/);
    expect(text).toContain('Leak rate: 60.0% of gold spans (3)');
    expect(text).toMatch(/\| note\s+\|\s+1 \|\s+3 \|\s+66\.7 \|/);
  });
});

describe('spanDetails', () => {
  it('lists leaked and spurious spans with context, up to the limit', () => {
    const d = spanDetails(docs, preds, 10);
    expect(d.missed.map((m) => [m.id, m.type, m.partly])).toEqual([
      ['a', 'AGE', false],
      ['a', 'PHONE_OR_FAX', true],
      ['b', 'NAME', false],
    ]);
    expect(d.missed[0]!.context).toBe('Pt Ann Lee, ⟦42⟧ y/o, call 555-1234.');
    expect(d.spurious.map((s) => [s.type, s.context.includes('⟦call⟧')])).toEqual([['NAME', true]]);
    expect(spanDetails(docs, preds, 1).missed).toHaveLength(1);
    expect(formatDetails(d)).toContain('(partly masked)');
  });

  it('escapes newlines and elides long context', () => {
    const text = `${'x'.repeat(40)}\nAnn${'y'.repeat(40)}`;
    const [m] = spanDetails([{ id: 'n', text, spans: [at(text, 'Ann', 'NAME')] }], new Map(), 5).missed;
    expect(m!.context).toBe(`…${'x'.repeat(29)}\\n⟦Ann⟧${'y'.repeat(30)}…`);
  });
});

describe('JSONL and corpus readers', () => {
  it('skips blank lines, accepts CRLF and a BOM, and keeps line numbers', () => {
    expect(parseJsonl('\uFEFF{"a":1}\r\n\n  \n{"a":2}\n', 'f')).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 4, value: { a: 2 } },
    ]);
  });

  it('names the line of bad JSON without echoing it', () => {
    const err = (() => {
      try {
        parseJsonl('{"id":"x"}\n{"text": "Ann Lee SECRET"', 'c.jsonl');
      } catch (e) {
        return e as JsonlError;
      }
    })();
    expect(err).toBeInstanceOf(JsonlError);
    expect(err!.line).toBe(2);
    expect(err!.message).toMatch(/^c\.jsonl:2: not valid JSON/);
    expect(err!.message).not.toContain('SECRET');
  });

  const corpus = (lines: string) => () => parseCorpus(parseJsonl(lines, 'c.jsonl'), 'c.jsonl');
  it('rejects bad records, spans and duplicate ids by line', () => {
    const ok = '{"id":"a","text":"Ann","spans":[{"start":0,"end":3,"type":"NAME"}]}';
    expect(corpus(`${ok}\n{"id":"b","text":"SECRET"}`)).toThrow(/^c\.jsonl:2: expected/);
    expect(corpus(`${ok}\n\n{"id":"b","text":"SECRET","spans":[{"start":0,"end":9,"type":"NAME"}]}`)).toThrow(
      /^c\.jsonl:3: span 1: .*\(6\)/,
    );
    expect(corpus(`${ok}\n{"id":"b","text":"SECRET","spans":[{"start":2,"end":2,"type":"NAME"}]}`)).toThrow(
      /c\.jsonl:2: span 1/,
    );
    expect(corpus(`${ok}\n${ok}`)).toThrow(/^c\.jsonl:2: duplicate id \(first used on line 1\)/);
    expect(
      corpus(`${ok}\n{"id":"b","text":"x","spans":[{"start":0,"end":1,"type":"OTHER"}],"style":"s"}`)(),
    ).toMatchObject({
      docs: [{ id: 'a' }, { id: 'b', style: 's' }],
      warnings: [expect.stringMatching(/^1 gold spans have a type outside/)],
    });
  });

  it('reads predictions, with or without types, and reports unknown and missing ids', () => {
    const p = parsePredictions(
      parseJsonl(
        '{"id":"a","spans":[{"start":0,"end":3},{"start":4,"end":5,"type":"ID"}]}\n{"id":"zz","spans":[]}',
        'p',
      ),
      'p',
      docs,
    );
    expect(p.byId.get('a')).toEqual([
      { start: 0, end: 3, type: undefined },
      { start: 4, end: 5, type: 'ID' },
    ]);
    expect(p.warnings).toEqual([
      '1 prediction records have ids not in the corpus (ignored)',
      '1 corpus docs have no prediction record (scored as no spans)',
    ]);
    expect(() => parsePredictions(parseJsonl('{"id":"a","spans":[{"start":"0","end":3}]}', 'p'), 'p', docs)).toThrow(
      /^p:1: span 1/,
    );
  });
});

describe('table', () => {
  it('pads every row to the same width', () => {
    const lines = table(
      ['type', 'n'],
      [
        ['NAME', '12'],
        ['ID', '3'],
      ],
    ).split('\n');
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(lines[1]).toBe('|:-----|----:|');
    expect(lines[3]).toBe('| ID   |   3 |');
  });
});
