/* eslint @typescript-eslint/no-unused-expressions: ["error", { "allowTaggedTemplates": true }] -- b.t`...` appends to the note. */
import { loinc } from '../clinical.ts';
import {
  date,
  doctor,
  hospital,
  labeledId,
  labeledPhone,
  name,
  phi,
  time,
  usAddress,
  type DateFormat,
} from '../phi.ts';
import type { Rng } from '../random.ts';
import { caseMode, day, doctorAt, nurseAt, want, type NoteStyle } from './common.ts';
import { patientBlock } from './headers.ts';

type Row = readonly [test: string, low: number, high: number, unit: string, places: number];

const PANELS: Record<string, readonly Row[]> = {
  'BASIC METABOLIC PANEL': [
    ['Sodium', 135, 145, 'mmol/L', 0],
    ['Potassium', 3.5, 5.1, 'mmol/L', 1],
    ['Chloride', 98, 107, 'mmol/L', 0],
    ['CO2', 22, 29, 'mmol/L', 0],
    ['BUN', 7, 20, 'mg/dL', 0],
    ['Creatinine', 0.6, 1.2, 'mg/dL', 2],
    ['Glucose', 70, 99, 'mg/dL', 0],
    ['Calcium', 8.5, 10.2, 'mg/dL', 1],
  ],
  'COMPLETE BLOOD COUNT': [
    ['WBC', 4.0, 11.0, 'K/uL', 1],
    ['RBC', 4.2, 5.9, 'M/uL', 2],
    ['Hemoglobin', 12.0, 17.5, 'g/dL', 1],
    ['Hematocrit', 36, 52, '%', 1],
    ['MCV', 80, 100, 'fL', 0],
    ['Platelets', 150, 400, 'K/uL', 0],
    ['Neutrophils', 40, 75, '%', 0],
  ],
  'HEPATIC FUNCTION PANEL': [
    ['AST', 10, 40, 'U/L', 0],
    ['ALT', 7, 56, 'U/L', 0],
    ['Alk Phos', 44, 147, 'U/L', 0],
    ['Total Bilirubin', 0.1, 1.2, 'mg/dL', 1],
    ['Albumin', 3.5, 5.0, 'g/dL', 1],
  ],
  COAGULATION: [
    ['PT', 11, 13.5, 'sec', 1],
    ['INR', 0.8, 1.1, '', 1],
    ['PTT', 25, 35, 'sec', 1],
    ['Fibrinogen', 200, 400, 'mg/dL', 0],
  ],
  CARDIAC: [
    ['Troponin I', 0, 0.04, 'ng/mL', 2],
    ['BNP', 0, 100, 'pg/mL', 0],
    ['CK', 22, 198, 'U/L', 0],
  ],
  URINALYSIS: [
    ['Specific gravity', 1.005, 1.03, '', 3],
    ['pH', 5, 8, '', 1],
    ['Protein', 0, 14, 'mg/dL', 0],
    ['WBC', 0, 5, '/hpf', 0],
    ['RBC', 0, 2, '/hpf', 0],
  ],
};

function value(rng: Rng, [, low, high, , places]: Row): [string, string] {
  const span = high - low;
  const v = low - span * 0.4 + rng.next() * span * 1.8;
  const flag = v < low ? 'L' : v > high ? 'H' : '';
  return [Math.max(0, v).toFixed(places), flag];
}

const LAB_DATES: readonly DateFormat[] = ['mdyPad', 'mdyPad', 'mdy', 'iso', 'dMonYUpper', 'compact'];

export const labReport: NoteStyle = {
  name: 'lab_report',
  description:
    'Laboratory report: lab letterhead, patient IDs, specimen ID, collected/received date-times, result table, critical call.',
  zeroPhiRate: 0.01,
  sizes: [
    ['short', 4],
    ['medium', 4],
    ['long', 1],
  ],
  generate(ctx) {
    const { rng, b } = ctx;
    const fmt = rng.pick(LAB_DATES);
    if (want(ctx, 0.7)) {
      b.t`${rng.chance(0.5) ? phi('ADDRESS', ctx.hospital) : hospital(rng)} ${rng.pick(['Clinical Laboratory', 'Laboratory Medicine', 'Core Lab', 'Department of Pathology & Laboratory Medicine'])}\n`;
      if (want(ctx, 0.5)) b.add(usAddress(rng, 'line'), '   ', labeledPhone(rng)).nl();
    }
    b.raw(`${'='.repeat(rng.int(30, 60))}\n`);
    patientBlock(ctx, {
      ids: rng.pick([['mrn'], ['mrn', 'account'], ['mrn', 'encounter']] as const),
      multiline: rng.chance(0.4),
      ageField: rng.chance(0.4),
    });
    if (want(ctx, 0.8))
      b.t`Ordering Provider: ${doctor(rng, doctorAt(ctx, 0))}${want(ctx, 0.4) ? ['   ', labeledId(rng, 'npi')] : ''}\n`;
    if (want(ctx, 0.85)) b.add(labeledId(rng, 'specimen')).raw(rng.pick(['   ', '\n']));
    if (want(ctx, 0.4)) b.add(labeledId(rng, 'order')).nl();
    else b.nl();
    const collectedT = `${String(rng.int(0, 23)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`;
    b.t`Collected: ${want(ctx, 0.95) ? date(day(ctx, 0), fmt) : ''} ${collectedT}    Received: ${want(ctx, 0.9) ? date(day(ctx, 0), fmt) : ''} ${time(rng, '24colon')}\n`;
    b.t`Reported: ${want(ctx, 0.9) ? date(day(ctx, rng.int(0, 1)), fmt) : ''} ${time(rng, '24colon')}    Status: ${rng.pick(['FINAL', 'Final', 'PRELIMINARY', 'Corrected'])}\n\n`;
    const panels = rng.sample(Object.keys(PANELS), ctx.size === 'short' ? 1 : ctx.size === 'medium' ? 2 : 4);
    let critical = false;
    for (const panel of panels) {
      b.raw(`${panel}${rng.chance(0.4) ? ` (LOINC ${loinc(rng)})` : ''}\n`);
      b.raw(`${'Test'.padEnd(20)}${'Result'.padEnd(10)}${'Flag'.padEnd(6)}${'Units'.padEnd(10)}Reference\n`);
      for (const row of PANELS[panel] ?? []) {
        const [v, flag] = value(rng, row);
        if (flag && rng.chance(0.1)) critical = true;
        b.raw(`${row[0].padEnd(20)}${v.padEnd(10)}${flag.padEnd(6)}${row[3].padEnd(10)}${row[1]}-${row[2]}\n`);
      }
      b.nl();
    }
    if (critical && want(ctx, 0.9)) {
      b.t`CRITICAL VALUE called to ${rng.chance(0.5) ? [name(nurseAt(ctx, 0), rng.pick(['full', 'initialLast'] as const)), ', RN'] : doctor(rng, doctorAt(ctx, 0))} at ${time(rng, '24')} ${want(ctx, 0.5) ? date(day(ctx, 0), fmt) : ''} by ${name(nurseAt(ctx, 1), 'initials')}; read back verified.\n`;
    }
    if (rng.chance(0.4))
      b.raw(
        `Comment: ${rng.pick(['Specimen hemolyzed; potassium may be falsely elevated.', 'Results verified by repeat analysis.', 'Reference ranges apply to adults.', 'Performed on Roche cobas 8000.'])}\n`,
      );
    if (want(ctx, 0.5))
      b.t`Verified by: ${name(nurseAt(ctx, 2), rng.pick(['initialLast', 'full', 'initials'] as const))}, ${rng.pick(['MLS(ASCP)', 'MT', 'CLS'])}\n`;
    if (want(ctx, 0.3)) b.t`Lab Director: ${doctor(rng, doctorAt(ctx, 4))}\n`;
    return caseMode(rng, 0.2, 0);
  },
};
