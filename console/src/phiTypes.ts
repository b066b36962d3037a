import type { PhiType } from '../../src/core/PhiEntity.ts';

export type { PhiType };

/** The nine types in the order the page lists them (most frequent in notes first). */
export const PHI_TYPES_SHOWN: readonly PhiType[] = [
  'NAME',
  'DATE',
  'AGE',
  'ID',
  'ADDRESS',
  'PHONE_OR_FAX',
  'EMAIL',
  'URL',
  'PROFESSION',
];

export function isShownType(type: string): type is PhiType {
  return (PHI_TYPES_SHOWN as readonly string[]).includes(type);
}
