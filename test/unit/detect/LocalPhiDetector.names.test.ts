import { describe, expect, it } from 'vitest';
import { covers, detector, untouched } from '../../helpers/detectHelpers.ts';

describe('LocalPhiDetector: names', () => {
  it.each([
    ['Pt Marla Quenby is a 67 y/o female.', 'Marla Quenby'],
    ['Seen by Dr. Ilse Varga today.', 'Ilse Varga'],
    ['Mr. Okonkwo reports improvement.', 'Okonkwo'],
    ['Patient: Rodriguez-Vega, Maria L.   MRN: 00482913', 'Rodriguez-Vega, Maria L'],
    ["Attending: Samuel O'Neill, MD", "Samuel O'Neill"],
    ['Discussed with Pieter van der Berg and family.', 'Pieter van der Berg'],
    ['Referred by Dr. de la Cruz for evaluation.', 'de la Cruz'],
    ['Signed: Greta Lindqvist, MD, Cardiology.', 'Greta Lindqvist'],
    ['Seen by Hope Adebayo, NP. Plan: metformin.', 'Hope Adebayo'],
    ['Will Rose, 45M, presents with SOB.', 'Will Rose'],
    ['Consulted Dr. Will Young from ID.', 'Will Young'],
    ['Dr. White will see her in clinic.', 'White'],
  ])('finds the name in %j', (text, name) => {
    expect(covers(text, name)).toBe(true);
  });

  it('takes a relation after a name as a cue, but not after a word for the people around the patient', () => {
    const note = 'Family (wife Grace, son Mark) updated.';
    for (const name of ['Grace', 'Mark']) expect(covers(note, name)).toBe(true);
    expect(untouched(note, 'Family')).toBe(true);
    expect(untouched('Caregiver (daughter) at bedside.', 'Caregiver')).toBe(true);
  });

  it('finds relatives in ALL-CAPS nursing notes', () => {
    const note = 'SOCIAL: WIFE MARY AND DAUGHTER JENNIFER IN TO VISIT, UPDATED BY DR. KOWALSKI.';
    for (const name of ['MARY', 'JENNIFER', 'KOWALSKI']) expect(covers(note, name)).toBe(true);
  });

  it('finds relatives in all-lower-case notes, also names that are common words', () => {
    const note =
      'wife hope at bedside, very supportive. dtr jenny called x2, will call back tonight. pcp dr. abernathy aware.';
    for (const name of ['hope', 'jenny', 'abernathy']) expect(covers(note, name)).toBe(true);
    expect(untouched(note, 'will call')).toBe(true);
  });

  it.each([
    ["History of Parkinson's disease and Hodgkin lymphoma.", "Parkinson's disease"],
    ['Babinski negative. Glasgow Coma Scale 15.', 'Babinski'],
    ['Babinski negative. Glasgow Coma Scale 15.', 'Glasgow Coma Scale'],
    ['Foley draining clear yellow urine.', 'Foley'],
    ['Started Lasix and Zosyn, continue Coumadin.', 'Lasix'],
    ['Started Lasix and Zosyn, continue Coumadin.', 'Coumadin'],
    ["Bell's palsy resolved; no Cushing syndrome.", "Bell's palsy"],
    ['Interpreter: Spanish. Religion: Catholic. Insurance: Medicare.', 'Spanish'],
    ['Interpreter: Spanish. Religion: Catholic. Insurance: Medicare.', 'Medicare'],
    ['Karen Whitfield, RN, Care Coordinator', 'Care Coordinator'],
  ])('leaves %j unmasked: %j', (text, phrase) => {
    expect(untouched(text, phrase)).toBe(true);
  });

  it('scores a titled name above the same word at a sentence start', () => {
    const scoreOf = (text: string) => detector.detectSync(text).find((e) => e.Text === 'Quenby')?.Score ?? 0;
    const titled = scoreOf('Seen by Dr. Quenby.');
    const bare = scoreOf('Quenby reported.');
    expect(titled).toBeGreaterThanOrEqual(0.95);
    expect(bare).toBeGreaterThan(0);
    expect(titled).toBeGreaterThan(bare);
  });
});

describe('LocalPhiDetector: names in mixed forms', () => {
  it('finds an ALL-CAPS name line inside a mixed-case note', () => {
    const note = 'Progress note\nGARCIA, MARIA T\nPatient is stable.\n';
    expect(covers(note, 'GARCIA, MARIA T')).toBe(true);
  });

  it('finds names that are everyday words when the note says what happened to them', () => {
    expect(covers('Will Young was admitted for chest pain.', 'Will Young')).toBe(true);
  });

  it('reads "City, ST" and "City, Country" as places, not as "Last, First"', () => {
    const text = 'Lives in Boston, MA. From Toronto, Canada.';
    const types = detector.detectSync(text, { minScore: 0.5 }).map((e) => [e.Text, e.Type]);
    expect(types).toContainEqual(['Boston, MA', 'ADDRESS']);
    expect(types.some(([, type]) => type === 'NAME')).toBe(false);
  });

  it('does not take identifier labels or sentence-initial verbs for names', () => {
    expect(untouched('VIN 1HGCM82633A004352 on file.', 'VIN')).toBe(true);
    expect(untouched('Seen Rachel Goldberg today.', 'Seen')).toBe(true);
    expect(covers('Seen Rachel Goldberg today.', 'Rachel Goldberg')).toBe(true);
  });
});
