/* eslint @typescript-eslint/no-unused-expressions: ["error", { "allowTaggedTemplates": true }] -- b.t`...` appends to the note. */
import { condition } from '../clinical.ts';
import {
  age,
  anyDate,
  date,
  doctor,
  id,
  ipAddress,
  labeledId,
  name,
  pager,
  phi,
  phone,
  time,
  type DateFormat,
} from '../phi.ts';
import { isMinor } from '../cast.ts';
import { caseMode, count, day, doctorAt, pastOffset, sexWord, want, type NoteStyle } from './common.ts';
import { patientBlock } from './headers.ts';

const EXAMS: readonly (readonly [exam: string, findings: readonly string[], impressions: readonly string[]])[] = [
  [
    'CT CHEST WITHOUT CONTRAST',
    [
      'Scattered ground-glass opacities in the right lower lobe.',
      'No pleural effusion or pneumothorax.',
      'Stable 4 mm nodule in the left upper lobe (series 3, image 42).',
      'Mediastinal lymph nodes are not enlarged; largest measures 8 mm short axis.',
      'Coronary artery calcifications.',
      'Moderate centrilobular emphysema.',
    ],
    [
      'Right lower lobe ground-glass opacities, likely infectious/inflammatory.',
      'Stable 4 mm pulmonary nodule; no follow-up needed per Fleischner criteria.',
    ],
  ],
  [
    'CHEST RADIOGRAPH, PORTABLE AP',
    [
      'Endotracheal tube terminates 4.2 cm above the carina.',
      'Right IJ central venous catheter tip in the SVC.',
      'Bibasilar opacities, left greater than right.',
      'Small bilateral pleural effusions.',
      'Cardiomediastinal silhouette is enlarged but stable.',
      'Enteric tube courses below the diaphragm.',
    ],
    ['Lines and tubes in appropriate position.', 'Worsening left basilar opacity, atelectasis versus pneumonia.'],
  ],
  [
    'CT HEAD WITHOUT CONTRAST',
    [
      'No acute intracranial hemorrhage.',
      'Chronic microvascular ischemic changes.',
      'Old left MCA territory infarct.',
      'No midline shift; basal cisterns patent.',
      'Paranasal sinuses clear.',
    ],
    ['No acute intracranial abnormality.', 'Chronic small vessel ischemic disease.'],
  ],
  [
    'MRI BRAIN WITH AND WITHOUT CONTRAST',
    [
      'Restricted diffusion in the right corona radiata measuring 9 mm.',
      'No abnormal enhancement.',
      'Mild generalized volume loss.',
      'T2/FLAIR hyperintensities in the periventricular white matter, Fazekas grade 2.',
    ],
    ['Acute lacunar infarct in the right corona radiata.', 'Fazekas 2 white matter disease.'],
  ],
  [
    'CT ABDOMEN AND PELVIS WITH CONTRAST',
    [
      'Distended gallbladder with pericholecystic fluid.',
      'Sigmoid diverticulosis with adjacent fat stranding.',
      'No free air.',
      'Simple 2.1 cm left renal cyst (Bosniak I).',
      'Appendix is normal.',
      'Moderate hiatal hernia.',
    ],
    ['Acute uncomplicated sigmoid diverticulitis.', 'Bosniak I renal cyst, no follow-up needed.'],
  ],
  [
    'US RIGHT UPPER QUADRANT',
    [
      'Gallbladder contains multiple shadowing stones.',
      'Gallbladder wall thickened to 5 mm.',
      'Sonographic Murphy sign positive.',
      'CBD measures 4 mm.',
    ],
    ['Findings compatible with acute calculous cholecystitis.'],
  ],
  [
    'BILATERAL LOWER EXTREMITY VENOUS DUPLEX',
    [
      'Noncompressible left popliteal vein with echogenic thrombus.',
      'Normal Doppler waveforms in the right lower extremity.',
      'Baker cyst in the left popliteal fossa measuring 3.1 cm.',
    ],
    ['Acute DVT of the left popliteal vein.'],
  ],
  [
    'TRANSTHORACIC ECHOCARDIOGRAM',
    ['LVEF estimated 35%.', 'Moderate mitral regurgitation.', 'RVSP 48 mmHg.', 'No pericardial effusion.'],
    ['Reduced LV systolic function, EF 35%.', 'Moderate MR.'],
  ],
];

const RAD_DATES: readonly DateFormat[] = ['mdyPad', 'mdy', 'iso', 'dMonY', 'long', 'mdyShort'];

export const radiologyReport: NoteStyle = {
  name: 'radiology_report',
  description:
    'Radiology report: exam, accession number, comparison dates, history, findings, impression, critical result call, signature.',
  zeroPhiRate: 0.02,
  sizes: [
    ['short', 3],
    ['medium', 5],
    ['long', 1],
  ],
  generate(ctx) {
    const { rng, b, cast } = ctx;
    const pt = cast.patient;
    const [exam, findings, impressions] = rng.pick(EXAMS);
    const upperHeader = rng.chance(0.5);
    if (want(ctx, 0.5))
      b.t`${phi('ADDRESS', upperHeader ? ctx.hospital.toUpperCase() : ctx.hospital)} ${upperHeader ? 'DEPARTMENT OF RADIOLOGY' : 'Department of Radiology'}\n`;
    patientBlock(ctx, {
      ids: rng.pick([['mrn'], ['mrn', 'accession'], ['mrn', 'encounter']] as const),
      multiline: rng.chance(0.6),
    });
    if (want(ctx, 0.15)) b.add(id(rng, 'accession'), '  ', name(pt, 'upperLastFirst'), '\n');
    b.raw(`EXAM: ${exam}\n`);
    if (want(ctx, 0.8)) b.add(labeledId(rng, 'accession')).nl();
    b.t`${rng.pick(['DATE OF SERVICE: ', 'Exam Date: ', 'Date/Time: ', 'Study Date: '])}${want(ctx, 0.95) ? date(day(ctx, 0), rng.pick(RAD_DATES)) : 'today'} ${time(rng, rng.pick(['24colon', '12'] as const))}\n`;
    if (want(ctx, 0.8))
      b.t`${rng.pick(['REFERRING PHYSICIAN: ', 'Ordering Provider: ', 'Referring: '])}${doctor(rng, doctorAt(ctx, 0))}\n`;
    b.t`\nCLINICAL HISTORY: ${want(ctx, 0.7) ? age(rng, pt, 'adjective') : 'Adult'} ${isMinor(pt) ? sexWord(rng, pt) : pt.sex === 'M' ? 'male' : 'female'} with ${condition(rng)}, ${rng.pick(['r/o PNA', 'eval for PE', 'fever', 'AMS', 'RUQ pain', 'line placement', 'f/u'])}.\n`;
    b.raw('\nCOMPARISON: ');
    if (want(ctx, 0.75)) {
      const n = rng.int(1, 2);
      for (let i = 0; i < n; i++) {
        if (i) b.raw(' and ');
        b.t`${rng.pick(['CT chest', 'Chest radiograph', 'Prior study', 'MRI', 'Outside CT'])} ${rng.pick(['dated ', 'from ', '', 'of '])}${anyDate(rng, day(ctx, pastOffset(ctx, 1, 3650)), RAD_DATES)}`;
      }
      b.raw('.\n');
    } else b.raw(rng.pick(['None.\n', 'None available.\n', 'No prior studies.\n']));
    b.raw(
      `\nTECHNIQUE: ${rng.pick(['Axial images were obtained without IV contrast. Coronal and sagittal reformats were reviewed.', 'Single portable AP view of the chest.', 'Multiplanar multisequence imaging. Gadavist 7.5 mL IV.', 'Grayscale and color Doppler images.'])} ${rng.chance(0.4) ? `DLP ${rng.int(200, 900)} mGy-cm.` : ''}\n`,
    );
    b.raw('\nFINDINGS:\n');
    for (const f of rng.sample(findings, count(ctx, 2, 4, 6))) b.raw(`${f}\n`);
    b.raw('\nIMPRESSION:\n');
    rng.sample(impressions, rng.int(1, impressions.length)).forEach((imp, i) => b.raw(`${i + 1}. ${imp}\n`));
    if (want(ctx, 0.35)) {
      b.t`\nCritical result communicated to ${doctor(rng, doctorAt(ctx, 0))} ${rng.pick(['by telephone', 'via secure chat', 'by phone'])} at ${time(rng)}${want(ctx, 0.5) ? [' on ', date(day(ctx, 0), rng.pick(RAD_DATES))] : ''}${want(ctx, 0.3) ? [' (', rng.chance(0.5) ? pager(rng) : phone(rng), ')'] : ''}, with read-back.\n`;
    }
    b.nl();
    if (want(ctx, 0.6))
      b.t`Dictated by: ${doctor(rng, doctorAt(ctx, 2))}${rng.chance(0.5) ? ', Radiology Resident' : ''}\n`;
    if (want(ctx, 0.9))
      b.t`${rng.pick(['Signed by: ', 'Electronically signed by: ', 'Attending Radiologist: ', 'Finalized by '])}${doctor(rng, doctorAt(ctx, 3))}${want(ctx, 0.6) ? [' on ', date(day(ctx, rng.int(0, 1)), rng.pick(RAD_DATES)), ` ${time(rng)}`] : ''}\n`;
    if (want(ctx, 0.15))
      b.add(`Workstation ${rng.pick(['RADWS', 'PACS-RR', 'WS'])}${rng.int(1, 40)} (`, ipAddress(rng), ')\n');
    return caseMode(rng, 0.15, 0);
  },
};
