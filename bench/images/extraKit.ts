/**
 * Fragment makers the issue-12 styles share (discharge summary, registration forms, fax cover), beside
 * styleKit.ts. PHI comes from the corpus generators; the clinical wording is each style file's own.
 */
import { type Fragment, phi } from '../corpus/NoteBuilder.ts';
import { AGE, type Story } from './styleKit.ts';

export const EMAIL = (text: string) => phi('EMAIL', text);
/** "54" or "18 mo": the number is the AGE. */
export const ageValue = (s: Story): Fragment => [
  AGE(s.cast.patient.age),
  s.cast.patient.ageUnit === 'month' ? ' mo' : '',
];
