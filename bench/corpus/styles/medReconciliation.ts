/* eslint @typescript-eslint/no-unused-expressions: ["error", { "allowTaggedTemplates": true }] -- b.t`...` appends to the note. */
import { MEDS } from '../vocabulary/clinical.ts';
import {
  anyDate,
  date,
  doctor,
  id,
  labeledId,
  labeledPhone,
  name,
  pager,
  phi,
  streetLine,
  usCity,
  type DateFormat,
} from '../phi.ts';
import { count, day, doctorAt, nurseAt, relative, want, type NoteStyle } from './common.ts';
import { patientBlock } from './headers.ts';

const PHARMACY_CHAINS = [
  'CVS Pharmacy',
  'Walgreens',
  'Rite Aid',
  'Stop & Shop Pharmacy',
  'Costco Pharmacy',
  'Walmart Pharmacy',
  'Kroger Pharmacy',
];
const isHomeSig = (sig: string): boolean => !/IV|gtt|infusion/u.test(sig);
const HOME_MEDS = MEDS.filter(([, , sigs]) => sigs.some(isHomeSig));
const RX_DATES: readonly DateFormat[] = ['md', 'mdy', 'mdyPad', 'mdyShort'];

export const medReconciliation: NoteStyle = {
  name: 'med_reconciliation',
  description:
    'Pharmacy medication reconciliation: sources, outpatient pharmacy, home med table with last doses, discrepancies, Rx numbers.',
  zeroPhiRate: 0.03,
  sizes: [
    ['short', 3],
    ['medium', 5],
    ['long', 2],
  ],
  generate(ctx) {
    const { rng, b } = ctx;
    b.raw(
      `${rng.pick(['PHARMACY NOTE - ADMISSION MEDICATION RECONCILIATION', 'Medication Reconciliation', 'Pharmacy Medication History'])}\n`,
    );
    patientBlock(ctx, { ids: ['mrn'], multiline: rng.chance(0.5), ageField: true });
    b.raw(`Wt: ${rng.decimal(40, 150)} kg   CrCl: ${rng.int(15, 120)} mL/min\n`);
    b.raw('\nSources of information: ');
    const sources: string[] = [];
    b.raw(rng.pick(['patient interview', 'patient (reliable)', 'patient (poor historian)']));
    sources.push('pt');
    if (want(ctx, 0.6)) {
      const rel = relative(ctx, 0);
      b.t`, ${rel.relation} (${name(rel.person, rng.pick(['first', 'full'] as const))}${want(ctx, 0.5) ? [', ', labeledPhone(rng, '')] : ''})`;
    }
    if (want(ctx, 0.7)) {
      const { city, state } = usCity(rng);
      b.t`, outpatient pharmacy: ${phi('ADDRESS', `${rng.pick(PHARMACY_CHAINS)}${rng.chance(0.4) ? ` #${rng.int(1000, 19999)}` : ''}`)}`;
      if (rng.chance(0.5)) b.t`, ${phi('ADDRESS', streetLine(rng))}, ${phi('ADDRESS', city)}, ${phi('ADDRESS', state)}`;
      if (want(ctx, 0.6)) b.t` (${labeledPhone(rng, rng.pick(['ph ', 'tel ', '']))})`;
    }
    b.raw(
      `, ${rng.pick(['Surescripts fill history', 'PCP med list', 'pill bottles brought by family', 'nursing home MAR'])}.\n\n`,
    );
    b.raw(`${'Medication'.padEnd(34)}${'Sig'.padEnd(22)}Last dose\n`);
    const n = count(ctx, 3, 7, 12);
    for (const [drug, doses, sigs] of rng.sample(HOME_MEDS, n)) {
      b.raw(`${`${drug} ${rng.pick(doses)}`.padEnd(34)}${rng.pick(sigs.filter(isHomeSig)).padEnd(22)}`);
      if (want(ctx, 0.5))
        b.t`${anyDate(rng, day(ctx, -rng.int(0, 3)), RX_DATES)} ${rng.pick(['AM', 'PM', 'qHS', ''])}`.raw('\n');
      else b.raw(`${rng.pick(['this AM', 'last night', 'unknown', 'yesterday', '2 days ago'])}\n`);
    }
    b.raw('\nDiscrepancies / Interventions:\n');
    b.raw(
      `1. ${rng.pick(['Pt takes metoprolol 1/2 tab (12.5 mg) BID, not 25 mg as listed.', 'Warfarin held; INR 3.4. Resume when INR < 3.', 'Duplicate PPI therapy discontinued.', 'Gabapentin renally dose-adjusted to 100 mg TID for CrCl 28.'])}\n`,
    );
    b.raw(
      `2. ${rng.pick(['Home insulin glargine 22 units qHS; ordered 80% of home dose.', 'Pt not taking atorvastatin x3 months due to myalgias.', 'OTC ibuprofen 400 mg 2-3x/day; counseled to avoid.', 'Herbal: turmeric, fish oil 1 g daily.'])}\n`,
    );
    if (want(ctx, 0.4))
      b.t`3. Last fill of oxycodone ${rng.pick(['5 mg #30', '10 mg #60'])} on ${anyDate(rng, day(ctx, -rng.int(5, 40)), RX_DATES)} (${labeledId(rng, 'order', 'Rx #')}), prescriber ${doctor(rng, doctorAt(ctx, 3))}, ${labeledId(rng, 'dea')}.\n`;
    if (want(ctx, 0.3)) b.t`PMP reviewed ${date(day(ctx, 0), rng.pick(RX_DATES))}; no concerning fills.\n`;
    b.raw(`\nRecommendations discussed with ${rng.pick(['primary team', 'covering resident', 'attending'])}`);
    if (want(ctx, 0.5)) b.t` (${doctor(rng, doctorAt(ctx, 1))})`;
    b.raw('.\n\n');
    if (want(ctx, 0.9))
      b.add(
        name(nurseAt(ctx, 2), rng.pick(['full', 'fullMiddleInitial'] as const)),
        rng.pick([', PharmD', ', PharmD, BCPS', ', RPh', ' (pharmacy student)']),
        want(ctx, 0.5) ? [' ', rng.chance(0.5) ? pager(rng) : labeledPhone(rng, 'x')] : '',
      ).nl();
    if (want(ctx, 0.2)) b.t`Order ref ${id(rng, 'order')}\n`;
    return 'none';
  },
};
