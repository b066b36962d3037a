import { cell, type Row } from './pageSpec.ts';
import { formHeader, registrationFields } from './registrationFields.ts';
import type { Story } from './styleKit.ts';

/** Registration form as a two-column table with grid lines: label cell | value cell. */
export function formTable(s: Story): Row[] {
  const split = s.rng.pick([0.3, 0.34, 0.38]);
  const rows = registrationFields(s).map(([label, value], i): Row => ({
    cells: [cell(0, label, { bold: true }), cell(split, value)],
    grid: [0, split, 1],
    ...(i === 0 ? { gapBefore: 0.6 } : {}),
  }));
  return [
    ...formHeader(
      s,
      s.rng.pick(['New Patient Registration', 'Patient Registration Form', 'Patient Information Sheet']),
    ),
    ...rows,
  ];
}
