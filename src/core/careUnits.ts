/**
 * Generic care units and departments: "MICU", "the ED", "cath lab", "step-down unit", and beds, bays and
 * pods ("bed 12"). They name no one and carry clinical meaning (where a patient was, how sick), so the
 * detectors keep them unless `maskCareUnits` asks otherwise. Named wards ("Ellison 10"), numbered wards
 * ("Ward 7B", "4 North") and room numbers locate a patient in one hospital: PHI either way, not matched here. One definition for the local detector (which masks these on request) and for
 * Comprehend Medical (whose ADDRESS type includes them, and which they are filtered from by default).
 */
const UNIT_NAMES = [
  'icu',
  'micu',
  'sicu',
  'ccu',
  'cicu',
  'cvicu',
  'csru',
  'cticu',
  'tsicu',
  'nsicu',
  'nicu',
  'picu',
  'neuro icu',
  'burn unit',
  'ed',
  'er',
  'emergency department',
  'emergency room',
  'or',
  'pacu',
  'pre-op',
  'preop',
  'post-op',
  'cath lab',
  'ep lab',
  'ir',
  'interventional radiology',
  'endoscopy',
  'l&d',
  'labor and delivery',
  'step-down unit',
  'stepdown unit',
  'step-down',
  'stepdown',
  'step down',
  'sdu',
  'pcu',
  'tele',
  'telemetry',
  'the floor',
  'med-surg',
  'medsurg',
  'dialysis unit',
  'rehab unit',
  'psych unit',
  'ob',
  'mother-baby unit',
  'nursery',
];
const NUMBERED = '(?:bay|pod|bed|bd)\\s*#?\\s*\\d{1,3}[a-z]?';

/** Every generic unit in `text`, as a case-insensitive global pattern (whole words). */
export const CARE_UNIT_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}&-])(?:${NUMBERED}|${[...UNIT_NAMES]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})(?![\\p{L}\\p{N}&-])`,
  'giu',
);

/** Is the whole of `text` a generic unit ("MICU", "the floor", "bed 12")? */
export function isGenericCareUnit(text: string): boolean {
  const value = text.trim().replace(/^the\s+/i, '');
  const whole = new RegExp(`^(?:${CARE_UNIT_PATTERN.source})$`, 'iu');
  return whole.test(value) || whole.test(`the ${value}`);
}

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}
