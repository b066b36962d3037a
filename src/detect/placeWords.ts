import type { Token } from './tokenize.ts';

/** Words around places that more than one recognizer reads: place verbs and generic kinds of place. */

// Verbs after which "from", "to", "at" or "on" introduce a place: arrivals, transfers, discharges,
// follow-up, residence. "from" and "to" alone are too common ("increased from 5 to 10").
export const PLACE_VERBS: ReadonlySet<string> = new Set([
  'presented', 'presents', 'presenting', 'stay', 'stayed', 'hospitalized', 'hospitalised', 'hospitalization', 'treated',
  'intubated', 'visit', 'visited', 'admission', 'followup', 'referral', 'appointment', 'appt', 'obtained', 'screened',
  'adm', 'admitted', 'admit', 'transferred', 'transfer', 'xfer', 'xferred', 'tx', 'txd', 'came', 'comes', 'brought', 'sent',
  'arrived', 'arrives', 'bib', 'returned', 'returns', 'discharged', 'discharge', 'dc', 'd/c', "dc'd", 'dispo', 'follow',
  'followed', 'follows', 'f/u', 'fu', 'seen', 'referred', 'lives', 'lived', 'living', 'resides', 'resident', 'moved',
  'go', 'goes', 'going', 'went', 'placed', 'placement', 'accepted', 'assigned', 'bed', 'records', 'faxed', 'evaluated',
]);
// Words that name a kind of place or service, not which one: "from home", "to the floor", "at rehab".
export const GENERIC_PLACE: ReadonlySet<string> = new Set([
  'home', 'house', 'floor', 'unit', 'ward', 'room', 'bed', 'hospital', 'clinic', 'rehab', 'facility', 'outside', 'osh', 'snf',
  'ltac', 'ltach', 'nursing', 'center', 'centre', 'shelter', 'jail', 'prison', 'work', 'school', 'church', 'street', 'scene',
  'office', 'pharmacy', 'hospice', 'daycare', 'dialysis', 'er', 'ed', 'or', 'cath', 'lab', 'ir', 'ct', 'mri', 'us', 'xray',
  'radiology', 'endoscopy', 'pacu', 'icu', 'ccu', 'micu', 'sicu', 'cvicu', 'nicu', 'picu', 'stepdown', 'tele', 'telemetry',
  'medicine', 'surgery', 'service', 'team', 'step', 'down', 'family', 'friends', 'care', 'acute', 'subacute', 'long', 'term', 'short',
  'assisted', 'living', 'group', 'medical', 'general', 'regional', 'community', 'county', 'state', 'city', 'memorial',
  'university', 'health', 'system', 'institute', 'and', 'of', 'the',
]);

// Departments and services a hospital's initials come before: "from BRMC ED", "at SJMC cardiology".
export const DEPARTMENTS: ReadonlySet<string> = new Set(['ed', 'er', 'icu', 'micu', 'sicu', 'ccu', 'nicu', 'picu', 'clinic', 'hospital', 'cardiology', 'oncology', 'cath', 'er.', 'emergency', 'rehab', 'dialysis', 'records', 'campus']);

/** A place verb at token k, also written with a slash ("d/c", "f/u", which the tokenizer splits). */
export function isPlaceVerb(text: string, tokens: Token[], k: number): boolean {
  const t = tokens[k];
  return !!t && (PLACE_VERBS.has(t.key) || PLACE_VERBS.has(slashedKey(text, tokens, k)));
}

/** "d/c", "f/u": the tokenizer splits at the slash; the shorthand is the two letters with it. */
function slashedKey(text: string, tokens: Token[], k: number): string {
  const t = tokens[k] as Token;
  const before = tokens[k - 1];
  return before && text[t.start - 1] === '/' && before.end === t.start - 1 ? `${before.key}/${t.key}` : t.key;
}
