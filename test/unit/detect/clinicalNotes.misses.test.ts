// PHI in ICU nursing notes that a detector is tempted to leave in clear: hospitals written as initials or
// ordinary words, wards named after people, clinicians and relatives in lower case or ALL CAPS, short dates,
// extensions and pagers, and names that are ordinary words. Categories come from a measurement on real ICU
// nursing notes; every example here is invented and all PHI in it is synthetic. Each example runs as written
// (Title / sentence case), in ALL CAPS and in all lower case, unless a form would make it genuinely ambiguous.
// Spans follow bench/corpus/README.md: titles (Dr, Mr.), credentials (RN) and labels (pager, ext) stay outside.
import { describe, expect, it } from 'vitest';
import { caseForms, type Example } from '../../helpers/caseForms.ts';
import { covers, found } from '../../helpers/detectHelpers.ts';

function expectCovered(text: string, phrase: string): void {
  expect(covers(text, phrase), `not covered in ${JSON.stringify(text)}: ${JSON.stringify(found(text))}`).toBe(true);
}

const TITLE = '%s: %j masks %j';

describe('misses: hospitals as initials or ordinary words, wards named after people, multi-word institutions', () => {
  const examples: Example[] = [
    // initials used alone
    ['Transferred from KVH for cardiac cath.', 'KVH'],
    ['Pt from BRMC ED, intubated on arrival.', 'BRMC'],
    ['F/u at SJMC cardiology clinic in 2 wks.', 'SJMC'],
    ['Admitted to LRH last month with urosepsis.', 'LRH'],
    ['Records faxed over from WCH this am.', 'WCH'],
    // names made of ordinary words
    ['Transferred from Holy Redeemer for higher level of care.', 'Holy Redeemer'],
    ['D/c plan is Good Shepherd rehab.', 'Good Shepherd'],
    ['Pt was seen at Saint Agnes ED yesterday.', 'Saint Agnes'],
    ['Came from Divine Mercy with GI bleed.', 'Divine Mercy'],
    // wards named after a person, with a number
    ['Pt transferred to Hollister 6 at 1600.', 'Hollister 6'],
    ['Bed assigned on Kessler 9, report called.', 'Kessler 9'],
    ['Transfer to Ashworth 4 when bed available.', 'Ashworth 4'],
    // multi-word names, masked whole
    ['D/c to Willow Creek Nursing and Rehabilitation Center today.', 'Willow Creek Nursing and Rehabilitation Center'],
    ['Pt followed at Harbor Valley Regional Medical Center.', 'Harbor Valley Regional Medical Center'],
    ['Lives at Maple Terrace Assisted Living.', 'Maple Terrace Assisted Living'],
  ];
  it.each(caseForms(examples))(TITLE, (_form, text, phrase) => expectCovered(text, phrase));
});

describe('misses: clinicians after Dr and in sign-offs, lower case and ALL CAPS', () => {
  const examples: Example[] = [
    ['Dr Okafor aware of K 3.1.', 'Okafor'],
    ['Dr Brandt paged re: HR 140s.', 'Brandt'],
    ['Per Dr Vasquez-Lind, hold heparin.', 'Vasquez-Lind'],
    ["Discussed w/ Dr. O'Rourke, will give 500 cc bolus.", "O'Rourke"],
    ['Dr Ng in to see pt, no new orders.', 'Ng'],
    ['MD (Dr Haverkamp) notified of UO < 30.', 'Haverkamp'],
    ['Renal fellow Dr Castellano aware, no HD tonight.', 'Castellano'],
    ['Attending Dr Petrakis called back at 2130.', 'Petrakis'],
    ['Dr Szabo updated on BP, no changes.', 'Szabo'],
    ['-JM RN', 'JM'],
    ['Cont to monitor closely. /DK', 'DK'],
    ['K. Ostrowski RN', 'K. Ostrowski'],
    ['Signed: T. Whitacre, RN', 'T. Whitacre'],
    ['Nursing note by R. Adeyemi, RN.', 'R. Adeyemi'],
  ];
  it.each(caseForms(examples))(TITLE, (_form, text, phrase) => expectCovered(text, phrase));
});

describe('misses: two-digit years and bare month/day dates', () => {
  const examples: Example[] = [
    ["S/p CABG '09, EF 35%.", "'09"],
    ["MI in '17 w/ stent to LAD.", "'17"],
    ["Last admit was Aug '19 for CHF.", "Aug '19"],
    ['Dx with breast CA Jan 09, s/p lumpectomy.', 'Jan 09'],
    ['Hip fx Nov 06, ORIF at that time.', 'Nov 06'],
    ['On home O2 since Sept 12.', 'Sept 12'],
    ['NPO since 3/22 for procedure.', '3/22'],
    ['PICC placed on 11/7, tip at CAJ.', '11/7'],
    ['Coumadin held since 4/27.', '4/27'],
    ['Last HD 2/11, due today.', '2/11'],
    ['Intubated 9/30 for hypoxic resp failure.', '9/30'],
    ['Trach placed 8/4, first trach change due.', '8/4'],
    ['Blood cx from 12/2 grew GPC in clusters.', '12/2'],
  ];
  it.each(caseForms(examples))(TITLE, (_form, text, phrase) => expectCovered(text, phrase));
});

describe('misses: short phone extensions and pager numbers', () => {
  const examples: Example[] = [
    ['Call pharmacy at x4412 with questions.', 'x4412'],
    ['Blood bank x5127 aware of type and cross.', 'x5127'],
    ['Resp therapy can be reached at x2-3390.', 'x2-3390'],
    ['Covering resident pager 2371.', '2371'],
    ['Surgery resident (pager 64021) aware.', '64021'],
    ['Renal fellow beeper #48890.', '48890'],
    ['Page cards fellow, pgr 4-7720.', '4-7720'],
    ['Night float pgr 31185.', '31185'],
    ['MD beeped @ 3-4410, awaiting call back.', '3-4410'],
    ['Call bed board at ext 6603 when ready.', '6603'],
    ['Please page 7719 with questions.', '7719'],
  ];
  it.each(caseForms(examples))(TITLE, (_form, text, phrase) => expectCovered(text, phrase));
});

describe("misses: relatives' first names in lower case and ALL CAPS", () => {
  const examples: Example[] = [
    ['Wife Odile called for update.', 'Odile'],
    ['Husband Ravi at bedside overnight.', 'Ravi'],
    ['Dtr Colleen called, updated by RN.', 'Colleen'],
    ['Son Tomasz in to visit, questions answered.', 'Tomasz'],
    ['Sister Imelda (HCP) at bedside.', 'Imelda'],
    ['Dtr called, name is Priya.', 'Priya'],
    ['Grandson Kwame visited this evening.', 'Kwame'],
    ['Niece Lupe is primary contact.', 'Lupe'],
    ["Pt's wife Bernadette asked about plan of care.", 'Bernadette'],
    ['Son Marco and dtr Ines at bedside.', 'Ines'],
    ['Brother Desmond called from out of state.', 'Desmond'],
    ['HCP is partner, Gunnar.', 'Gunnar'],
  ];
  it.each(caseForms(examples))(TITLE, (_form, text, phrase) => expectCovered(text, phrase));
});

describe('misses: names that are ordinary words, in clear name contexts, and professions', () => {
  const examples: Example[] = [
    ['Mr. Crane c/o chest pressure at 0300.', 'Crane'],
    ['Mrs. Hart resting quietly, no c/o pain.', 'Hart'],
    ['Mr. Stone c/o chest pain, ECG done.', 'Stone'],
    ['Faith Moreno, RN', 'Faith Moreno'],
    ['Grace Oduya, NP, aware of BP.', 'Grace Oduya'],
    ['Joy Tanaka, RN', 'Joy Tanaka'],
    // "will barrow was admitted" in lower case reads as a verb phrase: as written and ALL CAPS only.
    ['Will Barrow was admitted from ED at 2200.', 'Will Barrow', ['title', 'upper']],
    ['Son Rocky at bedside, updated by team.', 'Rocky'],
    ['Dtr Summer called for update.', 'Summer'],
    ['Pt works as an electrician.', 'electrician'],
    ['Son is a paramedic, at bedside.', 'paramedic'],
    ['Pt is a retired machinist.', 'machinist'],
    ['Wife is a dental hygienist.', 'dental hygienist'],
    ['Occupation: pastry chef.', 'pastry chef'],
    ['Pt is a roofer, fell from ladder at work.', 'roofer'],
  ];
  it.each(caseForms(examples))(TITLE, (_form, text, phrase) => expectCovered(text, phrase));
});
