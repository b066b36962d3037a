/** Words around a name that say it is one. Lower case, without trailing periods. */

export const TITLES = new Set([
  'dr', 'doctor', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'professor', 'nurse', 'rev', 'reverend', 'pastor',
  'fr', 'capt', 'captain', 'sgt', 'judge', 'atty', 'attorney', 'sir', 'dame', 'lady', 'lord', 'madam', 'mme', 'mlle', 'herr', 'frau', 'sr', 'sra', 'srta',
]);

export const RELATIONS = new Set([
  'wife', 'husband', 'spouse', 'partner', 'son', 'sons', 'daughter', 'daughters', 'dtr', 'dau', 'mother', 'mom', 'mum', 'mam', 'father', 'dad',
  'sister', 'sis', 'brother', 'bro', 'sibling', 'aunt', 'auntie', 'uncle', 'niece', 'nephew', 'cousin', 'grandson',
  'granddaughter', 'grandchild', 'grandmother', 'grandma', 'granny', 'nana', 'grandfather', 'grandpa', 'gf', 'bf', 'boyfriend', 'girlfriend',
  'fiance', 'fiancee', 'fiancé', 'friend', 'neighbor', 'neighbour', 'roommate', 'caregiver', 'carer', 'guardian', 'hcp', 'hcproxy',
  'proxy', 'poa', 'nok', 'stepson', 'stepdaughter', 'stepmother', 'stepfather', 'son-in-law', 'daughter-in-law',
  'mother-in-law', 'father-in-law', 'sister-in-law', 'brother-in-law', 'godmother', 'godfather', 'ex-wife', 'ex-husband',
  'widow', 'widower', 'twin', 'named', 'called', 'aka', 'caller',
]);

/** Weaker cues: a name often follows them, so they raise a candidate's score but never make one alone. */
export const CUES = new Set([
  'pt', 'patient', 'name', 'seen', 'by', 'cc', 'attending', 'resident', 'fellow', 'intern', 'pcp', 'surgeon', 'physician',
  'provider', 'np', 'pa', 'rn', 'md', 'from', 'to', 'dear', 'sincerely', 'regards', 'thanks', 'thank', 'called', 'with',
  'spoke', 'discussed', 'per', 'paged', 'notified', 'informed', 'updated', 'visited', 'contact', 'saw', 'met', 'asked',
  'told', 'and', 'signed', 'dictated', 'transcribed', 'reviewed', 'cosigned', 'co-signed', 'referred', 'referring', 'consulted', 'ordered',
  'mrs', 'mr', 'ms', 'miss', 'son', 'daughter', 'wife', 'husband', 'mother', 'father', 'sister', 'brother', 'aka', 'alias', 'nee', 'née',
  'cardiologist', 'oncologist', 'neurologist', 'nephrologist', 'psychiatrist', 'therapist', 'dentist', 'pharmacist', 'nurse', 'coordinator', 'manager', 'worker', 'sw', 'cm', 'chaplain',
]);

export const CREDENTIALS = new Set([
  'md', 'do', 'rn', 'np', 'pa', 'pa-c', 'phd', 'mph', 'msn', 'bsn', 'lpn', 'cna', 'crna', 'dds', 'dmd', 'facs', 'facp', 'mbbs', 'frcp',
  'lcsw', 'msw', 'pharmd', 'dnp', 'aprn', 'fnp', 'fnp-c', 'cnm', 'slp', 'ccc-slp', 'rd', 'ld', 'rrt', 'ms', 'ma', 'mba', 'jr', 'sr', 'ii', 'iii', 'iv', 'rph', 'od', 'dpm', 'psyd', 'lmft', 'lpc', 'cnp', 'acnp', 'agacnp', 'ccrn',
  // Laboratory, imaging and pharmacy staff sign results too: "Verified by Ann Lee, MT".
  'mt', 'mls', 'mlt', 'cls', 'rt', 'rdms', 'rdcs', 'rvt', 'cpht', 'emt',
]);

/** Lower-case name particles: joined inside a name ("Ludwig van Beethoven"), never a name alone. */
export const PARTICLES = new Set(['van', 'der', 'den', 'de', 'la', 'le', 'del', 'della', 'da', 'di', 'dos', 'das', 'du', 'von', 'zu', 'bin', 'ibn', 'bint', 'al', 'el', 'ben', 'ter', 'ten', 'st', 'y', 'e']);

export const MONTHS_AND_DAYS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
]);

/** Capitalised words that are proper nouns but not PHI: languages, peoples, religions, payers, organisations of care. */
export const PROPER_NON_PHI = new Set([
  'english', 'spanish', 'french', 'german', 'italian', 'portuguese', 'russian', 'chinese', 'mandarin', 'cantonese', 'japanese', 'korean',
  'vietnamese', 'arabic', 'hindi', 'urdu', 'bengali', 'punjabi', 'tagalog', 'filipino', 'haitian', 'creole', 'polish', 'greek', 'hebrew',
  'farsi', 'persian', 'somali', 'swahili', 'amharic', 'turkish', 'thai', 'american', 'african', 'asian', 'hispanic', 'latino', 'latina',
  'latinx', 'caucasian', 'european', 'black', 'white', 'native', 'indian', 'mexican', 'canadian', 'british', 'irish', 'scottish',
  'christian', 'catholic', 'protestant', 'baptist', 'methodist', 'lutheran', 'jewish', 'muslim', 'islamic', 'hindu', 'buddhist',
  'mormon', 'orthodox', 'jehovah', "jehovah's", 'witness', 'atheist', 'medicare', 'medicaid', 'medigap', 'tricare', 'cobra', 'hmo', 'ppo',
  'god', 'lord', 'jesus', 'allah', 'bible', 'internet', 'google', 'facebook', 'zoom', 'epic', 'cerner', 'covid', 'coronavirus',
  'ed', 'er', 'icu', 'ccu', 'or', 'pacu', 'dr', 'mr', 'mrs', 'ms', 'miss', 'md', 'rn', 'np', 'pa', 'pt', 'ot', 'slp', 'aa', 'na',
]);

/** Words of letters and e-mails that sit next to names but never are one. */
export const NEVER_NAMES = new Set([
  'hi', 'hello', 'hey', 'dear', 'thanks', 'thank', 'regards', 'cheers', 'sincerely', 'yours', 're', 'fw', 'fwd', 'cc', 'bcc',
  'subject', 'sent', 'from', 'to', 'date', 'email', 'e-mail', 'tel', 'fax', 'phone', 'cell', 'pager', 'mobile', 'note', 'addendum',
  'signed', 'patient', 'pt', 'pts', 'mrn', 'dob', 'attn', 'colleague', 'colleagues', 'sir', 'sirs', 'madam', 'team', 'all', 'everyone', 'folks', 'vin', 'ssn', 'npi', 'dea', 'acct', 'fin', 'csn', 'seen', 'lives', 'lived', 'ok', 'okay', 'yes', 'no', 'na', 'n/a', 'mgmt', 'admin', 'dept', 'appt',
]);

/** Function words: never part of a name, whatever their case ("The Davis", "AND"). */
export const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'into', 'onto', 'upon', 'over',
  'under', 'about', 'after', 'before', 'since', 'until', 'as', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had',
  'do', 'does', 'did', 'not', 'no', 'yes', 'if', 'then', 'than', 'so', 'that', 'this', 'these', 'those', 'there', 'here', 'it', 'its', 'he',
  'she', 'they', 'we', 'you', 'i', 'me', 'him', 'her', 'his', 'hers', 'them', 'their', 'our', 'us', 'my', 'your', 'who', 'whom', 'whose',
  'which', 'what', 'when', 'where', 'why', 'how', 'all', 'any', 'some', 'each', 'every', 'both', 'either', 'neither', 'per', 'via', 'vs',
  'also', 'very', 'just', 'only', 'still', 'now', 'today', 'tonight', 'tomorrow', 'yesterday', 'please', 'can', 'could', 'would', 'should',
  'may', 'might', 'must', 'shall', 'will', 'out', 'up', 'down', 'off', 'again', 'further', 'once', 'new', 'old', 'other', 'another',
]);
