import type { Fragment } from '../corpus/NoteBuilder.ts';
import { addDays, time } from '../corpus/phi/dates.ts';
import { idValue } from '../corpus/phi/ids.ts';
import { formatName } from '../corpus/phi/names.ts';
import { cell, type Cell, type Row } from './pageSpec.ts';
import { ADDRESS, AGE, DATE, ID, NAME, type Story } from './styleKit.ts';

const VIEWS = [
  'CHEST PA',
  'CHEST AP PORTABLE',
  'L KNEE 2 VIEWS',
  'R HAND 3 VIEWS',
  'PELVIS AP',
  'C-SPINE LAT',
  'ABDOMEN SUPINE',
  'L SHOULDER',
];

/**
 * A radiograph's burned-in annotations (light grey on black), in 2-4 corners: name, ID, DOB, age and sex top
 * left; institution, accession, study date top right; acquisition details and operator at the bottom.
 */
export function radiograph(s: Story): Row[] {
  const { rng, cast } = s;
  const pt = cast.patient;
  const grey = rng.pick(['#ffffff', '#e6e6e6', '#d0d0d0', '#bdbdbd']);
  const c = (at: number, f: Fragment, right = false): Cell =>
    cell(at, f, { colour: grey, ...(right ? { align: 'right' } : {}) });
  const study = addDays(s.anchor, -rng.int(0, 3));
  const corners = rng.int(2, 4);
  const shown =
    corners === 2 ? ['tl', rng.pick(['tr', 'br'])] : corners === 3 ? ['tl', 'tr', 'bl'] : ['tl', 'tr', 'bl', 'br'];
  const tl: Fragment[] = [
    NAME(formatName(pt, rng.pick(['upperLastFirst', 'lastFirst', 'full'] as const))),
    ['ID: ', ID(idValue(rng, 'mrn'))],
    ['DOB: ', DATE(pt.dob, rng)],
    [AGE(pt.age), pt.ageUnit === 'month' ? 'M ' : 'Y ', pt.sex],
  ];
  const tr: Fragment[] = [
    ADDRESS(s.clinic),
    ['Acc: ', ID(idValue(rng, 'accession'))],
    [DATE(study, rng), ` ${time(rng, '24colon')}`],
    rng.pick(VIEWS),
  ];
  const bl: Fragment[] = [
    `kVp ${rng.int(60, 125)}  mAs ${rng.decimal(1, 20)}`,
    ['Ref: Dr. ', NAME(formatName(cast.doctors[1] ?? pt, 'last'))],
  ];
  const br: Fragment[] = [
    `W ${rng.int(1500, 4096)}  L ${rng.int(800, 2200)}`,
    ['Tech: ', NAME(formatName(cast.nurses[0] ?? pt, 'initialLast'))],
  ];
  const rowsOf = (left: Fragment[] | undefined, right: Fragment[] | undefined, fromBottom: boolean): Row[] =>
    Array.from({ length: Math.max(left?.length ?? 0, right?.length ?? 0) }, (_, i): Row => ({
      cells: [
        ...(left?.[i] ? [c(0, left[i] as Fragment)] : []),
        ...(right?.[i] ? [c(0.55, right[i] as Fragment, true)] : []),
      ],
      ...(fromBottom && i === 0 ? { fromBottom: true } : {}),
    }));
  const pick = (corner: string, lines: Fragment[]) => (shown.includes(corner) ? lines : undefined);
  return [...rowsOf(tl, pick('tr', tr), false), ...rowsOf(pick('bl', bl), pick('br', br), true)];
}
