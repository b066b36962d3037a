/** Clinical text with no PHI (vitals, labs, meds, codes, scores): it surrounds the PHI and must stay unannotated. */
import type { Rng } from './random.ts';
import { time } from './phi/dates.ts';
import { ALLERGIES, CONDITIONS, EPONYM_FINDINGS, MEDS, PROCEDURES } from './vocabulary/clinical.ts';

export function bp(rng: Rng): string {
  return `${rng.int(88, 186)}/${rng.int(44, 108)}`;
}

export function vitals(rng: Rng, terse = false): string {
  const t = rng.chance(0.6) ? rng.decimal(36.1, 39.4) : rng.decimal(97.0, 102.6);
  const o2 = `${rng.int(86, 100)}% ${rng.pick(['RA', 'on RA', 'on 2L NC', 'on 4L NC', '3L NC', 'on 40% FM', 'on 50% FiO2', 'on vent'])}`;
  if (terse) return `T ${t} HR ${rng.int(52, 138)} BP ${bp(rng)} RR ${rng.int(10, 32)} SpO2 ${o2}`;
  return rng.pick([
    `T ${t}, HR ${rng.int(52, 138)}, BP ${bp(rng)}, RR ${rng.int(10, 32)}, SpO2 ${o2}`,
    `VS: T${t} P${rng.int(52, 138)} BP${bp(rng)} R${rng.int(10, 32)} O2 sat ${o2}`,
    `Temp ${t}, pulse ${rng.int(52, 138)}, blood pressure ${bp(rng)}, respirations ${rng.int(10, 32)}, oxygen saturation ${o2}`,
    `BP ${bp(rng)} | HR ${rng.int(52, 138)} | RR ${rng.int(10, 32)} | T ${t} | SpO2 ${o2} | Wt ${rng.decimal(42, 140)} kg`,
  ]);
}

export function chem(rng: Rng): string {
  return `Na ${rng.int(126, 148)}, K ${rng.decimal(2.9, 5.9)}, Cl ${rng.int(92, 112)}, HCO3 ${rng.int(14, 32)}, BUN ${rng.int(6, 88)}, Cr ${rng.decimal(0.5, 4.8)}, Glu ${rng.int(62, 380)}`;
}

export function cbc(rng: Rng): string {
  return `WBC ${rng.decimal(2.1, 24.5)}, Hgb ${rng.decimal(6.8, 16.2)}, Hct ${rng.decimal(21, 48)}, Plt ${rng.int(38, 520)}`;
}

export function labsLine(rng: Rng): string {
  return rng.pick([
    chem(rng),
    cbc(rng),
    `INR ${rng.decimal(0.9, 3.8)}, PTT ${rng.decimal(24, 68)}`,
    `Trop ${rng.pick(['<0.01', '0.04', '0.12', '1.8'])}, BNP ${rng.int(40, 4200)}`,
    `lactate ${rng.decimal(0.8, 6.5)}`,
    `ABG ${rng.decimal(7.18, 7.49, 2)}/${rng.int(28, 72)}/${rng.int(52, 180)}/${rng.int(14, 32)}`,
    `Mg ${rng.decimal(1.4, 2.6)}, Phos ${rng.decimal(1.8, 5.4)}, Ca ${rng.decimal(7.6, 10.4)}`,
    `AST ${rng.int(12, 410)}, ALT ${rng.int(10, 380)}, Alk phos ${rng.int(40, 600)}, T bili ${rng.decimal(0.2, 8.5)}`,
    `HbA1c ${rng.decimal(5.2, 12.4)}%, TSH ${rng.decimal(0.1, 9.8, 2)}`,
    `fingerstick glucose ${rng.int(58, 420)} at ${time(rng)}`,
  ]);
}

export function med(rng: Rng): string {
  const [name, doses, sigs] = rng.pick(MEDS);
  return `${name} ${rng.pick(doses)} ${rng.pick(sigs)}`;
}

export function medList(rng: Rng, n: number): string[] {
  return Array.from({ length: n }, () => med(rng));
}

export function condition(rng: Rng): string {
  return rng.pick(CONDITIONS);
}

export function conditions(rng: Rng, n: number): string[] {
  return rng.sample(CONDITIONS, n);
}

export function eponym(rng: Rng): string {
  return rng.pick(EPONYM_FINDINGS);
}

export function procedure(rng: Rng): string {
  return rng.pick(PROCEDURES);
}

export function allergy(rng: Rng): string {
  return rng.pick(ALLERGIES);
}

const ICD10 = [
  'I10',
  'E11.9',
  'J18.9',
  'N17.9',
  'I48.91',
  'F10.20',
  'I50.23',
  'J44.1',
  'A41.9',
  'K57.32',
  'G20',
  'K50.90',
  'C81.90',
  'E03.9',
  'N39.0',
  'I63.9',
  'S72.001A',
  'R65.21',
  'Z79.01',
  'G30.9',
];
const CPT = [
  '99223',
  '99233',
  '99285',
  '36556',
  '31500',
  '71046',
  '74177',
  '70450',
  '93306',
  '47562',
  '27447',
  '43239',
  '45378',
  '99214',
  '90935',
];
const LOINC = ['2160-0', '718-7', '2345-7', '2951-2', '6690-2', '4548-4', '777-3', '33762-6', '1920-8', '2823-3'];

export function icd(rng: Rng): string {
  return rng.pick(ICD10);
}
export function cpt(rng: Rng): string {
  return rng.pick(CPT);
}
export function loinc(rng: Rng): string {
  return rng.pick(LOINC);
}

export function vent(rng: Rng): string {
  return rng.pick([
    `AC ${rng.int(350, 550)}/${rng.int(12, 28)}/${rng.int(5, 14)}/${rng.int(30, 100)}%`,
    `PSV ${rng.int(5, 15)}/${rng.int(5, 10)}, FiO2 ${rng.int(30, 60)}%`,
    `vent AC TV ${rng.int(350, 550)} x RR ${rng.int(12, 28)}, PEEP ${rng.int(5, 14)}, FiO2 ${rng.pick(['0.4', '0.5', '40%', '60%'])}`,
    `CPAP ${rng.int(5, 10)} / PS ${rng.int(5, 12)} trial`,
  ]);
}

/** Sentences where common-word first names and surnames are plain words (Will, May, Hope, Brown, Green...). */
export function wordNameDistractor(rng: Rng): string {
  return rng.pick([
    'Will continue to monitor.',
    'Will reassess in AM.',
    'May resume regular diet.',
    'May shower with dressing covered.',
    'Hope to wean FiO2 today.',
    'Pt expresses hope for recovery.',
    'Brown liquid stool x2.',
    'Green sputum suctioned via ETT.',
    'White count trending down.',
    'Black tarry stool noted, guaiac positive.',
    'Long-acting insulin held.',
    'Young adult female in NAD.',
    'Rose-colored urine in Foley bag.',
    'Faith-based support requested.',
    'King-size bed at home per pt.',
    'Price of meds a concern, SW aware.',
    'Hill-Sachs lesion on prior imaging.',
    'Bishop score 8 at 0600.',
    'Grace period for insurance discussed.',
    'Summer camp form completed.',
    'Hunter syndrome ruled out previously.',
    'Mason jar of urine brought by family (discarded).',
    'Bell rung x3 overnight for assist.',
    'Graves disease stable on methimazole.',
    'Ward rounds completed.',
    'Frost-bitten toes healing.',
    'Crystal clear urine.',
  ]);
}

/** A date-looking or phone-looking value that is not PHI (ratios, doses, scores, codes). */
export function numericDistractor(rng: Rng): string {
  return rng.pick([
    `BP ${bp(rng)}`,
    `pain ${rng.int(0, 10)}/10`,
    `murmur ${rng.int(1, 4)}/6 SEM`,
    `strength ${rng.int(3, 5)}/5 in all extremities`,
    `take 1/2 tab PO qHS`,
    `I/O ${rng.int(400, 2800)}/${rng.int(200, 2400)}`,
    `${rng.int(1, 3)}+ pitting edema`,
    `x${rng.int(2, 7)} days`,
    `LOINC ${loinc(rng)}`,
    `ICD-10 ${icd(rng)}`,
    `CPT ${cpt(rng)}`,
    `Snellen 20/${rng.pick([20, 25, 30, 40, 70])}`,
    `GCS ${rng.int(3, 15)}`,
    `EF ${rng.int(15, 65)}%`,
    `${rng.int(1, 3)}-${rng.int(4, 6)} L/min`,
    `dose ${rng.int(1, 2)}-${rng.int(3, 4)} tabs q4-6h PRN`,
    `at ${time(rng)}`,
    `POD #${rng.int(1, 9)}`,
    `HD ${rng.int(2, 14)}`,
    `UOP ${rng.int(15, 120)} cc/hr`,
    `L${rng.int(1, 4)}-L${rng.int(2, 5)}`,
  ]);
}

/** A physician's exam, each system with findings that fit it (eponymous signs included). */
export function physicalExam(rng: Rng, multiline = true): string {
  const parts = [
    `Gen: ${rng.pick(['NAD', 'ill-appearing', 'uncomfortable, diaphoretic', 'elderly, frail', 'well-appearing'])}`,
    `HEENT: ${rng.pick(['NCAT, PERRLA, EOMI', 'MMM, OP clear', 'dry MM', 'anicteric sclerae'])}${rng.chance(0.3) ? ', Mallampati class III' : ''}`,
    `Neck: ${rng.pick(['supple, no JVD', `JVP ${rng.int(6, 14)} cm`, 'no LAD', 'Virchow node not palpable'])}`,
    `CV: ${rng.pick(['RRR, no m/r/g', `RRR, ${rng.int(2, 4)}/6 SEM at RUSB`, 'irregularly irregular', 'tachycardic, S3 present'])}`,
    `Lungs: ${rng.pick(['CTAB', 'crackles at bases bilaterally', 'diffuse expiratory wheezes', 'decreased BS at R base', 'rhonchi, Cheyne-Stokes pattern'])}`,
    `Abd: ${rng.pick(['soft, NT/ND, +BS', "soft, RUQ tenderness, Murphy's sign positive", "TTP at McBurney's point, Rovsing sign negative", 'distended, tympanic', 'Cullen and Grey Turner signs absent'])}`,
    `Ext: ${rng.int(0, 3)}+ edema, ${rng.pick(['Homans sign negative', '2+ DP pulses', 'Doppler signals present', 'warm, well perfused'])}`,
    `Neuro: ${rng.pick(['A&Ox3, CN II-XII intact', 'Babinski negative, Romberg negative', 'strength 5/5 throughout', 'GCS 15, no pronator drift', 'asterixis present', 'Tinel sign positive at wrist'])}`,
    `Skin: ${rng.pick(['warm, dry', 'no rashes', 'Janeway lesions absent, Osler nodes absent', 'stage 2 sacral ulcer', 'jaundiced'])}`,
  ];
  return parts.join(multiline ? '\n' : '. ');
}

const NARRATIVE: readonly ((rng: Rng) => string)[] = [
  (r) => `Vital signs remained stable overnight with ${vitals(r)}.`,
  (r) => `Repeat labs this morning: ${labsLine(r)}.`,
  (r) => `${med(r)} was started and titrated; ${med(r)} was held.`,
  (r) => `Exam notable for ${eponym(r)}.`,
  (r) =>
    `${r.pick(['Blood cultures', 'Urine culture', 'Sputum culture'])} ${r.pick(['remained negative', 'grew MSSA', 'grew pan-sensitive E. coli', 'were pending at the time of this note'])}.`,
  (r) =>
    `${r.pick(['PT', 'OT', 'Speech and swallow'])} evaluated the patient and recommended ${r.pick(['rehab', 'home with services', 'thickened liquids', 'a rolling walker'])}.`,
  (r) =>
    `Imaging showed ${r.pick(['no acute process', 'a small left pleural effusion', 'interval improvement', 'stable cardiomegaly'])}; EF ${r.int(20, 65)}% on echo.`,
  (r) => `Pain was controlled with ${med(r)}, with pain scores ${r.int(0, 3)}/10 to ${r.int(4, 8)}/10.`,
  (r) => `${wordNameDistractor(r)} ${numericDistractor(r)}.`,
  (r) =>
    `Diuresed with furosemide, net negative ${r.decimal(0.5, 3.5)} L over ${r.int(2, 5)} days; weight down to ${r.decimal(50, 120)} kg.`,
  (r) =>
    `Glucose was managed with insulin glargine ${r.int(8, 40)} units qHS plus sliding scale, fingersticks ${r.int(90, 140)}-${r.int(150, 290)}.`,
  (r) =>
    `${condition(r)} was considered but felt less likely given ${r.pick(['normal lactate', 'negative cultures', 'unremarkable imaging', 'clinical improvement'])}.`,
];

/** Clinical prose without PHI: n sentences, used to make long notes long. */
export function narrative(rng: Rng, n: number): string {
  return Array.from({ length: n }, () => rng.pick(NARRATIVE)(rng)).join(' ');
}
