import { cell, type Row } from './pageSpec.ts';
import { formHeader, registrationFields } from './registrationFields.ts';
import type { Story } from './styleKit.ts';

/** Registration form with a caption above each value, two fields side by side, a rule under the values. */
export function formBelow(s: Story): Row[] {
  const fields = registrationFields(s);
  const rows: Row[] = [];
  for (let i = 0; i < fields.length; i += 2) {
    const pair = fields.slice(i, i + 2);
    rows.push({
      cells: pair.map(([label], k) => cell(k * 0.5, label, { colour: '#333333' })),
      scale: 0.8,
      gapBefore: i === 0 ? 0.6 : 0.25,
    });
    rows.push({ cells: pair.map(([, value], k) => cell(k * 0.5, value)), rule: true });
  }
  return [
    ...formHeader(s, s.rng.pick(['Patient Registration', 'Registration and Consent', 'New Patient Information'])),
    ...rows,
  ];
}
