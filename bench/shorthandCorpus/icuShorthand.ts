// ICU nursing shorthand that is not PHI, written for this corpus (not taken from the detector): drips with
// rates, vent settings, labs, ratios, ranges, ordinals, times, and words that look like dates or names but
// are not ("sat 94", "may need", "see MAR", "dec u/o", "cont to mon", "HD Tues/Thurs/Sat" (a schedule),
// "will cont", "bp rose", "art line", "frank blood").
import type { Rng } from '../corpus/random.ts';

type Phrase = (rng: Rng) => string;

/** "0400", "2200", "4pm", "@ 2200" — times are never DATE. */
export function clock(rng: Rng): string {
  const h = rng.int(0, 23);
  const m = rng.pick(['00', '00', '30', '15', '45']);
  return rng.chance(0.8) ? `${String(h).padStart(2, '0')}${m}` : `${h % 12 || 12}${h < 12 ? 'am' : 'pm'}`;
}

const time: Phrase = (rng) =>
  rng.pick([clock(rng), `@ ${clock(rng)}`, `at ${clock(rng)}`, `${clock(rng)}-${clock(rng)}`]);
const i = (rng: Rng, a: number, b: number): number => rng.int(a, b);
const d = (rng: Rng, a: number, b: number, p = 1): string => rng.decimal(a, b, p);

const NEURO: Phrase[] = [
  (r) => `A&Ox${i(r, 1, 3)}`,
  () => 'PERRLA',
  () => 'MAE',
  () => 'MAE x4',
  () => 'follows commands',
  () => 'FC inconsistently',
  (r) => `RASS ${-i(r, 0, 4)}`,
  () => 'CAM ICU neg',
  (r) => `propofol ${i(r, 10, 50)}mcg/kg/min`,
  (r) => `propofol inc to ${i(r, 20, 60)}`,
  () => 'propofol inc',
  (r) => `fent ${r.pick([25, 50, 100])} prn`,
  (r) => `fent gtt @ ${i(r, 5, 20) * 10}mcg/hr`,
  (r) => `versed ${i(r, 1, 2)}mg ivp x1`,
  (r) => `pain ${i(r, 0, 10)}/10`,
  () => 'denies pain',
  (r) => `pupils ${i(r, 2, 4)}mm brisk`,
  () => 'sedation held for neuro exam',
  () => 'restless overnight',
  () => 'lightly sedated',
  () => 'agitated early evening',
  () => 'calm w/ reorientation',
  () => 'ativan 1mg x1 w/ good effect',
  () => 'haldol 2.5 iv x1',
  () => 'withdraws to pain',
  (r) => `GCS ${i(r, 6, 15)}`,
  () => 'sharp pain w/ turns',
  () => 'visual fields grossly intact',
  () => 'pt is a little anxious',
  () => 'nods appropriately',
  () => 'mood labile',
  () => 'nerve root pain per pt',
];

const CV: Phrase[] = [
  (r) => `HR ${i(r, 6, 11)}0s ${r.pick(['SR', 'ST', 'NSR', 'AF'])}`,
  () => 'NSR no ectopy',
  (r) => `afib ${i(r, 10, 14)}0s`,
  () => 'bp stable',
  (r) => `SBP ${i(r, 85, 115)}-${i(r, 120, 165)}`,
  (r) => `MAP > ${r.pick([60, 65])}`,
  (r) => `levo at 0.${String(i(r, 2, 15)).padStart(2, '0')}`,
  (r) => `levo @ ${i(r, 2, 20)}mcg`,
  () => 'neo gtt',
  (r) => `neo gtt @ ${d(r, 0.5, 3)}`,
  (r) => `neo weaned off @ ${clock(r)}`,
  (r) => `dopa ${i(r, 2, 10)}`,
  () => 'pulses palp',
  (r) => `+${i(r, 1, 3)} pedal edema`,
  (r) => `K ${d(r, 3.0, 3.6)} repleted`,
  () => 'lytes repleted',
  (r) => `mag ${d(r, 1.4, 1.9)} -> 2g iv given`,
  (r) => `CVP ${i(r, 4, 9)}-${i(r, 10, 16)}`,
  () => 'lopressor 5 iv x1',
  () => 'dilt gtt @ 10',
  () => 'rate controlled',
  (r) => `bp rose to ${i(r, 15, 19)}0s w/ agitation`,
  (r) => `hypotensive to ${i(r, 7, 8)}0s w/ propofol, bolused 500cc NS`,
  () => 'pulses dopplerable',
  () => 'cap refill < 3 sec',
  () => 'ext warm',
  () => 'marked edema',
  () => 'Wells score low per team',
  () => 'chase w/ NS',
];

const RESP: Phrase[] = [
  (r) => `AC ${i(r, 8, 12) * 50}x${i(r, 12, 20)} peep ${i(r, 5, 10)} fio2 ${i(r, 4, 6) * 10}%`,
  (r) => `${i(r, 12, 18)}x${i(r, 10, 14) * 50}x${i(r, 4, 10) * 10}`,
  (r) => `PS ${i(r, 5, 15)}/${i(r, 5, 8)}`,
  () => '5/5',
  (r) => `${i(r, 8, 12)}/5/${i(r, 40, 65)}`,
  (r) => `sat ${i(r, 88, 99)}`,
  () => 'O2 sat mid 90s',
  () => 'sats in the 90s',
  (r) => `sats ${i(r, 90, 94)}-${i(r, 95, 99)}%`,
  () => 'LS coarse bilat',
  () => 'dim at bases',
  () => 'crackles at bases',
  () => 'sx for thick tan sputum',
  () => 'sx for sm amt white sputum',
  () => 'rusty sputum',
  () => 'green sputum',
  (r) => `ABG 7.${i(r, 28, 48)}/${i(r, 30, 55)}/${i(r, 60, 130)}`,
  (r) => `RSBI ${i(r, 30, 110)}`,
  () => 'SBT this am',
  (r) => `extubated to ${i(r, 2, 6)}L NC`,
  (r) => `on ${i(r, 4, 7) * 10}% face tent`,
  (r) => `ETT 7.${r.pick([0, 5])} @ ${i(r, 21, 25)} at lip`,
  () => 'strong cough',
  () => 'weak cough',
  () => 'nebs given',
  () => 'albuterol/atrovent nebs q4h',
  (r) => `RR ${i(r, 12, 18)}-${i(r, 20, 32)}`,
  () => 'vent changes per RT',
  () => 'will wean as tol',
  () => 'may need reintubation if tires',
  () => 'hope to wean to PS today',
];

const GI: Phrase[] = [
  () => 'abd soft nt/nd',
  () => 'abd soft, distended',
  () => '+BS',
  () => 'hypoactive BS',
  () => 'dec BS',
  (r) => `TF at goal ${i(r, 4, 8) * 10}cc/hr`,
  (r) => `TF @ ${i(r, 2, 7) * 10}cc/hr, resid ${i(r, 0, 10) * 10}`,
  () => 'OGT to LCWS',
  () => 'NGT to LIS',
  () => 'reg insulin per SS',
  (r) => `FS ${i(r, 110, 220)}`,
  (r) => `BS ${i(r, 100, 150)}-${i(r, 160, 240)}`,
  () => 'no BM',
  () => 'brown stool',
  () => 'loose brown stool x2',
  () => 'guaiac neg',
  () => 'black tarry stool, guaiac +',
  () => 'NPO p MN',
  () => 'tol clears',
  () => 'protonix iv',
  () => 'colace/senna',
  () => 'flexiseal in place',
  (r) => `bili ${d(r, 0.4, 6)}`,
  (r) => `lipase ${i(r, 20, 900)}`,
];

const GU: Phrase[] = [
  () => 'foley to gravity',
  (r) => `u/o ${i(r, 2, 4) * 10}-${i(r, 5, 8) * 10}cc/hr`,
  () => 'u/o marginal',
  () => 'dec u/o overnight',
  (r) => `creat ${d(r, 0.7, 3.2)}`,
  (r) => `bun ${i(r, 10, 70)}`,
  (r) => `lasix ${r.pick([20, 40, 80])} iv -> good response`,
  (r) => `I/O ${i(r, 8, 30) * 100}/${i(r, 5, 25) * 100}`,
  (r) => `+ ${d(r, 0.2, 2.5)}L`,
  (r) => `neg ${i(r, 3, 15) * 100}cc`,
  () => 'amber urine',
  () => 'clear yellow urine',
  () => 'gross hematuria',
  () => 'crystals in urine',
  () => 'CVVH running',
  () => 'HD today per renal',
  (r) => r.pick(['outpt HD Tues/Thurs/Sat', 'HD M/W/F at home', 'HD MWF as outpt']),
  (r) => `bladder scan ${i(r, 1, 6) * 100}cc`,
  () => 'little UOP overnight',
  () => 'kidney stone hx',
];

const ID: Phrase[] = [
  (r) => `tmax ${d(r, 98.6, 102.8)}`,
  () => 'afebrile',
  (r) => `vanco trough ${d(r, 8, 25)} @ ${clock(r)}`,
  () => 'zosyn',
  () => 'vanc/zosyn',
  () => 'cefepime q8',
  (r) => `WBC ${d(r, 3.5, 24)}`,
  () => 'cx pending',
  () => 'blood cx x2 sent',
  () => 'urine cx sent',
  () => 'sputum cx sent',
  () => 'contact precautions',
  () => 'MRSA swab sent',
  (r) => `day ${i(r, 1, 10)} of abx`,
  () => 'tylenol 650 pr for temp',
  () => 'cooling blanket on',
];

const HEME: Phrase[] = [
  (r) => `hct ${d(r, 19, 35)}`,
  (r) => `hct ${d(r, 19, 24)} -> 2nd unit of PRBC`,
  (r) => `plt ${i(r, 30, 300)}`,
  (r) => `INR ${d(r, 1, 3.5)}`,
  (r) => `heparin gtt @ ${i(r, 6, 15) * 100}u/hr`,
  (r) => `PTT ${i(r, 40, 100)}`,
  () => '1st unit PRBC in',
  () => '2 units FFP given',
  () => 'sq heparin',
  () => 'pneumoboots on',
  () => 'drew labs off aline',
  () => 'frank blood from ETT',
  (r) => `${r.pick(['1st', '2nd', '3rd'])} dose given`,
];

const SKIN: Phrase[] = [
  () => 'coccyx intact',
  () => 'turned q2h',
  () => 'turned and repositioned q2h',
  (r) => `stage ${i(r, 1, 3)} on sacrum`,
  () => 'heels boggy, off loaded',
  () => 'duoderm to coccyx',
  () => 'pat dry, no breakdown',
  () => 'skin intact',
  () => 'ecchymotic areas arms',
  () => 'wound bed pink',
  () => 'dsg c/d/i',
  () => 'site marked',
];

const LINES: Phrase[] = [
  () => 'R IJ TLC',
  () => 'L SC TLC',
  () => 'L radial aline',
  () => 'R fem aline',
  () => 'art line dampened, flushed',
  () => 'PIV x2',
  () => 'PICC R arm',
  () => 'swan in place',
  () => 'cordis L IJ',
  () => 'OGT placement confirmed by CXR',
  () => 'all lines intact',
  () => 'aline drawing well',
  () => 'chest tube to -20 sx, no air leak',
];

const CHARTING: Phrase[] = [
  () => 'see flowsheet',
  () => 'see carevue',
  () => 'see flowsheet for details',
  () => 'see MAR',
  () => 'meds per MAR',
  () => 'cont to mon',
  () => 'will cont to monitor',
  () => '1st step',
  () => 'cont rehab',
  () => 'early evening',
  () => 'at home',
  time,
  () => 'call bell in reach',
  () => 'HOB > 30',
  () => 'day team aware',
  () => 'paged team',
  // Ranges carry a unit or a noun: a bare "6-8" is a nursing date by the guideline.
  () => 'MD aware',
  () => 'resident aware',
  () => 'no major events overnight',
  (r) => `${i(r, 5, 7)}-${i(r, 8, 9)} loose stools`,
  (r) => `goal ${i(r, 6, 9) * 100}-${i(r, 10, 14) * 100}cc neg`,
  (r) => `sleeping ${i(r, 1, 3)}-${i(r, 4, 5)} hrs at a time`,
  () => 'long term plan unclear',
  () => 'home meds held',
  () => 'at home on coumadin',
  () => 'lives at home',
  () => 'CT scan this afternoon',
  () => 'to OR 3 in am',
  () => 'back from IR',
  () => 'OSH records requested',
  () => 'may need PT consult',
];

const FAMILY: Phrase[] = [
  () => 'family in to visit',
  () => 'spoke w/ family',
  () => 'HCP aware',
  () => 'code status discussed',
  () => 'DNR/DNI',
  () => 'CMO discussed w/ family',
  () => 'SW following',
  () => 'chaplain in',
  () => 'family meeting planned',
];

export const SYSTEMS = {
  Neuro: NEURO,
  CV,
  Resp: RESP,
  GI,
  GU,
  ID,
  Heme: HEME,
  Skin: SKIN,
  Lines: LINES,
  Social: FAMILY,
} as const;
export type SystemName = keyof typeof SYSTEMS;
export const SYSTEM_NAMES = Object.keys(SYSTEMS) as SystemName[];
export const CHARTING_PHRASES = CHARTING;

/** `n` distinct phrases of a system, rendered. */
export function phrases(rng: Rng, system: readonly Phrase[], n: number): string[] {
  return rng.sample(system, n).map((p) => p(rng));
}
