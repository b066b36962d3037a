// Context rules of the detector, one describe per rule, each example in the case forms real notes use.
// Examples are invented (synthetic PHI only) and differ from the ones the rules were written against.
import { describe, expect, it } from 'vitest';
import { caseForms, type Example } from '../../helpers/caseForms.ts';
import { covers, found, untouched } from '../../helpers/detectHelpers.ts';

function expectCovered(text: string, phrase: string): void {
  expect(covers(text, phrase), `not covered in ${JSON.stringify(text)}: ${JSON.stringify(found(text))}`).toBe(true);
}

function expectUntouched(text: string, phrase: string): void {
  expect(untouched(text, phrase), `masked in ${JSON.stringify(text)}: ${JSON.stringify(found(text))}`).toBe(true);
}

describe('a title opens a name that runs to the first word that cannot be one', () => {
  const examples: Example[] = [
    ['Results called to Dr m. oyelaran-beck at 2210.', 'm. oyelaran-beck'],
    ['Plan reviewed with Dr. t. quispe, agrees.', 't. quispe'],
    ['Consent obtained by Dr.vandermolen before the line.', 'vandermolen'],
    ['Dr ysolde prentiss in to see pt, no changes.', 'ysolde prentiss'],
    ['Discussed with Dr. E. Nakashima-Flores overnight.', 'E. Nakashima-Flores'],
  ];
  it.each(caseForms(examples))('%s: %j masks %j', (_form, text, phrase) => expectCovered(text, phrase));

  it.each([
    ['Dr Okonjo ordered lasix 40 iv.', 'ordered'],
    ['Dr. Haldane aware of K 3.1.', 'aware'],
    ['Dr Brandt cardiology to follow.', 'cardiology'],
  ])('stops before %j: %j stays', (text, phrase) => expectUntouched(text, phrase));
});

describe('"ms" written other than "Ms" is mental status before an everyday or misspelt word', () => {
  const examples: Example[] = [
    ['Admitted w/ ms decline over 2 days.', 'decline'],
    ['Ms improving, follows commands.', 'improving', ['upper', 'lower']],
    ['Pt with ms chagnes since am.', 'chagnes'],
  ];
  it.each(caseForms(examples))('%s: %j leaves %j', (_form, text, phrase) => expectUntouched(text, phrase));

  it.each([
    ['MS OYELARAN IN TO VISIT.', 'OYELARAN'],
    ['Ms Whitcombe called for an update.', 'Whitcombe'],
  ])('%j still masks %j', (text, phrase) => expectCovered(text, phrase));
});

describe('sign-offs, signature blocks and greeting lines', () => {
  it.each([
    ['Will check back at noon.\n\nThanks,\nqv\n--\nQuentin Vale, RN', 'qv'],
    ['Labs attached.\n\nBest regards,\nOrsolya\n', 'Orsolya'],
    ['call if questions\n\nthx\nbenedikt\n', 'benedikt'],
    ['see you then\n--\nharriet okwu | sicu | x4410', 'harriet okwu'],
    ['Subject: bed update\n\nTamsin -\nbed is ready on 6.', 'Tamsin'],
  ])('%j masks %j', (text, phrase) => expectCovered(text, phrase));

  it.each([
    ['Plan below.\n\nAll -\nplease review the orders.', 'All'],
    ['Questions welcome.\n\nThanks,\nTeam\n', 'Team'],
    ['Dear Colleague,\n\nI saw your patient today.', 'Colleague'],
    ['DISPOSITION: Home\n\nFOLLOW-UP:\n- PCP in 2 weeks', 'FOLLOW-UP'],
  ])('%j leaves %j', (text, phrase) => expectUntouched(text, phrase));

  it.each(caseForms([['Turned q2h, skin intact\n-wq RN', 'wq']]))(
    '%s: initials in a sign-off %j mask %j',
    (_f, text, phrase) => expectCovered(text, phrase),
  );
});

describe('numbers read in context', () => {
  const notDates: Example[] = [
    ['Dialysis Mon/Wed/Fri as outpt.', 'Mon'],
    ['Vent AC, peep 5, 12/6/44 on last gas.', '12/6/44'],
    ['Weaned to PS 12/5, 10/5/40 this am.', '10/5/40'],
    ['Goal u/o 500-1500 cc neg, call with questions at home.', '500-1500'],
  ];
  it.each(caseForms(notDates))('%s: %j leaves %j', (_form, text, phrase) => expectUntouched(text, phrase));

  const dates: Example[] = [
    ['DOB 12/6/44, allergies none.', '12/6/44'],
    ['s/p AVR 2011, on coumadin.', '2011'],
    ['Last admission Aug 97 for CHF.', 'Aug 97'],
    ['CT on Thurs 2/9 negative.', '2/9'],
  ];
  it.each(caseForms(dates))('%s: %j masks %j', (_form, text, phrase) => expectCovered(text, phrase));
});

describe('places: departments, sites and care units', () => {
  it.each([
    ['Hepatology Clinic\n12 Elm Road\nDear Dr. Sato,', 'Hepatology Clinic'],
    ['Post-Op Clinic\nFollow-up visit', 'Post-Op Clinic'],
    ['Lines: R fem Arrow, L radial aline.', 'aline'],
  ])('%j leaves %j', (text, phrase) => expectUntouched(text, phrase));

  it.each([
    ['Referred to Thistlewood Clinic for rehab.', 'Thistlewood Clinic'],
    ['pt presented to QMH w/ chest pain, then transferred here.', 'QMH'],
    ['Update on pt Okonkwo: stable overnight.', 'Okonkwo'],
  ])('%j masks %j', (text, phrase) => expectCovered(text, phrase));
});

describe('what a review of the rework found', () => {
  it.each([
    ['The plan was reviewed with Fasserby and the team.', 'Fasserby'],
    ['Discussed at length with Varnet at bedside.', 'Varnet'],
    ['Line placed 6/14/22, site clean.', '6/14/22'],
    ['Last VBG 2/3/23 unremarkable.', '2/3/23'],
    ['RETURN TO WILLOWMERE NURSING HOME TOMORROW.', 'WILLOWMERE NURSING HOME'],
    ['d/c to maple grove assisted living', 'maple grove assisted living'],
    ['S/p AVR at QVH in 2015.', 'QVH'],
    ['Pt moved to Ward 7B overnight.', '7B'],
    ['paged dr osei at 5-2291 re K.', '5-2291'],
    ['will cont to monitor. thanks, jq', 'jq'],
    ['spoke w/ ms bishop re: plan.', 'bishop'],
  ])('%j masks %j', (text, phrase) => expectCovered(text, phrase));

  it.each([
    ['Propofol dec 40 -> 30 for sedation.', 'dec 40'],
    ['FIO2 DEC 45% THIS AM.', 'DEC 45'],
    ['RETURNED TO UNIT ON NEO 60.', 'NEO 60'],
    ['I/O goal 500-1500 neg today.', '500-1500'],
    ['Updated by RN\nafebrile overnight.', 'afebrile'],
    ['CHART UPDATED BY RN AT 0400.', 'BY'],
    ['14 Fr Malecot drain to gravity.', 'Malecot'],
    ['Pain 2/10 to 6/10 with turns.', '6/10'],
    ['HR 90s SR. LEVO AT 0.06.', 'LEVO'],
    ['HOB > 30 MAY NEED TO BE RAISED.', 'MAY'],
  ])('%j leaves %j', (text, phrase) => expectUntouched(text, phrase));
});

describe('relatives named after months', () => {
  it.each(
    caseForms([
      ['Granddaughter april visited this afternoon.', 'april'],
      ['Niece june called for an update.', 'june'],
    ]),
  )('%s: %j masks %j', (_form, text, phrase) => expectCovered(text, phrase));

  it.each([['Wife may call back after 5.', 'may']])('%j leaves the verb %j', (text, phrase) =>
    expectUntouched(text, phrase),
  );
});

describe('nursing shorthand of dates, signatures and pagers', () => {
  it.each(
    caseForms([
      ['Art line placed 8-14, day 3.', '8-14'],
      ['Pt reintubated 5/5 for hypoxia.', '5/5'],
      ['CT 10-2 neg for bleed.', '10-2'],
      ['Cont to monitor.\n/tq 0300', 'tq'],
      ['Turned q2h.\n-vb RN 11pm', 'vb'],
      ['Covering s. ondrejka pager 7-4410 aware.', 's. ondrejka'],
      ['Bed ready on Vostrel 9, report called.', 'Vostrel 9'],
    ]),
  )('%s: %j masks %j', (_form, text, phrase) => expectCovered(text, phrase));

  it.each([
    ['Strength 5/5 in all extremities.', '5/5'],
    ['Call resident pager 4412 with questions.', 'resident'],
    ['Heparin 5-10 units/kg.', '5-10'],
  ])('%j leaves %j', (text, phrase) => expectUntouched(text, phrase));
});

describe('a surname the clinical list also holds, after a given name', () => {
  it.each([
    ['Daughter Orla Stone at bedside.', 'Orla Stone'],
    ['Son Tavish Burns called for update.', 'Tavish Burns'],
  ])('%j masks %j', (text, phrase) => expectCovered(text, phrase));

  it.each([['Second degree burns to L forearm.', 'burns']])('%j leaves %j', (text, phrase) =>
    expectUntouched(text, phrase),
  );
});

describe('a term after shorthand that introduces a finding', () => {
  it.each([
    ['Pt with h/o Xanthogranulomatosis and CKD.', 'Xanthogranulomatosis'],
    ['CT to r/o Epiploica appendagitis.', 'Epiploica'],
    ['Rash, ? Pityriasiform, derm to see.', 'Pityriasiform'],
  ])('%j leaves %j', (text, phrase) => expectUntouched(text, phrase));

  it.each([['Spoke w/ Okonjo re: plan.', 'Okonjo']])('%j still masks %j', (text, phrase) =>
    expectCovered(text, phrase),
  );
});
