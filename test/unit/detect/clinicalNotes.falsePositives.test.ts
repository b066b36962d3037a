// Non-PHI in ICU nursing notes that a detector is tempted to mask: clinical short forms and jargon, numbers that
// look like dates, ages or phone numbers, and ordinary phrases after place cues. Categories come from a
// measurement on real ICU nursing notes; every example here is invented and contains no PHI. Each example runs
// as written (Title / sentence case), in ALL CAPS and in all lower case, the three forms ICU notes use.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseForms, type CaseForm, type Example } from '../../helpers/caseForms.ts';
import { mulberry32 } from '../../../bench/corpus/random.ts';
import { PROFESSIONS } from '../../../src/detect/professions.ts';
import { detector, found, untouched } from '../../helpers/detectHelpers.ts';

function expectUntouched(text: string, phrase: string): void {
  expect(untouched(text, phrase), `masked in ${JSON.stringify(text)}: ${JSON.stringify(found(text))}`).toBe(true);
}

const TITLE = '%s: %j leaves %j unmasked';

describe('false positives: clinical short forms and jargon taken for NAME', () => {
  describe('drug short forms and brand names', () => {
    const examples: Example[] = [
      ['Dilt gtt at 10 mg/hr, HR 90s-100s in AF.', 'Dilt'],
      ['Cipro changed to PO this am.', 'Cipro'],
      ['Lopressor 5 mg IV x1 for HR 130s.', 'Lopressor'],
      ['Precedex off at 0600, pt calm and cooperative.', 'Precedex'],
      ['Flagyl and cefepime given as ordered.', 'Flagyl'],
      ['Kcl 20 meq IV x2 for K 3.2.', 'Kcl'],
      ['Vaso remains at 0.04 units/min.', 'Vaso'],
      ['Hep gtt held for procedure, to restart at 1800.', 'Hep'],
      ['Dobut weaned to 2.5 mcg/kg/min.', 'Dobut'],
      ['Bicarb gtt continues at 100 ml/hr.', 'Bicarb'],
      ['Versed 2 mg given prior to turning.', 'Versed'],
      ['Dilaudid 0.5 mg IV q3h prn with good effect.', 'Dilaudid'],
      ['Nimbex infusing for vent dyssynchrony, TOF 2/4.', 'Nimbex'],
      ['Solumedrol 40 mg IV q8h.', 'Solumedrol'],
    ];
    it.each(caseForms(examples))(TITLE, (_form, text, phrase) => expectUntouched(text, phrase));
  });

  describe('devices, lines and trach brands', () => {
    const examples: Example[] = [
      ['Portex #8 trach midline, ties secure.', 'Portex'],
      ['Bivona trach in place, cuff up.', 'Bivona'],
      ['Quinton R IJ dressing changed, site c/d/i.', 'Quinton'],
      ['Swan pulled back to 50 cm per team.', 'Swan'],
      ['Dobhoff placement confirmed by KUB.', 'Dobhoff'],
      ['Hickman line flushed w/o difficulty.', 'Hickman'],
      ['Flexiseal draining liquid brown stool.', 'Flexiseal'],
      ['Bair Hugger on for temp 35.4.', 'Bair Hugger'],
      ['Trialysis cath L fem, site benign.', 'Trialysis'],
      ['Pleurx drained 800 cc serous fluid.', 'Pleurx'],
      ['Venodynes on while in bed.', 'Venodynes'],
      ['Yankauer suction to mouth prn.', 'Yankauer'],
      ['Impella at P6, flows 3.1 L/min.', 'Impella'],
    ];
    it.each(caseForms(examples))(TITLE, (_form, text, phrase) => expectUntouched(text, phrase));
  });

  describe('charting phrases and charting systems', () => {
    const examples: Example[] = [
      ['See CareVue for VS and I/O.', 'See CareVue'],
      ['Please refer to Metavision for hourly vitals.', 'Metavision'],
      ['Labs as per Epic, K repleted.', 'Epic'],
      ['Refer to Sunrise for I/O totals.', 'Sunrise'],
      ['Cerner flowsheet updated at 0400.', 'Cerner'],
      ['Pyxis override for dilaudid, pharmacy aware.', 'Pyxis'],
      ['Per MAR, last dose of tylenol at 0300.', 'Per MAR'],
      ['O. Refer to carevue for objective data.', 'O. Refer to carevue'],
      ['A. See above, no acute changes.', 'A. See above'],
      ['R. Tolerated well, see event note.', 'R. Tolerated well'],
    ];
    it.each(caseForms(examples))(TITLE, (_form, text, phrase) => expectUntouched(text, phrase));
  });

  describe('labs and exams', () => {
    const examples: Example[] = [
      ['Trops flat x2, no ECG changes.', 'Trops'],
      ['Phos 1.8, repleted with K-phos.', 'Phos'],
      ['Coags pending, FFP on hold.', 'Coags'],
      ['Heme: Hct 26.1, no s/s bleeding.', 'Heme'],
      ['PERRL 3 mm brisk, EOMI.', 'PERRL'],
      ['Fingersticks 140s-180s, covered per SS.', 'Fingersticks'],
      ['Guaiac neg stool x1.', 'Guaiac'],
      ['Lipase 412, surgery aware.', 'Lipase'],
      ['Gluc 212, 4 units humalog given.', 'Gluc'],
      ['Chem 7 and CBC sent at 0400.', 'Chem 7'],
      ['Lactate trending down, 3.4 -> 1.9.', 'Lactate'],
      ['Cortstim in am, baseline cortisol sent.', 'Cortstim'],
      ['Ammonia 88, lactulose increased.', 'Ammonia'],
    ];
    it.each(caseForms(examples))(TITLE, (_form, text, phrase) => expectUntouched(text, phrase));
  });

  describe('common misspellings of clinical words', () => {
    const examples: Example[] = [
      ['Ambulted to chair x2 with PT.', 'Ambulted'],
      ['Abdomn soft, distended, +BS.', 'Abdomn'],
      ['Pateint resting comfortably at this time.', 'Pateint'],
      ['Extremeties warm, pulses palpable.', 'Extremeties'],
      ['Rythm SR with occ PVCs.', 'Rythm'],
      ['Diminshed breath sounds at bases.', 'Diminshed'],
      ['Repositoned q2h, skin intact.', 'Repositoned'],
      ['Tolarating TF at goal 60 ml/hr.', 'Tolarating'],
      ['Sedaton held for SBT at 0800.', 'Sedaton'],
      ['Family updated by MD, questins answered.', 'questins'],
      ['Urin output 30-50 cc/hr.', 'Urin'],
    ];
    it.each(caseForms(examples))(TITLE, (_form, text, phrase) => expectUntouched(text, phrase));
  });
});

describe('false positives: saturations, scores, vent settings, ordinals and ranges taken for DATE', () => {
  const examples: Example[] = [
    ['O2 sat 96% on 4L NC.', 'sat'],
    ['Sat 91% on 50% shovel mask.', 'Sat'],
    ['Sats 88-93% on NRB.', 'Sats 88-93%'],
    ['Desat to 82% with suctioning, recovered quickly.', 'Desat'],
    ['Pain 7/10 at incision, dilaudid given.', '7/10'],
    ['Tolerating PS 12/8 x2 hrs.', '12/8'],
    ['Vent changed to AC 450/16/8/50%.', '450/16/8/50%'],
    ['Strength 4/5 BUE, 3/5 BLE.', '3/5'],
    ['3rd unit PRBC infusing, no reaction.', '3rd'],
    ['1st dose of cefepime given at 2200.', '1st'],
    ['4th liter of LR hanging.', '4th'],
    ['Insulin gtt titrated 4-6 units/hr per protocol.', '4-6'],
    ['ABG 7.31/49/71 on current settings.', '7.31/49/71'],
    ['I/O 2350/1870 for shift.', '2350/1870'],
    ['Spont RR 22-28, Vt 350-400.', '22-28'],
  ];
  it.each(caseForms(examples))(TITLE, (_form, text, phrase) => expectUntouched(text, phrase));
});

describe('false positives: times of day, routes, care plans and phrases after place cues taken for ADDRESS', () => {
  const examples: Example[] = [
    ['Late afternoon pt more restless, reoriented.', 'Late afternoon'],
    ['Around midnight HR up to 130s.', 'Around midnight'],
    ['Nasal swab for MRSA sent.', 'Nasal swab'],
    ['Buccal mucosa dry, mouth care q4h.', 'Buccal mucosa'],
    ['NPH 10 units held for NPO.', 'NPH 10 units'],
    ['Humalog sliding scale per protocol.', 'Humalog sliding scale'],
    ['Plan acute rehab vs SNF when stable.', 'acute rehab'],
    ['Cont pulm rehab after d/c.', 'pulm rehab'],
    ['Precedex inc to 0.8 for agitation.', 'Precedex inc'],
    ['Nicardipine dec to 5 mg/hr, SBP 130s.', 'Nicardipine dec'],
    ['Arrived from cath lab with stable vital signs.', 'cath lab with stable vital signs'],
    ['Returned from IR with R groin site soft, no hematoma.', 'IR with R groin site soft'],
    ['Transferred to step-down in stable condition.', 'step-down in stable condition'],
    ['Up to chair for 2 hrs, tolerated well.', 'chair for 2 hrs'],
    ['Pt lives alone in a second floor walk-up.', 'second floor walk-up'],
  ];
  it.each(caseForms(examples))(TITLE, (_form, text, phrase) => expectUntouched(text, phrase));
});

describe('false positives: decades of saturations, vent settings and models, ranges and drips taken for AGE, ID or PHONE', () => {
  const examples: Example[] = [
    ['Sats high 80s on 6L NC, face tent added.', 'high 80s'],
    ['Sats low 90s with activity.', 'low 90s'],
    ['SBP 80s-90s off pressors.', '80s-90s'],
    ['Vent AC 16x450x60%, PEEP 10.', '16x450x60%'],
    ['Settings 500x12x+5x40% unchanged.', '500x12x+5x40%'],
    ['Pt on Servo-i vent, no alarms.', 'Servo-i'],
    ['Drager V500 in use, circuit changed.', 'Drager V500'],
    ['Hamilton C6 vent alarming for high pressure.', 'Hamilton C6'],
    ['BiPAP via V60 overnight.', 'V60'],
    ['UO 1100-1450 ml per shift.', '1100-1450'],
    ['Glucose goal 140-180.', '140-180'],
    ['Heparin at 1350 units/hr, PTT pending.', '1350'],
    ['Insulin gtt at 7.5 units/hr, FS 162.', '7.5'],
    ['Net +2,150 since midnight.', '+2,150'],
    ['WBC 18.2-15.6-12.1, trending down.', '18.2-15.6-12.1'],
  ];
  it.each(caseForms(examples))(TITLE, (_form, text, phrase) => expectUntouched(text, phrase));
});

// ---------------------------------------------------------------------------------------------------------------
// Whitelist words in neutral ICU slots.

const DATA = fileURLToPath(new URL('../../../src/detect/data/', import.meta.url));
/** One lower-case non-PHI word per line, from real clinical notes; shipped with the detector. */
const SAFE_WORDS = `${DATA}safe-words.txt`;

/** Common first names that are also words; skipped as well as anything in the detector's first-name list. */
const FIRST_NAMES_TOO = new Set(
  (
    'amber april august autumn bill bonnie buck candy carol chase crystal dawn dean destiny eve faith frank ' +
    'gene ginger glen grace guy hazel heather holly homer hope hunter iris ivy jack jade jasmine jay jewel ' +
    'joy june kitty lance laurel lily mark mason max may melody mercy miles misty olive opal pat pearl penny ' +
    'rich robin rocky rose ruby rusty sandy scott skip sky stone summer sunny taylor terry tucker violet ' +
    'wade ward will willow wyatt'
  ).split(' '),
);

function loadWordList(): string[] | undefined {
  return existsSync(SAFE_WORDS) ? readFileSync(SAFE_WORDS, 'utf8').split(/\r?\n/) : undefined;
}

/** Words that are PHI whatever the slot, so not fit for this test: common first names and country names. */
function wordsToSkip(): Set<string> {
  const names = new Set(FIRST_NAMES_TOO);
  // A country is ADDRESS under the annotation guideline; the word list may still carry one (e.g. "uruguay").
  const regions = new Intl.DisplayNames(['en'], { type: 'region' });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = regions.of(code);
      if (name && name !== code) names.add(name.toLowerCase());
    }
  }
  // Words a rule with evidence claims: given names (first-names.txt), towns of the gazetteer (a place
  // name is ADDRESS wherever it stands: "heathrow", "camberwell") and the jobs list ("cashier").
  for (const list of ['first-names.txt', 'cities.txt', 'countries.txt']) {
    const file = `${DATA}${list}`;
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) names.add(line.trim().toLowerCase());
  }
  for (const job of PROFESSIONS) names.add(job);
  for (const chain of PHARMACY_CHAINS) names.add(chain);
  return names;
}

/** `count` distinct words, the same ones every run for the same list. */
function sampleWords(words: string[], count: number, seed: number): string[] {
  const skip = wordsToSkip();
  const pool = [...new Set(words.map((w) => w.trim().toLowerCase()))]
    .filter((w) => /^[a-z]{4,}$/.test(w) && !skip.has(w))
    .sort();
  const rand = mulberry32(seed);
  for (let i = 0; i < Math.min(count, pool.length); i++) {
    const j = i + Math.floor(rand() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

const SLOTS: ((word: string) => string)[] = [
  (w) => `Pt given ${w} overnight.`,
  (w) => `${w} noted, will cont to monitor.`,
  (w) => `${w}: stable.`,
  (w) => `Neuro unchanged.\n${w} per team, no new orders.`,
];

const NOT_THESE = new Set(['NAME', 'ADDRESS', 'PROFESSION']);

// 10,000 words with other seeds were tried while building the detector: only a pharmacy chain was masked.
const SAMPLE_SIZE = 2000;
// Pharmacy chains are ADDRESS under the annotation guideline; the whitelist holds some ("costco").
const PHARMACY_CHAINS = [
  'costco',
  'walgreens',
  'walmart',
  'safeway',
  'kroger',
  'publix',
  'wegmans',
  'meijer',
  'target',
  'boots',
];

describe('whitelist words in neutral context', () => {
  const list = loadWordList();
  const sample = list ? sampleWords(list, SAMPLE_SIZE, 20260301) : [];

  it.each<CaseForm>(['title', 'upper', 'lower'])(
    '%s: no sampled word is masked as NAME, ADDRESS or PROFESSION',
    (form) => {
      if (!list) expect.fail(`no word list: expected ${SAFE_WORDS}`);
      expect(sample.length).toBe(SAMPLE_SIZE);
      const failures: string[] = [];
      for (const word of sample) {
        const cased =
          form === 'upper' ? word.toUpperCase() : form === 'lower' ? word : word[0]!.toUpperCase() + word.slice(1);
        for (const slot of SLOTS) {
          const frame = slot('\u0000');
          const start = frame.indexOf('\u0000');
          const end = start + cased.length;
          const casedFrame = form === 'upper' ? frame.toUpperCase() : form === 'lower' ? frame.toLowerCase() : frame;
          const text = casedFrame.replace('\u0000', cased);
          for (const e of detector.detectSync(text, { minScore: 0.5 })) {
            if (NOT_THESE.has(e.Type) && e.BeginOffset < end && start < e.EndOffset) {
              failures.push(`${e.Type} ${JSON.stringify(e.Text)} in ${JSON.stringify(text)}`);
            }
          }
        }
      }
      const summary = `${failures.length} masked of ${sample.length} words x ${SLOTS.length} slots:\n${failures.join('\n')}`;
      expect(failures, summary).toEqual([]);
    },
  );
});
