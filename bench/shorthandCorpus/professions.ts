/** Occupations for the patient or a relative (PROFESSION spans). Written for this corpus. */
export const PROFESSIONS: readonly string[] = [
  'welder', 'electrician', 'plumber', 'carpenter', 'machinist', 'mechanic', 'truck driver', 'bus driver',
  'school teacher', 'teacher', 'librarian', 'accountant', 'lawyer', 'paralegal', 'firefighter', 'police officer',
  'nurse', 'pharmacist', 'dentist', 'engineer', 'software engineer', 'architect', 'farmer', 'fisherman',
  'roofer', 'painter', 'landscaper', 'chef', 'cook', 'waitress', 'bartender', 'cashier', 'hairdresser',
  'mail carrier', 'postal worker', 'construction worker', 'longshoreman', 'janitor', 'custodian', 'security guard',
  'real estate agent', 'banker', 'professor', 'pastor', 'social worker', 'veterinarian', 'pilot', 'flight attendant',
  'printer', 'tailor', 'baker', 'butcher', 'cab driver', 'nanny', 'home health aide', 'dental hygienist',
];

/** Single words of PROFESSIONS, lower case (kept out of neutral slots, where they would read as an occupation). */
export const PROFESSION_WORDS: ReadonlySet<string> = new Set(PROFESSIONS.flatMap((p) => p.split(' ')));
