import type { Cast } from '../corpus/cast.ts';
import { type Fragment, phi } from '../corpus/NoteBuilder.ts';
import { phoneNumber } from '../corpus/phi/contact.ts';
import { formatDate, FULL_US } from '../corpus/phi/dates.ts';
import { formatName } from '../corpus/phi/names.ts';
import { usCity, zip } from '../corpus/phi/places.ts';
import type { Rng } from '../corpus/random.ts';
import { cell, type Row } from './pageSpec.ts';

/** One page's people, dates and facility: every style draws its PHI from here and from the corpus generators. */
export interface Story {
  rng: Rng;
  cast: Cast;
  anchor: Date;
  clinic: string;
}

export const NAME = (text: string) => phi('NAME', text);
export const DATE = (d: Date, rng: Rng) => phi('DATE', formatDate(d, rng.pick(FULL_US)));
export const ID = (text: string) => phi('ID', text);
export const AGE = (n: number) => phi('AGE', String(n));
export const PHONE = (rng: Rng) => phi('PHONE_OR_FAX', phoneNumber(rng));
export const ADDRESS = (text: string) => phi('ADDRESS', text);
export const patientName = (s: Story) =>
  NAME(formatName(s.cast.patient, s.rng.pick(['full', 'fullMiddleInitial', 'lastFirst', 'upperLastFirst'] as const)));
export const doctorName = (s: Story, i = 0) => NAME(formatName(s.cast.doctors[i] ?? s.cast.patient, 'full'));
export const cityLine = (rng: Rng): Fragment[] => {
  const { city, state } = usCity(rng);
  return [ADDRESS(city), ', ', ADDRESS(`${state} ${zip(rng)}`)];
};
/** A wrapped paragraph. */
export const para = (text: Fragment, extra: Partial<Row> = {}): Row => ({
  cells: [cell(0, text, { wrap: true })],
  gapBefore: 0.3,
  ...extra,
});
