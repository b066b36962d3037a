/* eslint @typescript-eslint/no-unused-expressions: ["error", { "allowTaggedTemplates": true }] -- b.t`...` appends to the note. */
import { condition } from '../clinical.ts';
import { age, date, doctor, labeledId, name, phi, type DateFormat } from '../phi.ts';
import { caseMode, count, day, doctorAt, sexWord, stableId, want, type NoteStyle } from './common.ts';
import { patientBlock } from './headers.ts';

const CASES: readonly (readonly [specimen: string, gross: string, dx: readonly string[]])[] = [
  [
    'Prostate, needle core biopsies (12 cores)',
    'Received in formalin are twelve tan-white cores of tissue ranging from 0.8 to 1.6 cm in length.',
    [
      'Prostatic adenocarcinoma, Gleason score 3+4=7 (Grade Group 2), involving 4 of 12 cores.',
      'Perineural invasion identified.',
    ],
  ],
  [
    'Lymph node, left cervical, excisional biopsy',
    'Received fresh is a tan-pink lymph node measuring 2.4 x 1.8 x 1.1 cm.',
    ['Classic Hodgkin lymphoma, nodular sclerosis type.', 'Reed-Sternberg cells positive for CD15 and CD30.'],
  ],
  [
    'Colon, terminal ileum, biopsies',
    'Received in formalin are five tan fragments of soft tissue, aggregating 0.6 x 0.5 x 0.2 cm.',
    [
      "Chronic active ileitis with non-necrotizing granulomas, consistent with Crohn's disease.",
      'No dysplasia identified.',
    ],
  ],
  [
    'Skin, left upper back, shave biopsy',
    'Received in formalin is a tan-brown shave of skin, 1.1 x 0.9 x 0.2 cm, with a central pigmented lesion.',
    ['Invasive melanoma, superficial spreading type, Breslow depth 1.2 mm, Clark level IV.', 'Margins free of tumor.'],
  ],
  [
    'Gallbladder, cholecystectomy',
    'Received fresh is a 9.2 x 3.1 cm gallbladder with multiple yellow-green faceted stones.',
    ['Acute and chronic cholecystitis with cholelithiasis.', 'No evidence of malignancy.'],
  ],
  [
    'Breast, right, ultrasound-guided core biopsy',
    'Received in formalin are four white-tan cores up to 1.5 cm.',
    [
      'Invasive ductal carcinoma, Nottingham grade 2.',
      'ER positive (95%), PR positive (40%), HER2 equivocal (2+); FISH to follow.',
    ],
  ],
  [
    'Thyroid, total thyroidectomy',
    'Received fresh is a 28 g thyroid gland, right lobe 5.0 cm, left lobe 4.6 cm.',
    ["Hashimoto's thyroiditis.", 'Papillary microcarcinoma, 0.4 cm, right lobe, margins negative.'],
  ],
  [
    'Bone marrow, posterior iliac crest, aspirate and core',
    'Received is a 1.4 cm core of bone and aspirate smears (Wright stain).',
    ['Hypercellular marrow (80%) with 7% plasma cells.', 'Congo red stain negative for amyloid.'],
  ],
];

const PATH_DATES: readonly DateFormat[] = ['mdyPad', 'mdy', 'dMonY', 'long', 'iso'];

export const pathologyReport: NoteStyle = {
  name: 'pathology_report',
  description:
    'Surgical pathology report: case number, dates of procedure and receipt, gross and microscopic descriptions, diagnosis, pathologist.',
  zeroPhiRate: 0.01,
  sizes: [
    ['short', 3],
    ['medium', 5],
    ['long', 1],
  ],
  generate(ctx) {
    const { rng, b, cast } = ctx;
    const pt = cast.patient;
    const [specimen, gross, dx] = rng.pick(CASES);
    b.raw('SURGICAL PATHOLOGY REPORT\n');
    if (want(ctx, 0.6)) b.t`${phi('ADDRESS', ctx.hospital)}, Department of Pathology\n`;
    if (want(ctx, 0.9))
      b.add(
        labeledId(rng, 'accession', rng.pick(['Case #: ', 'Surgical Pathology #: ', 'Accession: ', 'Path No. '])),
      ).nl();
    patientBlock(ctx, { ids: ['mrn'], multiline: true });
    if (want(ctx, 0.5)) b.t`Age/Sex: ${phi('AGE', String(pt.age))}/${pt.sex}\n`;
    b.t`Date of Procedure: ${want(ctx, 0.9) ? date(day(ctx, -1), rng.pick(PATH_DATES)) : 'not provided'}\n`;
    b.t`Date Received: ${want(ctx, 0.9) ? date(day(ctx, -1), rng.pick(PATH_DATES)) : 'not provided'}    Date Reported: ${want(ctx, 0.9) ? date(day(ctx, rng.int(1, 5)), rng.pick(PATH_DATES)) : 'pending'}\n`;
    if (want(ctx, 0.85)) b.t`Submitting Physician: ${doctor(rng, doctorAt(ctx, 0))}\n`;
    if (want(ctx, 0.3)) b.t`Copy to: ${doctor(rng, doctorAt(ctx, 3))}\n`;
    b.t`\nCLINICAL HISTORY:\n${want(ctx, 0.6) ? age(rng, pt, 'adjective') : 'Adult'} ${sexWord(rng, pt, true)} with ${condition(rng)}; ${rng.pick(['rule out malignancy', 'mass on imaging', 'elevated PSA (8.2 ng/mL)', 'lymphadenopathy', 'chronic diarrhea'])}.\n`;
    b.raw(`\nSPECIMEN:\nA. ${specimen}\n`);
    b.raw('\nGROSS DESCRIPTION:\n');
    if (want(ctx, 0.7)) {
      b.t`Received ${rng.pick(['in a container labeled', 'labeled with'])} "${name(pt, rng.pick(['upperLastFirst', 'full', 'lastFirst'] as const))}" and ${rng.chance(0.5) ? ['medical record number ', stableId(ctx, 'mrn')] : 'the medical record number'}, designated "A". `;
    }
    b.raw(
      `${gross} ${rng.pick(['Entirely submitted in cassettes A1-A4.', 'Representative sections submitted in A1-A6.', 'Inked blue; bisected and entirely submitted.'])}`,
    );
    if (want(ctx, 0.5))
      b.t` (${name(doctorAt(ctx, 4), 'initials')}/${name(cast.nurses[0] ?? doctorAt(ctx, 1), 'initials')})`;
    b.raw('\n\nMICROSCOPIC DESCRIPTION:\n');
    b.raw(
      `${rng.pick(['Sections show the features summarized in the diagnosis.', 'H&E sections examined at multiple levels.', 'Immunohistochemistry performed with appropriate controls.'])} ${rng.chance(0.5) ? 'Ki-67 proliferation index approximately 20%.' : ''}\n`,
    );
    b.raw('\nDIAGNOSIS:\nA. ' + specimen + ':\n');
    for (const d of dx.slice(0, Math.max(1, count(ctx, 1, 2, 3)))) b.raw(`   - ${d}\n`);
    if (rng.chance(0.4))
      b.raw(
        `\nCPT: 88305, 88342 x${rng.int(1, 4)}. ICD-10: ${rng.pick(['C61', 'C81.10', 'K50.90', 'C43.5', 'K81.0'])}\n`,
      );
    b.raw('\n');
    if (want(ctx, 0.9))
      b.t`${rng.pick(['Pathologist: ', 'Electronically signed out by ', 'Reported by: '])}${doctor(rng, doctorAt(ctx, 2))}${want(ctx, 0.6) ? [' on ', date(day(ctx, rng.int(1, 5)), rng.pick(PATH_DATES))] : ''}\n`;
    if (want(ctx, 0.3)) b.t`Intradepartmental consultation: ${doctor(rng, doctorAt(ctx, 4))} concurs.\n`;
    return caseMode(rng, 0.2, 0);
  },
};
