/* eslint @typescript-eslint/no-unused-expressions: ["error", { "allowTaggedTemplates": true }] -- b.t`...` appends to the note. */
import { condition } from '../clinical.ts';
import { age, date, doctor, id, labeledId, name, phi, time, type DateFormat } from '../phi.ts';
import { caseMode, day, doctorAt, nurseAt, ptRef, want, type NoteStyle } from './common.ts';

const OPS: readonly (readonly [procedure: string, steps: readonly string[], implant?: string])[] = [
  [
    'Laparoscopic cholecystectomy',
    [
      'Pneumoperitoneum established via Hasson technique at the umbilicus.',
      'The critical view of safety was obtained.',
      'The cystic duct and artery were clipped and divided.',
      'The gallbladder was removed in an Endocatch bag.',
    ],
  ],
  [
    'Right total hip arthroplasty',
    [
      'A posterior approach was used.',
      'The femoral neck osteotomy was performed.',
      'The acetabulum was reamed to 54 mm.',
      'Trial components were placed and the hip was stable.',
    ],
    'Acetabular shell 54 mm, femoral stem size 12',
  ],
  [
    'Open reduction internal fixation, left distal radius',
    [
      'A volar Henry approach was used.',
      'The fracture was reduced under fluoroscopy.',
      'A volar locking plate was applied.',
    ],
    'Volar locking plate, 7-hole',
  ],
  [
    'Exploratory laparotomy, small bowel resection',
    [
      'A midline laparotomy was performed.',
      'A 20 cm segment of ischemic ileum was resected.',
      'A stapled side-to-side anastomosis was created.',
    ],
  ],
  [
    'Dual-chamber pacemaker implantation',
    [
      'A left infraclavicular incision was made.',
      'Leads were placed via the cephalic vein.',
      'Thresholds were acceptable.',
    ],
    'Pacemaker generator',
  ],
  [
    'Coronary artery bypass grafting x3',
    [
      'Median sternotomy was performed.',
      'The LIMA was harvested.',
      'Cardiopulmonary bypass was instituted.',
      'Grafts: LIMA to LAD, SVG to OM1, SVG to RCA.',
    ],
  ],
  [
    'Whipple procedure (pancreaticoduodenectomy)',
    [
      'Kocher maneuver performed.',
      'The pancreatic neck was divided.',
      'Pancreaticojejunostomy and hepaticojejunostomy were created.',
    ],
  ],
];

const OP_DATES: readonly DateFormat[] = ['mdyPad', 'mdy', 'long', 'dMonY'];

export const operativeNote: NoteStyle = {
  name: 'operative_note',
  description:
    'Operative report: team, diagnoses, procedure, anesthesia, EBL, implants with serial numbers, description, disposition.',
  zeroPhiRate: 0.02,
  sizes: [
    ['short', 2],
    ['medium', 5],
    ['long', 2],
  ],
  generate(ctx) {
    const { rng, b, cast } = ctx;
    const pt = cast.patient;
    const [proc, steps, implant] = rng.pick(OPS);
    const dx = condition(rng);
    b.raw(`${rng.pick(['OPERATIVE REPORT', 'Operative Note', 'BRIEF OP NOTE'])}\n`);
    if (want(ctx, 0.7))
      b.t`Patient: ${name(pt, rng.pick(['upperLastFirst', 'lastFirst', 'full'] as const))}   ${want(ctx, 0.8) ? labeledId(rng, 'mrn') : ''}\n`;
    b.t`Date of Surgery: ${want(ctx, 0.95) ? date(day(ctx, 0), rng.pick(OP_DATES)) : 'today'}\n`;
    if (want(ctx, 0.4)) b.t`Location: ${phi('ADDRESS', ctx.hospital)}, OR ${rng.int(1, 24)}\n`;
    b.t`Surgeon: ${want(ctx, 0.95) ? doctor(rng, doctorAt(ctx, 0)) : 'attending'}\n`;
    if (want(ctx, 0.7)) b.t`Assistant: ${doctor(rng, doctorAt(ctx, 1))}${rng.chance(0.4) ? ' (PGY-4)' : ''}\n`;
    if (want(ctx, 0.7))
      b.t`Anesthesia: ${rng.pick(['GETA', 'General endotracheal', 'Spinal with MAC', 'Regional block + sedation'])}, ${doctor(rng, doctorAt(ctx, 2))}\n`;
    else b.raw(`Anesthesia: ${rng.pick(['GETA', 'MAC', 'Spinal'])}\n`);
    b.raw(`Preoperative Diagnosis: ${dx}\nPostoperative Diagnosis: Same\nProcedure: ${proc}\n`);
    b.raw(
      `EBL: ${rng.int(10, 900)} mL. Fluids: ${rng.int(500, 4000)} mL LR. UOP: ${rng.int(50, 800)} mL via Foley catheter.\n`,
    );
    b.raw(
      `Specimens: ${/cholecyst/u.test(proc) ? 'gallbladder to pathology' : /bowel|Whipple/u.test(proc) ? 'specimen to pathology' : /hip/u.test(proc) ? 'femoral head' : 'none'}. Drains: ${rng.pick(['19 Fr Blake drain', 'none', 'Jackson-Pratt x2', '28 Fr chest tube'])}. Complications: ${rng.pick(['none', 'none apparent', 'none'])}.\n`,
    );
    if (implant && want(ctx, 0.8))
      b.t`Implants: ${implant}, ${rng.pick(['Stryker', 'Zimmer', 'Medtronic', 'DePuy'])}, ${labeledId(rng, 'serial')}\n`;
    b.t`\nINDICATIONS: ${ptRef(ctx, 0.6, ['last', 'full'])} is a ${want(ctx, 0.8) ? age(rng, pt, 'adjective') : 'adult'} with ${dx}. Risks, benefits and alternatives were discussed${want(ctx, 0.3) ? [' with the patient and ', pt.sex === 'M' ? 'his' : 'her', ' ', cast.relatives[0]?.relation ?? 'family', ' ', name(cast.relatives[0]?.person ?? pt, 'first')] : ''} and consent was signed.\n`;
    b.raw(
      `\nDESCRIPTION OF PROCEDURE: The patient was identified in the preoperative holding area and brought to the OR at ${time(rng)}. `,
    );
    b.raw(
      `${rng.pick(['Placed supine', 'Placed in reverse Trendelenburg position', 'Placed in lateral decubitus position'])}; SCDs and Bair Hugger applied. A time-out was performed. ${rng.pick(['Foley catheter placed under sterile conditions.', 'Ancef 2 g IV given prior to incision.', 'Prepped and draped in the usual sterile fashion.'])} `,
    );
    b.raw(
      steps.join(' ') +
        ` Hemostasis was obtained. Counts were correct x2. Skin closed with ${rng.pick(['4-0 Monocryl and Dermabond', 'staples', '3-0 nylon'])}.\n`,
    );
    b.t`\n${want(ctx, 0.6) ? doctor(rng, doctorAt(ctx, 0)) : 'The attending surgeon'} was present and scrubbed for the entire procedure.\n`;
    if (want(ctx, 0.3))
      b.t`Circulating RN: ${name(nurseAt(ctx, 0), 'full')}. Scrub: ${name(nurseAt(ctx, 1), rng.pick(['full', 'initialLast'] as const))}.\n`;
    b.raw(
      `DISPOSITION: ${rng.pick(['PACU in stable condition', 'SICU intubated', 'PACU, extubated, stable'])}. Post-op: ${rng.pick(['NPO, IVF, PCA', 'WBAT, DVT ppx POD1', 'ancef x24h'])}.\n`,
    );
    if (want(ctx, 0.4)) b.t`Case ID ${id(rng, 'encounter')}\n`;
    return caseMode(rng, 0.1, 0);
  },
};
