/** Terse ICU nursing system-by-system assessment text (no PHI): shared by the nursing styles. */
import { bp, eponym, labsLine, med, numericDistractor, vent, wordNameDistractor } from '../clinical.ts';
import { time } from '../phi/dates.ts';
import type { Rng } from '../random.ts';

export function neuro(rng: Rng): string {
  return rng.pick([
    `A&Ox${rng.int(1, 3)}, MAE, follows commands, PERRLA ${rng.int(2, 4)}mm brisk. ${rng.pick(['CAM-ICU neg', 'CAM-ICU positive', 'RASS 0', 'RASS -1'])}.`,
    `sedated on propofol, RASS ${rng.int(-4, -1)}, withdraws to pain x4, pupils ${rng.int(2, 4)}mm sluggish. GCS ${rng.int(3, 11)}T.`,
    `pt lethargic but arousable to voice, oriented to self only, intermittently agitated, pulling at lines. mitts on per protocol.`,
    `alert, calm, cooperative. strength ${rng.int(3, 5)}/5 BUE, ${rng.int(2, 5)}/5 BLE. ${rng.pick(['Babinski neg', 'no focal deficits', 'speech clear'])}.`,
    `neuro checks q${rng.pick([1, 2, 4])}h unchanged, GCS ${rng.int(13, 15)}, c/o HA ${rng.int(2, 8)}/10, tylenol given w/ relief.`,
    `confused overnight, reoriented freq. ${rng.pick(['seroquel 25mg given at ' + time(rng), 'haldol 1mg IV x1', 'sitter at bedside'])}. CIWA ${rng.int(0, 18)}.`,
  ]);
}

export function cv(rng: Rng): string {
  return rng.pick([
    `NSR ${rng.int(60, 90)}s-${rng.int(90, 110)}s, no ectopy. SBP ${rng.int(90, 120)}s-${rng.int(130, 170)}s. +${rng.int(1, 2)} pulses x4.`,
    `AFib RVR to ${rng.int(120, 160)}s at ${time(rng)}, dilt 10mg IV x1 w/ effect, now ${rng.int(80, 105)}s. MD aware.`,
    `on levophed ${rng.pick(['0.04', '0.06', '0.1', '0.12'])} mcg/kg/min titrated to MAP>65, weaned to ${rng.pick(['0.02', '0.03', 'off'])} by ${time(rng)}.`,
    `BP ${bp(rng)} - ${bp(rng)}, HR ${rng.int(55, 115)}, ${rng.pick(['murmur 2/6 noted', 'no murmur', 'S1S2'])}. ${rng.int(1, 3)}+ edema BLE.`,
    `SB ${rng.int(45, 59)}s, asymptomatic. lopressor held for HR<60. A-line R radial, waveform sharp, zeroed.`,
  ]);
}

export function resp(rng: Rng): string {
  return rng.pick([
    `LS ${rng.pick(['coarse', 'diminished', 'clear', 'crackles at bases'])} bilat, on ${rng.int(2, 6)}L NC sats ${rng.int(90, 99)}%. IS ${rng.int(500, 1500)}mL.`,
    `intubated on ${vent(rng)}. suctioned for ${rng.pick(['thick tan', 'moderate white', 'copious yellow', 'green', 'blood-tinged'])} secretions. ABG 7.${rng.int(28, 45)}/${rng.int(32, 60)}/${rng.int(60, 140)}.`,
    `SBT this AM, tolerated ${rng.int(30, 120)} min, RSBI ${rng.int(40, 120)}. extubated at ${time(rng)} to ${rng.int(2, 6)}L NC, strong cough.`,
    `BiPAP ${rng.int(10, 16)}/${rng.int(5, 8)} overnight, off at 0600 to ${rng.int(2, 4)}L. RR ${rng.int(14, 30)}, mild WOB.`,
    `trach (${rng.int(6, 8)}.0 shiley) to 35% TC, sats ${rng.int(92, 99)}%, trach care done, site c/d/i.`,
  ]);
}

export function gi(rng: Rng): string {
  return rng.pick([
    `abd soft, ${rng.pick(['nondistended', 'distended', 'firm'])}, +BS. ${rng.pick(['TF @ goal 50cc/hr via OGT', 'tol clears', 'NPO for procedure', 'diet advanced to regular'])}. BM x${rng.int(0, 3)}.`,
    `Dobhoff in place, TF ${rng.pick(['Osmolite', 'Jevity 1.2', 'Nepro', 'Vital AF'])} @ ${rng.int(20, 70)}cc/hr, residuals <${rng.int(50, 250)}. no BM x${rng.int(2, 5)} days, senna/colace given.`,
    `c/o nausea x1, zofran 4mg IV w/ relief. ${rng.pick(['brown', 'loose', 'formed', 'black tarry'])} stool x${rng.int(1, 4)}, ${rng.pick(['C diff sent', 'guaiac neg', 'rectal tube placed'])}.`,
    `FSBG ${rng.int(80, 180)}-${rng.int(180, 320)}, covered per RISS. insulin gtt at ${rng.decimal(1, 8)} u/hr.`,
  ]);
}

export function gu(rng: Rng): string {
  return rng.pick([
    `Foley draining ${rng.pick(['clear yellow', 'amber', 'cloudy', 'pink-tinged'])} urine, UOP ${rng.int(20, 120)}cc/hr. I/O ${rng.int(800, 3200)}/${rng.int(400, 2800)}.`,
    `voiding via urinal, ${rng.int(200, 600)}mL, bladder scan ${rng.int(50, 500)}mL. ${rng.pick(['straight cath x1', 'no retention', 'lasix 40 IV given'])}.`,
    `CRRT running, UF goal neg ${rng.int(50, 150)}cc/hr, filter changed at ${time(rng)}. K ${rng.decimal(3.3, 5.6)}.`,
    `anuric, HD today per renal, ${rng.decimal(1, 3.5)}L removed. R IJ trialysis c/d/i.`,
  ]);
}

export function skin(rng: Rng): string {
  return rng.pick([
    `Braden ${rng.int(9, 20)}. ${rng.pick(['coccyx stage 2', 'sacral DTI', 'skin intact', 'heels boggy'])}, ${rng.pick(['Mepilex intact', 'turned q2h', 'on air mattress', 'barrier cream applied'])}.`,
    `R IJ TLC c/d/i, ${rng.pick(['PIV x2 patent', 'PICC L arm, flushes w/o difficulty', 'port accessed'])}. surgical incision ${rng.pick(['OTA', 'w/ scant serosang drainage', 'steri-strips intact'])}.`,
    `JP drain x${rng.int(1, 2)} w/ ${rng.int(10, 150)}cc serosang. ${eponym(rng)}.`,
  ]);
}

export function id(rng: Rng): string {
  return `Tmax ${rng.decimal(37.0, 39.6)}. ${rng.pick(['on vanc/zosyn', 'cefepime day ' + rng.int(2, 7), 'abx d/c', 'cultures pending', 'blood cx x2 sent'])}. WBC ${rng.decimal(4, 22)}.`;
}

/** Assessment block: each system on its own line with a short label. */
export function systems(rng: Rng, n: number): [label: string, text: string][] {
  const all: [string, (r: Rng) => string][] = [
    ['NEURO', neuro],
    ['CV', cv],
    ['RESP', resp],
    ['GI', gi],
    ['GU', gu],
    ['SKIN', skin],
    ['ID', id],
    ['LABS', (r) => `${labsLine(r)}. ${r.pick(['repleted', 'MD aware', 'AM labs pending', 'no new orders'])}.`],
    [
      'MEDS',
      (r) => `${med(r)} given. ${r.pick(['pain ' + r.int(0, 9) + '/10 after', 'tolerated', 'held for SBP<100'])}.`,
    ],
    [
      'SAFETY',
      (r) =>
        `bed alarm on, call bell in reach, ${r.pick(['Morse 45', 'high fall risk', 'sitter'])}. ${wordNameDistractor(r)} ${numericDistractor(r)}.`,
    ],
  ];
  const chosen = n >= all.length ? all : all.slice(0, Math.max(3, n));
  return chosen.map(([label, f]) => [label, f(rng)]);
}
