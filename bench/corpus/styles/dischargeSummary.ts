/* eslint @typescript-eslint/no-unused-expressions: ["error", { "allowTaggedTemplates": true }] -- b.t`...` appends to the note. */
import {
  condition,
  conditions,
  icd,
  labsLine,
  medList,
  narrative,
  procedure,
  vitals,
  wordNameDistractor,
} from '../clinical.ts';
import {
  age,
  anyDate,
  clinic,
  dateInText,
  date,
  doctor,
  facility,
  hospital,
  labeledPhone,
  phi,
  titled,
  type DateFormat,
} from '../phi.ts';
import { pronoun } from '../phi/people.ts';
import { bullets, count, day, doctorAt, ptRef, sexWord, want, type NoteStyle } from './common.ts';
import { dateField, patientBlock, signOff } from './headers.ts';

const COURSE_DATES: readonly DateFormat[] = [
  'md',
  'md',
  'mdy',
  'mdyPad',
  'monthD',
  'monD',
  'monthDth',
  'ordinal',
  'weekday',
];

export const dischargeSummary: NoteStyle = {
  name: 'discharge_summary',
  description: 'Discharge summary: header, diagnoses with ICD-10, HPI, hospital course by problem, meds, follow-up.',
  zeroPhiRate: 0.01,
  sizes: [
    ['short', 2],
    ['medium', 5],
    ['long', 3],
  ],
  generate(ctx) {
    const { rng, b, cast } = ctx;
    const pt = cast.patient;
    const los = rng.int(2, 14);
    b.raw(rng.pick(['DISCHARGE SUMMARY', 'Discharge Summary', 'HOSPITAL DISCHARGE SUMMARY']));
    if (want(ctx, 0.6)) b.t`\n${phi('ADDRESS', ctx.hospital)}`;
    b.nl(2);
    patientBlock(ctx, { ids: rng.pick([['mrn'], ['mrn', 'account'], ['mrn', 'encounter']] as const) });
    dateField(ctx, 'Admission Date: ', -los);
    dateField(ctx, 'Discharge Date: ', 0);
    if (want(ctx, 0.8)) b.t`Attending: ${doctor(rng, doctorAt(ctx, 0))}\n`;
    if (want(ctx, 0.5)) b.t`PCP: ${doctor(rng, doctorAt(ctx, 3))}${want(ctx, 0.4) ? [', ', clinic(rng)] : ''}\n`;
    b.raw(`Service: ${rng.pick(['Medicine', 'General Surgery', 'Cardiology', 'MICU', 'Neurology', 'Orthopedics'])}\n`);

    b.raw('\nDISCHARGE DIAGNOSES:\n');
    const dx = conditions(rng, count(ctx, 2, 3, 5));
    dx.forEach((d, i) => b.raw(`${i + 1}. ${d}${rng.chance(0.4) ? ` (${icd(rng)})` : ''}\n`));

    b.raw('\nHISTORY OF PRESENT ILLNESS:\n');
    b.t`${ptRef(ctx, 0.8, ['last', 'full'])} is a ${age(rng, pt, 'adjective')} ${sexWord(rng, pt)} with a history of ${dx.slice(1).join(', ') || condition(rng)} who presented to ${want(ctx, 0.6) ? ['the ED at ', hospital(rng)] : 'the ED'} ${want(ctx, 0.7) ? ['on ', anyDate(rng, day(ctx, -los), COURSE_DATES)] : ''} with ${rng.pick(['shortness of breath', 'chest pain', 'fevers and rigors', 'confusion', 'a fall at home', 'abdominal pain', 'melena'])} for ${rng.int(1, 10)} days. ${vitals(rng)} on arrival.\n`;

    b.raw('\nHOSPITAL COURSE:\n');
    const n = count(ctx, 1, 3, 7);
    for (let i = 0; i < n; i++) {
      const problem = dx[i] ?? condition(rng);
      b.raw(rng.chance(0.6) ? `# ${problem}: ` : `${problem.charAt(0).toUpperCase()}${problem.slice(1)}. `);
      const when = want(ctx, 0.6)
        ? dateInText(rng, day(ctx, -los + rng.int(0, los)), COURSE_DATES)
        : `hospital day ${rng.int(1, los)}`;
      switch (rng.int(0, 4)) {
        case 0:
          b.t`${pronoun(pt.sex, 'subj').replace(/^./u, (c) => c.toUpperCase())} was started on ${medList(rng, 1)[0] ?? ''} with improvement. ${labsLine(rng)}. ${narrative(rng, 1)}`;
          break;
        case 1:
          b.t`On ${when}, ${pronoun(pt.sex)} underwent ${procedure(rng)}${want(ctx, 0.6) ? [' by ', doctor(rng, doctorAt(ctx, 1))] : ''} without complication.`;
          break;
        case 2:
          b.t`${rng.pick(['Cardiology', 'Nephrology', 'ID', 'GI', 'Neurology'])} was consulted${want(ctx, 0.6) ? [' (', doctor(rng, doctorAt(ctx, 2)), ')'] : ''} and recommended ${medList(rng, 1)[0] ?? ''} x${rng.int(3, 14)} days. ${wordNameDistractor(rng)}`;
          break;
        case 3:
          b.t`Course complicated by ${condition(rng)} on ${when}, treated with ${medList(rng, 1)[0] ?? ''}. Repeat labs ${labsLine(rng)}.`;
          break;
        default:
          b.t`${ptRef(ctx, 0.5, ['last'])} remained hemodynamically stable; BP ranged ${rng.int(100, 130)}/${rng.int(60, 80)} to ${rng.int(130, 170)}/${rng.int(80, 100)}.`;
      }
      if (ctx.size !== 'short') b.raw(` ${narrative(rng, count(ctx, 0, 1, 4))}`);
      b.nl();
    }

    b.raw('\nDISCHARGE MEDICATIONS:\n');
    bullets(b, medList(rng, count(ctx, 3, 6, 10)), rng.pick(['- ', '* ', '']));
    b.raw(`\nALLERGIES: ${rng.pick(['NKDA', 'penicillin', 'sulfa', 'codeine'])}\n`);
    b.raw(`\nDISCHARGE CONDITION: ${rng.pick(['Stable', 'Good', 'Fair', 'Improved'])}. ${vitals(rng)}.\n`);
    b.raw('\nDISPOSITION: ');
    if (rng.chance(0.4) && want(ctx, 0.9))
      b.t`${facility(rng)}${want(ctx, 0.3) ? [' (', labeledPhone(rng), ')'] : ''}\n`;
    else b.raw(rng.pick(['Home with services\n', 'Home\n', 'Home with VNA\n', 'Rehab\n']));

    b.raw('\nFOLLOW-UP:\n');
    for (let i = count(ctx, 1, 2, 3); i > 0; i--) {
      if (want(ctx, 0.85)) {
        b.t`- ${doctor(rng, doctorAt(ctx, i + 1))}${want(ctx, 0.6) ? [' at ', clinic(rng)] : ''} on ${anyDate(rng, day(ctx, rng.int(5, 40)), ['mdyPad', 'mdy', 'long', 'weekdayLong', 'monthD', 'md'])}${rng.chance(0.6) ? ` at ${rng.int(8, 16)}:${rng.pick(['00', '15', '30', '45'])}` : ''}${want(ctx, 0.5) ? ['. Phone ', labeledPhone(rng, '')] : ''}\n`;
      } else {
        b.raw(`- PCP in ${rng.int(1, 2)} weeks; labs (${rng.pick(['BMP', 'CBC', 'INR'])}) in ${rng.int(3, 7)} days\n`);
      }
    }
    if (want(ctx, 0.3))
      b.t`\n${titled(rng, pt)} was seen and examined on the day of discharge and was agreeable to the plan.\n`;
    b.nl();
    signOff(ctx, doctorAt(ctx, 0), rng.int(0, 2));
    if (want(ctx, 0.3))
      b.t`cc: ${doctor(rng, doctorAt(ctx, 3))}${want(ctx, 0.4) ? [', ', date(day(ctx, 0), 'mdy')] : ''}\n`;
    return 'none';
  },
};
