/** Patient identification blocks and sign-offs shared by the formal styles. */
import type { Person } from '../cast.ts';
import type { Fragment } from '../NoteBuilder.ts';
import { age, anyDate, date, doctor, name, pager, phone, type DateFormat, type IdKind, type NameForm } from '../phi.ts';
import { day, stableLabeledId, want, type StyleContext } from './common.ts';

const HEADER_NAME_FORMS: readonly NameForm[] = [
  'upperLastFirst',
  'lastFirst',
  'lastFirstMiddle',
  'full',
  'fullMiddleInitial',
  'upperLastFirst',
];
const DOB_FORMATS: readonly DateFormat[] = ['mdyPad', 'mdyPad', 'mdy', 'iso', 'dMonY', 'dMonYUpper', 'long'];

/** "Patient: SMITH, JOHN A    MRN: 1234567    DOB: 01/02/1950    Age: 67    Sex: M" in one of several layouts. */
export function patientBlock(
  ctx: StyleContext,
  options: { ids?: readonly IdKind[]; multiline?: boolean; dob?: boolean; ageField?: boolean } = {},
): void {
  const { rng, b, cast } = ctx;
  const pt = cast.patient;
  const nl = (options.multiline ?? rng.chance(0.5)) ? '\n' : rng.pick(['    ', '  |  ', '   ', '\t']);
  const fields: Fragment[] = [];
  if (want(ctx, 0.95))
    fields.push([
      rng.pick(['Patient: ', 'Patient Name: ', 'Name: ', 'PATIENT: ', 'Pt: ']),
      name(pt, rng.pick(HEADER_NAME_FORMS)),
    ]);
  for (const kind of options.ids ?? ['mrn']) if (want(ctx, 0.9)) fields.push(stableLabeledId(ctx, kind));
  if ((options.dob ?? true) && want(ctx, 0.85))
    fields.push([
      rng.pick(['DOB: ', 'D.O.B.: ', 'Date of Birth: ', 'DOB ', 'Birth Date: ']),
      anyDate(rng, pt.dob, DOB_FORMATS),
    ]);
  if ((options.ageField ?? rng.chance(0.5)) && want(ctx, 0.9)) fields.push(age(rng, pt, 'field'));
  if (rng.chance(0.6))
    fields.push(
      `${rng.pick(['Sex: ', 'Gender: ', 'Sex/Gender: '])}${pt.sex === 'M' ? rng.pick(['M', 'Male']) : rng.pick(['F', 'Female'])}`,
    );
  fields.forEach((f, i) => {
    b.add(f);
    if (i < fields.length - 1) b.raw(nl);
  });
  b.nl();
}

/** "Electronically signed by Jane Doe, MD on 03/14/2023 at 16:02" and variants. */
export function signOff(
  ctx: StyleContext,
  who: Person,
  offset = 0,
  formats: readonly DateFormat[] = ['mdyPad', 'mdy', 'long', 'iso'],
): void {
  const { rng, b } = ctx;
  if (!want(ctx, 0.95)) {
    b.raw(rng.pick(['Electronically signed.\n', 'Signed by attending.\n', '[signature on file]\n']));
    return;
  }
  const when: Fragment = want(ctx, 0.7)
    ? [
        ' on ',
        anyDate(rng, day(ctx, offset), formats),
        rng.chance(0.6) ? ` at ${rng.int(0, 23)}:${String(rng.int(0, 59)).padStart(2, '0')}` : '',
      ]
    : '';
  b.add(
    rng.pick(['Electronically signed by ', 'Signed: ', 'Attending: ', 'Dictated by: ', '']),
    doctor(rng, who),
    when,
  ).nl();
  if (want(ctx, 0.3)) b.add(rng.pick([['Pager ', pager(rng)], ['Tel ', phone(rng)], pager(rng)] as Fragment[])).nl();
}

/** "Admission Date: 03/14/2023" style key/value date line. */
export function dateField(
  ctx: StyleContext,
  label: string,
  offset: number,
  formats: readonly DateFormat[] = ['mdyPad', 'mdy', 'iso', 'dMonY', 'long'],
): void {
  const { rng, b } = ctx;
  b.raw(label);
  if (want(ctx, 0.95)) b.add(date(day(ctx, offset), rng.pick(formats)));
  else b.raw('[not recorded]');
  b.nl();
}
