/** The nine PHI entity types of Amazon Comprehend Medical DetectPHI. */
export const PHI_TYPES = [
  'NAME',
  'AGE',
  'DATE',
  'PHONE_OR_FAX',
  'EMAIL',
  'ID',
  'URL',
  'ADDRESS',
  'PROFESSION',
] as const;

export type PhiType = (typeof PHI_TYPES)[number];

/** A trait as DetectPHI returns it, e.g. `{ Name: 'AGE_OVER_89', Score: 0.99 }` (our own trait names are documented where set). */
export interface PhiTrait {
  Name: string;
  Score: number;
}

/**
 * One PHI finding in Comprehend Medical's `Entity` shape. Offsets are JavaScript string offsets
 * (UTF-16 code units), half-open: `text.slice(BeginOffset, EndOffset) === Text`.
 */
export interface PhiEntity {
  Id: number;
  BeginOffset: number;
  EndOffset: number;
  Score: number;
  Text: string;
  Category: 'PROTECTED_HEALTH_INFORMATION';
  Type: PhiType;
  Traits: PhiTrait[];
}

export function isPhiType(value: string): value is PhiType {
  return (PHI_TYPES as readonly string[]).includes(value);
}
