import {
  ComprehendMedicalClient,
  DetectPHICommand,
  type DetectPHICommandInput,
  type DetectPHICommandOutput,
  type Entity,
  InternalServerException,
  InvalidEncodingException,
  TextSizeLimitExceededException,
  TooManyRequestsException,
} from '@aws-sdk/client-comprehendmedical';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ComprehendMedicalDetector,
  type ComprehendMedicalDetectorOptions,
} from '../../../../src/adapters/aws/ComprehendMedicalDetector.ts';
import { HdmError, InvalidInputError, ThrottledError } from '../../../../src/core/errors.ts';
import { utf8Length } from '../../../../src/core/utf8Length.ts';

const comprehend = mockClient(ComprehendMedicalClient);
afterEach(() => comprehend.reset());

const noWait = { sleep: async () => {}, random: () => 0.5 };
const detector = (options: ComprehendMedicalDetectorOptions = {}) =>
  new ComprehendMedicalDetector({
    client: new ComprehendMedicalClient({ region: 'us-east-1' }),
    ...options,
    retry: { ...noWait, ...options.retry },
  });

/** Synthetic names the fake service "knows". */
const NAMES = ['Marla Quenby', 'Tobias Vrell', 'Odile Farnsworth'];

/**
 * A stand-in for DetectPHI that finds the known names in the text it is sent and answers in the API's
 * shape (aws-facts.md §2), with offsets counted in code points as documented. It refuses texts of
 * 20,000 bytes or more, as the service does.
 */
function fakeDetectPhi(sent: string[] = []) {
  return (input: DetectPHICommandInput): DetectPHICommandOutput => {
    const text = input.Text ?? '';
    sent.push(text);
    if (utf8Length(text) >= 20_000) throw new TextSizeLimitExceededException({ message: 'too big', $metadata: {} });
    const entities: Entity[] = [];
    for (const name of NAMES) {
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
        const begin = [...text.slice(0, at)].length; // code points before the name
        entities.push({
          Id: entities.length,
          BeginOffset: begin,
          EndOffset: begin + [...name].length,
          Score: 0.97,
          Text: name,
          Category: 'PROTECTED_HEALTH_INFORMATION',
          Type: 'NAME',
          Traits: [],
        });
      }
    }
    return { Entities: entities, ModelVersion: '0.1.0', $metadata: {} };
  };
}

function expectConsistent(
  text: string,
  entities: { BeginOffset: number; EndOffset: number; Text: string; Id: number }[],
) {
  entities.forEach((e, i) => {
    expect(e.Id).toBe(i);
    expect(text.slice(e.BeginOffset, e.EndOffset)).toBe(e.Text);
  });
}

/** A long synthetic note: filler sentences with names placed at given offsets. */
function longNote(length: number, names: { at: number; name: string }[]): string {
  let text = '';
  const filler = 'The patient reported mild discomfort after the procedure and was advised to rest. ';
  for (const { at, name } of [...names].sort((a, b) => a.at - b.at)) {
    while (text.length < at) text += filler.slice(0, Math.min(filler.length, at - text.length));
    text += name;
  }
  while (text.length < length) text += filler;
  return text;
}

describe('ComprehendMedicalDetector', () => {
  it('maps a single response to PhiEntity with the same Text, type and traits', async () => {
    comprehend.on(DetectPHICommand).resolves({
      ModelVersion: '0.1.0',
      Entities: [
        {
          Id: 0,
          BeginOffset: 11,
          EndOffset: 21,
          Score: 0.998,
          Text: 'Marla Quen',
          Category: 'PROTECTED_HEALTH_INFORMATION',
          Type: 'NAME',
          Traits: [],
        },
        {
          Id: 1,
          BeginOffset: 25,
          EndOffset: 27,
          Score: 0.99,
          Text: '97',
          Category: 'PROTECTED_HEALTH_INFORMATION',
          Type: 'AGE',
          Traits: [{ Name: 'LOW_CONFIDENCE', Score: 0.9 }],
        },
        {
          Id: 2,
          BeginOffset: 40,
          EndOffset: 47,
          Score: 0.38,
          Text: 'Seattle',
          Category: 'PROTECTED_HEALTH_INFORMATION',
          Type: 'ADDRESS',
          Traits: [],
        },
        {
          Id: 3,
          BeginOffset: 0,
          EndOffset: 7,
          Score: 0.9,
          Text: 'Patient',
          Category: 'PROTECTED_HEALTH_INFORMATION',
          Type: 'CONTACT_POINT',
          Traits: [],
        },
      ],
    });
    const text = 'Patient is Marla Quen, a 97-year-old of Seattle.';
    const entities = await detector().detect(text);
    expect(entities.map((e) => [e.Type, e.Text, e.Score])).toEqual([
      ['NAME', 'Marla Quen', 0.998],
      ['AGE', '97', 0.99],
      ['ADDRESS', 'Seattle', 0.38],
    ]);
    expect(entities[1]?.Traits).toEqual([{ Name: 'LOW_CONFIDENCE', Score: 0.9 }]);
    expect(entities.every((e) => e.Category === 'PROTECTED_HEALTH_INFORMATION')).toBe(true);
    expectConsistent(text, entities);
    expect(comprehend.commandCalls(DetectPHICommand)[0]?.args[0].input).toEqual({ Text: text });
  });

  it('filters by minScore and types after detection', async () => {
    comprehend.on(DetectPHICommand).resolves({
      Entities: [
        {
          Id: 0,
          BeginOffset: 0,
          EndOffset: 4,
          Score: 0.9,
          Text: 'Jane',
          Type: 'NAME',
          Category: 'PROTECTED_HEALTH_INFORMATION',
          Traits: [],
        },
        {
          Id: 1,
          BeginOffset: 5,
          EndOffset: 7,
          Score: 0.3,
          Text: '44',
          Type: 'AGE',
          Category: 'PROTECTED_HEALTH_INFORMATION',
          Traits: [],
        },
      ],
    });
    expect((await detector().detect('Jane 44', { minScore: 0.5 })).map((e) => e.Text)).toEqual(['Jane']);
    expect((await detector().detect('Jane 44', { types: ['AGE'] })).map((e) => [e.Text, e.Id])).toEqual([['44', 0]]);
    expect(await detector().detect('Jane 44', { types: [] })).toEqual([]);
  });

  describe('generic care units (DetectPHI reports units and wards within a facility as ADDRESS)', () => {
    const text = 'Seen by Ed in the MICU, moved to Ellison 10, then bed 3.';
    const at = (phrase: string, Type: Entity['Type'], Score = 0.9): Entity => {
      const begin = text.indexOf(phrase);
      return {
        Id: 0,
        BeginOffset: begin,
        EndOffset: begin + phrase.length,
        Score,
        Text: phrase,
        Type,
        Category: 'PROTECTED_HEALTH_INFORMATION',
        Traits: [],
      };
    };
    const respond = () =>
      comprehend.on(DetectPHICommand).resolves({
        Entities: [at('Ed', 'NAME'), at('MICU', 'ADDRESS'), at('Ellison 10', 'ADDRESS'), at('bed 3', 'ADDRESS')],
        ModelVersion: '0.1.0',
      });

    it('drops ADDRESS entities that are only a generic unit by default; named wards and other types (a name "Ed") stay', async () => {
      respond();
      for (const options of [{}, { maskCareUnits: false }]) {
        const entities = await detector().detect(text, options);
        expect(entities.map((e) => [e.Type, e.Text])).toEqual([
          ['NAME', 'Ed'],
          ['ADDRESS', 'Ellison 10'],
        ]);
        expectConsistent(text, entities);
      }
    });

    it('keeps them with maskCareUnits', async () => {
      respond();
      const entities = await detector().detect(text, { maskCareUnits: true });
      expect(entities.map((e) => e.Text)).toEqual(['Ed', 'MICU', 'Ellison 10', 'bed 3']);
      expectConsistent(text, entities);
    });
  });

  it('makes no call for empty or blank text', async () => {
    comprehend.on(DetectPHICommand).callsFake(fakeDetectPhi());
    expect(await detector().detect('')).toEqual([]);
    expect(await detector().detect('   \n ')).toEqual([]);
    expect(comprehend.commandCalls(DetectPHICommand)).toHaveLength(0);
  });

  it('converts code point offsets to UTF-16 offsets after multibyte and astral characters', async () => {
    comprehend.on(DetectPHICommand).callsFake(fakeDetectPhi());
    const text = 'Café 中文 😀 note 𝔘𝔘: Marla Quenby 😀😀 seen by Tobias Vrell. 中 Odile Farnsworth';
    const entities = await detector().detect(text);
    expect(entities.map((e) => e.Text)).toEqual(['Marla Quenby', 'Tobias Vrell', 'Odile Farnsworth']);
    expectConsistent(text, entities);
    expect(entities[0]?.BeginOffset).toBe(text.indexOf('Marla'));
  });

  it('uses the offsets as UTF-16 units when only that reading reproduces the entity Text', async () => {
    // Guard against the service counting differently from its documentation.
    const text = '😀 Marla Quenby';
    comprehend.on(DetectPHICommand).resolves({
      Entities: [
        {
          Id: 0,
          BeginOffset: 3,
          EndOffset: 15,
          Score: 0.9,
          Text: 'Marla Quenby',
          Type: 'NAME',
          Category: 'PROTECTED_HEALTH_INFORMATION',
          Traits: [],
        },
      ],
    });
    const [entity] = await detector().detect(text);
    expect(entity?.Text).toBe('Marla Quenby');
    expect(entity?.BeginOffset).toBe(3);
  });

  it('splits a 60 KB note below the limit, finds names on chunk boundaries whole, once each', async () => {
    const sent: string[] = [];
    comprehend.on(DetectPHICommand).callsFake(fakeDetectPhi(sent));
    const placed = [
      { at: 100, name: 'Marla Quenby' },
      { at: 18_995, name: 'Tobias Vrell' }, // straddles the first hard limit
      { at: 30_000, name: 'Odile Farnsworth' },
      { at: 37_990, name: 'Marla Quenby' },
      { at: 59_000, name: 'Tobias Vrell' },
    ];
    const text = longNote(60_000, placed);
    const entities = await detector().detect(text);
    expect(sent.length).toBeGreaterThanOrEqual(4);
    for (const chunk of sent) expect(utf8Length(chunk)).toBeLessThanOrEqual(19_000);
    expect(entities.map((e) => [e.BeginOffset, e.Text])).toEqual(placed.map((p) => [p.at, p.name]));
    expectConsistent(text, entities);
  });

  it('sends a name cut by a whitespace boundary whole in the next chunk (text without sentence ends)', async () => {
    const sent: string[] = [];
    comprehend.on(DetectPHICommand).callsFake(fakeDetectPhi(sent));
    // No punctuation, so chunks end at whitespace; names every 331 characters straddle many cuts.
    let text = '';
    const at: number[] = [];
    while (text.length < 20_000) {
      text += 'word '.repeat(64);
      at.push(text.length);
      text += 'Odile Farnsworth ';
    }
    const entities = await detector({ maxBytes: 1_000, overlapChars: 40 }).detect(text);
    expect(sent.some((chunk) => /Odile $/.test(chunk))).toBe(true); // some cut does fall inside a name
    expect(entities.map((e) => e.BeginOffset)).toEqual(at);
    expectConsistent(text, entities);
  });

  it('places names exactly on every chunk boundary of a multibyte, astral note', async () => {
    const sent: string[] = [];
    comprehend.on(DetectPHICommand).callsFake(fakeDetectPhi(sent));
    const unit = 'Résumé 中文 😀 𝔘 nota. ';
    let text = '';
    while (text.length < 30_000) text += unit;
    // Find where the first pass cuts, then put a name across each cut.
    await detector({ maxBytes: 5_000 }).detect(text);
    const cuts: number[] = [];
    let offset = 0;
    for (const chunk of sent.slice(0, -1)) {
      const start = text.indexOf(chunk, offset);
      cuts.push(start + chunk.length);
      offset = start + 1;
    }
    expect(cuts.length).toBeGreaterThan(3);
    let withNames = text;
    for (const cut of [...cuts].reverse())
      withNames = `${withNames.slice(0, cut - 4)}Marla Quenby${withNames.slice(cut - 4)}`;
    sent.length = 0;
    const entities = await detector({ maxBytes: 5_000 }).detect(withNames);
    expect(entities).toHaveLength(cuts.length);
    expect(entities.every((e) => e.Text === 'Marla Quenby')).toBe(true);
    expectConsistent(withNames, entities);
    for (const chunk of sent) {
      expect(utf8Length(chunk)).toBeLessThanOrEqual(5_000);
      expect(chunk).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/); // no split surrogate pair
    }
  });

  it('cuts text without spaces between code points', async () => {
    const sent: string[] = [];
    comprehend.on(DetectPHICommand).callsFake(fakeDetectPhi(sent));
    for (const [prefix, maxBytes] of [
      ['', 1_001],
      ['x', 1_002],
      ['xy', 1_003],
    ] as const) {
      sent.length = 0;
      const text = `${prefix}${'😀'.repeat(3_000)}`; // 12,000 bytes, no whitespace
      expect(await detector({ maxBytes }).detect(text)).toEqual([]);
      expect(sent.length).toBeGreaterThan(12);
      for (const chunk of sent) {
        expect(utf8Length(chunk)).toBeLessThanOrEqual(maxBytes);
        expect(chunk).toMatch(/^x?y?(?:😀)+$/u);
      }
    }
  });

  it('joins the same entity reported cut short by overlapping chunks into one, with the higher score', async () => {
    const reported: string[] = [];
    comprehend.on(DetectPHICommand).callsFake((input: DetectPHICommandInput) => {
      const text = input.Text ?? '';
      const at = text.indexOf('Tobias');
      if (at < 0) return { Entities: [] };
      // A chunk that ends inside the name reports only the part it holds, as the real service would.
      const whole = text.includes('Tobias Vrell');
      const end = at + (whole ? 'Tobias Vrell' : 'Tobias').length;
      reported.push(text.slice(at, end));
      return {
        Entities: [
          {
            Id: 0,
            BeginOffset: at,
            EndOffset: end,
            Score: whole ? 0.8 : 0.99,
            Text: text.slice(at, end),
            Type: 'NAME',
            Category: 'PROTECTED_HEALTH_INFORMATION',
            Traits: [],
          },
        ],
      };
    });
    const text = `${'a '.repeat(1_990)}Tobias Vrell ${'b '.repeat(2_000)}`; // the 3,990-byte limit falls inside "Vrell"
    const entities = await detector({ maxBytes: 3_990, overlapChars: 50, concurrency: 1 }).detect(text);
    expect(reported).toEqual(['Tobias', 'Tobias Vrell']);
    expect(entities.map((e) => [e.Text, e.Score, e.BeginOffset])).toEqual([['Tobias Vrell', 0.99, 3_980]]);
  });

  it('covers the union of two partial views of one entity, so no middle part is left unmasked', async () => {
    const text = 'Seen by Odile Farnsworth today.';
    const at = text.indexOf('Odile');
    const entity = (begin: number, end: number, score: number): Entity => ({
      Id: 0,
      BeginOffset: begin,
      EndOffset: end,
      Score: score,
      Text: text.slice(begin, end),
      Type: 'NAME',
      Category: 'PROTECTED_HEALTH_INFORMATION',
      Traits: [],
    });
    comprehend
      .on(DetectPHICommand)
      .resolves({ Entities: [entity(at, at + 12, 0.9), entity(at + 6, at + 16, 0.7)], ModelVersion: '0.1.0' });
    const entities = await detector().detect(text);
    expect(entities.map((e) => [e.Text, e.BeginOffset, e.EndOffset, e.Score])).toEqual([
      ['Odile Farnsworth', at, at + 16, 0.9],
    ]);
  });

  it('leaves retries to itself: the client it builds makes one attempt per call', async () => {
    const own = new ComprehendMedicalDetector({ region: 'us-east-1' });
    expect(await own.client.config.maxAttempts()).toBe(1);
  });

  it('never has more than `concurrency` calls in flight', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const fake = fakeDetectPhi();
    comprehend.on(DetectPHICommand).callsFake(async (input: DetectPHICommandInput) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight--;
      return fake(input);
    });
    const text = longNote(40_000, [{ at: 20_000, name: 'Odile Farnsworth' }]);
    const entities = await detector({ maxBytes: 2_000, concurrency: 3 }).detect(text);
    expect(comprehend.commandCalls(DetectPHICommand).length).toBeGreaterThan(10);
    expect(maxInFlight).toBe(3);
    expect(entities.map((e) => e.Text)).toEqual(['Odile Farnsworth']);
  });

  it('retries throttling with full-jitter exponential backoff, then succeeds', async () => {
    const delays: number[] = [];
    comprehend
      .on(DetectPHICommand)
      .rejectsOnce(new TooManyRequestsException({ message: 'slow down', $metadata: {} }))
      .rejectsOnce(new InternalServerException({ message: 'oops', $metadata: {} }))
      .callsFake(fakeDetectPhi());
    const d = detector({
      retry: {
        baseDelayMs: 100,
        maxDelayMs: 150,
        random: () => 0.5,
        sleep: async (ms) => {
          delays.push(ms);
        },
      },
    });
    const entities = await d.detect('Seen: Marla Quenby.');
    expect(entities.map((e) => e.Text)).toEqual(['Marla Quenby']);
    expect(delays).toEqual([50, 75]); // 0.5 · min(150, 100·2^0), 0.5 · min(150, 100·2^1)
  });

  it('throws ThrottledError with the SDK error as cause when throttling persists', async () => {
    const sdkError = new TooManyRequestsException({ message: 'slow down', $metadata: {} });
    comprehend.on(DetectPHICommand).rejects(sdkError);
    const error = await detector({ retry: { maxAttempts: 3 } })
      .detect('Marla Quenby')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottledError);
    expect((error as Error).cause).toBe(sdkError);
    expect(comprehend.commandCalls(DetectPHICommand)).toHaveLength(3);
    expect((error as Error).message).not.toContain('Marla');
  });

  it('maps service errors without retrying client faults and never puts text in messages', async () => {
    const cases = [
      {
        sdk: new InvalidEncodingException({ message: 'bad utf-8 Marla Quenby', $metadata: {} }),
        type: InvalidInputError,
        code: 'INVALID_INPUT',
      },
      {
        sdk: new TextSizeLimitExceededException({ message: 'too big Marla Quenby', $metadata: {} }),
        type: HdmError,
        code: 'INTERNAL',
      },
      {
        sdk: new InternalServerException({ message: 'oops Marla Quenby', $metadata: {} }),
        type: HdmError,
        code: 'INTERNAL',
      },
    ];
    for (const { sdk, type, code } of cases) {
      comprehend.reset();
      comprehend.on(DetectPHICommand).rejects(sdk);
      const error = await detector({ retry: { maxAttempts: 2 } })
        .detect('Patient Marla Quenby')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(type);
      expect((error as HdmError).code).toBe(code);
      expect((error as Error).cause).toBe(sdk);
      expect((error as Error).message).not.toMatch(/Marla|Quenby/);
      expect(comprehend.commandCalls(DetectPHICommand)).toHaveLength(sdk.name === 'InternalServerException' ? 2 : 1);
    }
  });

  it('refuses a maxBytes at or over the service limit', () => {
    expect(() => detector({ maxBytes: 20_000 })).toThrow(RangeError);
  });
});
