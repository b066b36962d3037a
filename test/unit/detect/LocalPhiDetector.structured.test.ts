import { describe, expect, it } from 'vitest';
import { covers, detector, found, untouched } from '../../helpers/detectHelpers.ts';

describe('LocalPhiDetector: dates', () => {
  it.each([
    '03/14/2023',
    '3/14/23',
    '2023-03-14',
    '14-Mar-2023',
    'March 14, 2023',
    '14 March 2023',
    'Mar 14',
    'March 2023',
    '14.03.2023',
  ])('finds %j', (date) => {
    expect(found(`Seen on ${date} in clinic.`)).toContainEqual([date, 'DATE']);
  });

  it('finds partial dates, ordinals and weekdays in context', () => {
    expect(covers('Admitted 3/12 from the ED.', '3/12')).toBe(true);
    expect(covers('Follow up on the 14th.', '14th')).toBe(true);
    expect(covers('Echo on Monday 3/18 was normal.', 'Monday')).toBe(true);
    expect(covers('Quit smoking in 1998.', '1998')).toBe(true);
  });

  it.each([
    ['BP 142/88, HR 92.', '142/88'],
    ['Pain 4/10 after morphine.', '4/10'],
    ['Give 1/2 tab at night.', '1/2'],
    ['2/6 systolic murmur at LUSB.', '2/6'],
    ['Strength 5/5 in all extremities.', '5/5'],
    ['Meds given at 14:30 and 0800.', '14:30'],
    ['Meds given at 2000 per MAR.', '2000'],
    ['Lasix 40 mg IV x3 days.', '40 mg'],
  ])('leaves %j alone: %j', (text, phrase) => {
    expect(untouched(text, phrase)).toBe(true);
  });
});

describe('LocalPhiDetector: ages', () => {
  it.each([
    ['Pt is a 67 y/o female.', '67'],
    ['A 72-year-old woman with CHF.', '72'],
    ['45M presents with chest pain.', '45'],
    ['Patient aged 52 seen today.', '52'],
  ])('finds the age in %j', (text, age) => {
    expect(found(text)).toContainEqual([age, 'AGE']);
  });

  it('marks ages over 89 with a trait', () => {
    const [age] = detector.detectSync('A 92 yo man.', { minScore: 0.5, types: ['AGE'] });
    expect(age?.Traits).toEqual([{ Name: 'AGE_OVER_89', Score: 1 }]);
  });
});

describe('LocalPhiDetector: contacts and identifiers', () => {
  it.each([
    ['Call (617) 555-0142 today.', '(617) 555-0142', 'PHONE_OR_FAX'],
    ['Fax 617.555.0199 ext. 12 please.', '617.555.0199 ext. 12', 'PHONE_OR_FAX'],
    ['UK number +44 20 7946 0958 on file.', '+44 20 7946 0958', 'PHONE_OR_FAX'],
    ['Pager 4471 for questions.', '4471', 'PHONE_OR_FAX'],
    ['Email jane.roe@example.org with results.', 'jane.roe@example.org', 'EMAIL'],
    ['Portal: https://portal.example.org/pt/88231.', 'https://portal.example.org/pt/88231', 'URL'],
    ['Login from 192.168.10.24 noted.', '192.168.10.24', 'ID'],
    ['MRN: 00482913', '00482913', 'ID'],
    ['SSN 123-45-6789 on file.', '123-45-6789', 'ID'],
    ['Member ID XZH448812301 active.', 'XZH448812301', 'ID'],
    ['NPI 1234567893 prescriber.', '1234567893', 'ID'],
    ['DEA AB1234563 verified.', 'AB1234563', 'ID'],
    ['Car VIN 1M8GDM9AXKP042788 in the lot.', '1M8GDM9AXKP042788', 'ID'],
    ['License plate 7ABC123 noted by security.', '7ABC123', 'ID'],
    ['Accession #S23-44817 sent.', 'S23-44817', 'ID'],
  ])('finds %j', (text, value, type) => {
    expect(found(text)).toContainEqual([value, type]);
  });

  it.each([
    ['Dx: ICD-10 I10, CPT 99213, LOINC 2345-7.', '99213'],
    ['Dx: ICD-10 E11.9 controlled.', 'E11.9'],
    ['Platelets 250000 stable.', '250000'],
    ['Spine: L4-L5 disc bulge; COVID-19 negative.', 'COVID-19'],
  ])('leaves codes and values alone in %j', (text, phrase) => {
    expect(untouched(text, phrase)).toBe(true);
  });
});

describe('LocalPhiDetector: addresses and professions', () => {
  it('finds a full address', () => {
    const text = 'Lives at 1200 Oakhurst Street, Apt 4B, Brookfield, MA 02115 with her husband.';
    expect(covers(text, '1200 Oakhurst Street, Apt 4B, Brookfield, MA 02115')).toBe(true);
  });

  it.each([
    ['Transferred from St. Brigid Medical Center today.', 'St. Brigid Medical Center'],
    ['Discharged to Oakview Rehab on Friday.', 'Oakview Rehab'],
    ['He lives alone in Dorchester.', 'Dorchester'],
    ['Born in Nigeria, moved here in 2001.', 'Nigeria'],
    ['She was visiting from Fresno, CA.', 'Fresno, CA'],
  ])('finds the place in %j', (text, place) => {
    expect(covers(text, place)).toBe(true);
  });

  it("finds jobs, and care-team roles only when they are the patient's job", () => {
    expect(found('He is a retired electrician.')).toContainEqual(['electrician', 'PROFESSION']);
    expect(found('Works as a school teacher.')).toContainEqual(['school teacher', 'PROFESSION']);
    expect(covers('She is a retired nurse.', 'nurse')).toBe(true);
    expect(untouched('The nurse gave meds at noon.', 'nurse')).toBe(true);
  });
});

describe('LocalPhiDetector: options and shape', () => {
  it('returns Comprehend Medical entities with exact offsets', () => {
    const text = 'Pt Marla Quenby seen 03/14/2023.';
    for (const e of detector.detectSync(text)) {
      expect(e.Category).toBe('PROTECTED_HEALTH_INFORMATION');
      expect(text.slice(e.BeginOffset, e.EndOffset)).toBe(e.Text);
      expect(e.Score).toBeGreaterThan(0);
      expect(e.Score).toBeLessThanOrEqual(1);
    }
  });

  it('filters by type and score', () => {
    const text = 'Pt Marla Quenby seen 03/14/2023.';
    expect(detector.detectSync(text, { types: ['DATE'] }).map((e) => e.Type)).toEqual(['DATE']);
    expect(detector.detectSync(text, { minScore: 1.01 })).toEqual([]);
  });

  it('keeps offsets exact around emoji and CRLF', () => {
    const text = '😊 Note\r\nSeen by Dr. Ilse Varga 👩‍⚕️ on 3/14/2023.\r\n';
    for (const e of detector.detectSync(text, { minScore: 0.5 }))
      expect(text.slice(e.BeginOffset, e.EndOffset)).toBe(e.Text);
    expect(covers(text, 'Ilse Varga')).toBe(true);
  });

  it('handles empty and PHI-free text', () => {
    expect(detector.detectSync('')).toEqual([]);
    expect(found('Lungs clear to auscultation bilaterally. No acute distress.')).toEqual([]);
  });
});

describe('LocalPhiDetector: US form variants', () => {
  it('finds dotted month-first birth dates and spaced SSNs after their labels', () => {
    expect(found('DOB: 4.15.51 on file.')).toContainEqual(['4.15.51', 'DATE']);
    expect(found('DOB 04.15.1951 on file.')).toContainEqual(['04.15.1951', 'DATE']);
    expect(found('SS# 412 55 7789 verified.')).toContainEqual(['412 55 7789', 'ID']);
    expect(found('Social Security no.: 709 30 4910 | Street address')).toContainEqual(['709 30 4910', 'ID']);
  });
});

describe('LocalPhiDetector: text burned into radiographs and printed on labels', () => {
  it("finds DICOM's age string before the sex, or ending its line, but not counts", () => {
    expect(found('DOB: 12-22-1951\n64Y F | L SHOULDER')).toContainEqual(['64', 'AGE']);
    expect(found('Age/Sex: 076Y/M')).toContainEqual(['76', 'AGE']);
    expect(untouched('WBC 5M\nPlt 210K', '5')).toBe(true);
    expect(untouched('Seen 2Y ago for the same', '2')).toBe(true);
  });

  it('finds ages written as "(he is 71)" and "Age / sex: 88 F", but not "he is 3 days out"', () => {
    expect(found('Paperwork for Mr. Pierre-Louis (he is 71), seen here.')).toContainEqual(['71', 'AGE']);
    expect(found('DOB: 10/17/1929 | Age / sex: 88 F')).toContainEqual(['88', 'AGE']);
    expect(untouched('He is 3 days out from surgery. She is 2.5 kg up.', '3')).toBe(true);
  });

  it('continues a street into its unit, but not into a saint or a doctor', () => {
    expect(found('249B River St Apt 5, San Diego, CA 50925')).toContainEqual([
      '249B River St Apt 5, San Diego, CA 50925',
      'ADDRESS',
    ]);

    expect(untouched('Room 14 Oak Dr Smith on rounds.', 'Oak Dr')).toBe(true);
  });

  it("takes an employer field's whole value, and a line that is only 'Surname, Given [I]' as a name", () => {
    expect(found('Occupation: chef | Employer: Takahashi & Sons Realty')).toContainEqual([
      'Takahashi & Sons Realty',
      'ADDRESS',
    ]);
    expect(untouched('Employer: retired\nPhone: none', 'retired')).toBe(true);
    expect(found('Rx# 72192490\nSHAPIRO, AVI A\nAMLODIPINE 5 MG TABLET')).toContainEqual(['SHAPIRO, AVI A', 'NAME']);
    // A surname with a particle; an initial a scan read in lower case.
    expect(found('Rx# RX7296099\nDE LEON, EKATERINA\nLEVOTHYROXINE 75 MCG TABLET')).toContainEqual([
      'DE LEON, EKATERINA',
      'NAME',
    ]);
    expect(covers('Rx# RX9578390\nDELA CRUZ, RODEL s\n25939 Prospect Ln', 'DELA CRUZ, RODEL s')).toBe(true);
    // Problem and medication lists have the same shape.
    // Everyday words are a name when the line below is the address.
    expect(found('SNOW, YOUNG\n195 Bridge St, Toledo, OH 72829')).toContainEqual(['SNOW, YOUNG', 'NAME']);
    expect(found('VAN DER BERG, JURGEN L\nPO Box 3932, Denver, CO 30122')).toContainEqual([
      'VAN DER BERG, JURGEN L',
      'NAME',
    ]);
    expect(found('NEURO, CV\n24 Hr urine sent')).toEqual([]);
    for (const line of [
      'NEURO, CV',
      'Lasix, Metoprolol',
      'HTN, DM',
      'Plan, Dispo',
      'Tylenol, Motrin',
      'NEURO CHECKS, CV',
      'MENTAL STATUS, ALERT',
      'DE NOVO, STABLE',
    ]) {
      expect(found(`${line}\n`)).toEqual([]);
    }
  });

  it('takes a link whose dots OCR read as spaces whole, up to its path', () => {
    expect(found('https://chart oklahomacity net/patients/MR680874/chart | Inbox')).toContainEqual([
      'https://chart oklahomacity net/patients/MR680874/chart',
      'URL',
    ]);
    // One slash of two lost, the "w" of "www" read as "fw".
    expect(found('Fax: (973) 846-9312 http:/fwww.presbyterianchildrens org/results/200355')).toContainEqual([
      'http:/fwww.presbyterianchildrens org/results/200355',
      'URL',
    ]);
  });

  it('finds an age with its unit stuck to it ("Age: 35y"), and a surname with a particle before a given name', () => {
    expect(found('Portal e-mail: hector_rivera@msn.com | Age: 35y')).toContainEqual(['35', 'AGE']);
    expect(found('Le Gall, Alejandro - Chart | Inbox')).toContainEqual(['Le Gall, Alejandro', 'NAME']);
    expect(found('De La Cruz, Maria\n')).toContainEqual(['De La Cruz, Maria', 'NAME']);
  });

  it('takes a name before Apothecary, Chemists or Drugstore as a place, not a drug class', () => {
    expect(found('Elmwood Apothecary | Ph: 702-810-0154')).toContainEqual(['Elmwood Apothecary', 'ADDRESS']);
    expect(untouched('Major Drug Interactions: none listed.', 'Major')).toBe(true);
  });

  it('takes a name before Drug or Drugs as a drugstore, but not a drug described ("Study Drug", "Antiepileptic Drug")', () => {
    expect(found('Kingsbridge Drug | Ph: 702-555-0172')).toContainEqual(['Kingsbridge Drug', 'ADDRESS']);
    expect(found('Filled at Hillcrest Drugs on 3/4.')).toContainEqual(['Hillcrest Drugs', 'ADDRESS']);
    const described: [string, string][] = [
      ['HOLD STUDY DRUG tonight', 'STUDY'],
      ['Antiepileptic Drug Levels were normal.', 'Antiepileptic'],
      ['Illicit drug use denied.', 'Illicit'],
      ['Prescription Drug Monitoring checked.', 'Prescription'],
      ['Street Drugs: denies', 'Street'],
    ];
    for (const [text, word] of described) {
      expect(untouched(text, word)).toBe(true);
    }
  });

  it('takes the line right above a street address as whom it belongs to, when the name lists know a word of it', () => {
    expect(
      found('Rx# RX4242478 | Filled: 2030-09-24\nMiles Stone\n772 Holly Street, Spokane, WA 61644'),
    ).toContainEqual(['Miles Stone', 'NAME']);
    expect(found('WALTER BAKER\n163 Meadow Circle #59, Detroit, MI 31013')).toContainEqual(['WALTER BAKER', 'NAME']);
    expect(untouched('Home Address\n12 Oak St, Salem, MA 01970', 'Address')).toBe(true);
  });

  it('reads a name after a technologist or sender label, a given name that is also a word included', () => {
    expect(found('Tech: N. Murphy')).toContainEqual(['N. Murphy', 'NAME']);
    expect(found('To: Dr. Yael Friedman | From: Will Green')).toContainEqual(['Will Green', 'NAME']);
    expect(untouched('Pt will go home. Will call back.', 'Will')).toBe(true);
    expect(found('See Dr. Henrik Smit at Valley Pediatrics on March 23.')).toContainEqual([
      'Valley Pediatrics',
      'ADDRESS',
    ]);
  });

  it('takes every other mention of a name found with confidence, but not its everyday words alone', () => {
    const text =
      'Re: Ruby Iron, DOB 1/4/1958\nComments: labs for Ruby Iron (she is 56). Iron 325 mg daily. RUBY IRON seen.';
    const names = found(text)
      .filter(([, type]) => type === 'NAME')
      .map(([t]) => t);
    expect(names).toEqual(['Ruby Iron', 'Ruby Iron', 'RUBY IRON']);
    expect(untouched(text, 'Iron 325')).toBe(true);
  });

  it('takes a practice named "... Health" and a ZIP after a misread state code, but not a kind of care', () => {
    expect(found("Referred by Dr. Castro of Kang & Darwish Women's Health.")).toContainEqual(
      expect.arrayContaining([expect.stringContaining("Women's Health")]),
    );
    expect(found("See Dr. Bekele at Oklahoma City Women's Health on 01/20/2023.")).toContainEqual([
      "Oklahoma City Women's Health",
      'ADDRESS',
    ]);
    expect(found('62 Garden Avenue, Spokane, VIA 76282')).toContainEqual([
      '62 Garden Avenue, Spokane, VIA 76282',
      'ADDRESS',
    ]);
    for (const kind of ['Behavioral', 'Mental', 'Public', 'Occupational'])
      expect(untouched(`${kind} Health consulted today.`, kind)).toBe(true);
  });

  it('takes a hospital named for a faith or a virtue as a place ("Mercy Hospital", "Lutheran Memorial Hospital")', () => {
    expect(found('Mercy Community Hospital\nID: Y5358480')).toContainEqual(['Mercy Community Hospital', 'ADDRESS']);
    expect(found('Lutheran Memorial Hospital | Discharge Summary')).toContainEqual([
      'Lutheran Memorial Hospital',
      'ADDRESS',
    ]);
    expect(found("Referred from Presbyterian Children's Hospital.")).toContainEqual([
      "Presbyterian Children's Hospital",
      'ADDRESS',
    ]);
    expect(untouched('Transferred to a community hospital for rehab.', 'community')).toBe(true);
  });
});

describe('LocalPhiDetector: form fields (as OCR reads scanned forms)', () => {
  it('takes the whole value of an occupation field as the job, but not "retired" or "none"', () => {
    expect(found('Occupation: babysitter\nPhone: 555-0100')).toContainEqual(['babysitter', 'PROFESSION']);
    expect(found('Job title: research scientist | Employer: Acme')).toContainEqual([
      'research scientist',
      'PROFESSION',
    ]);
    expect(untouched('Occupation: retired\nAllergies: NKA', 'retired')).toBe(true);
    expect(untouched('Occupation: none', 'none')).toBe(true);
  });

  it('reads the name after a signature label, initials and everyday surnames included', () => {
    expect(covers('Signature: V. Bond | Date: 02-03-2016', 'V. Bond')).toBe(true);
    expect(covers('Patient signature: P. Monday', 'P. Monday')).toBe(true);
    expect(untouched('Signature: on file', 'on file')).toBe(true);
  });

  it('takes an unknown acronym after a follow-up or referral verb as another facility', () => {
    expect(found('Follow up at NWH on 04-09-2012.')).toContainEqual(['NWH', 'ADDRESS']);
    expect(found('Referred to BWH for EP study.')).toContainEqual(['BWH', 'ADDRESS']);
    expect(untouched('Follow up at PCP in 2 weeks.', 'PCP')).toBe(true);
  });
});

describe('LocalPhiDetector: what a scan does to a page (misread marks, column breaks)', () => {
  it('takes the house number of a street written straight before its city and state', () => {
    expect(covers('172 Aspen St. Milwaukee, WI 28854', '172 Aspen St.')).toBe(true);
    // The city misread, the state and ZIP still show the street ends there.
    expect(covers('29350 Spruce St. Baton Ro: LA 57665', '29350 Spruce St.')).toBe(true);
    expect(covers('8476 Schoo! Rd | CA 04918', '8476 Schoo! Rd')).toBe(true);
    // The comma before the state read as a period.
    expect(covers('29350 Spruce St. Baton Rouge. LA 57665', 'Baton Rouge. LA 57665')).toBe(true);
    expect(untouched('Pt seen today. MA 02115 on file.', 'today')).toBe(true);
    // "Pl" read "PI"; a street whose number was lost; a hyphen read for the space before the ZIP.
    expect(covers('532 Linden PI, Silver Spring, MD 91161', '532 Linden PI')).toBe(true);
    expect(covers('M1 Poplar St, | Milwaukee, | WI 76907', 'Poplar St')).toBe(true);
    expect(covers('902 Grove Lane Springfield MA-67637-9664', '902 Grove Lane')).toBe(true);
    expect(untouched('CA-125 was 40 and IL-6 high; 5 mg PI given.', 'CA-125')).toBe(true);
    // A speck before the unit's number; a house number set apart by a column break, the ZIP misread.
    expect(covers('953 Fourth Blvd Apt .7C Quincy, MA 27105', '953 Fourth Blvd Apt .7C')).toBe(true);
    expect(covers('25533 | Huntington Trail, | New Bedford, MA 9948.', '25533 | Huntington Trail')).toBe(true);
    expect(untouched('Took Lasix 40 Way, Boston, MA', 'Lasix')).toBe(true);
    // In prose a street runs up to a function word.
    expect(covers('Lives at 42 Alder Lane with her son.', '42 Alder Lane')).toBe(true);
    expect(covers('She moved from 17 Harbor Rd in March.', '17 Harbor Rd')).toBe(true);
    expect(found('Gave 3 sec pt with no effect.')).toEqual([]);
    expect(found('Walked 20 ft to the door and back.')).toEqual([]);
    // A label's street split into cells, or its suffix misread ("Or" for "Dr"), before "City, ST 12345".
    expect(covers('64 Willow | Ct, Wilmington, DE 69973', '64 Willow | Ct')).toBe(true);
    expect(covers('4256 | Dogwood | Boulevard, | Dallas, TX 24939', '4256 | Dogwood | Boulevard')).toBe(true);
    expect(covers('318 Fifth Or, Little Rock, AR 26157', '318 Fifth Or')).toBe(true);
    expect(untouched('Gave 2 Tylenol PO, Boston, MA 02115', 'Tylenol')).toBe(true);
    expect(untouched('Seen 3 Times Weekly, Boston, MA 02115', 'Weekly')).toBe(true);
    // "Blvd" read "Bivd"; the state and ZIP set apart as a cell.
    expect(covers('417 Ocean Bivd, Savannah, GA 05027-1146', '417 Ocean Bivd')).toBe(true);
    expect(covers('Huntington Blvd, Little Rock, | AR 61271', 'Little Rock, | AR 61271')).toBe(true);
    expect(untouched('Plan: Lasix, | AM labs 12345', 'Lasix')).toBe(true);
    expect(untouched('Gave 40 units then 2 tabs at night.', '40 units')).toBe(true);
  });

  it('reads a telephone number across a column break after its area code, and one with an extension', () => {
    expect(found('Ph: (619) | 555-9315')).toContainEqual(['(619) | 555-9315', 'PHONE_OR_FAX']);
    expect(found('Fax. | 555-3301 x8286').map(([text]) => text)).toContain('555-3301');
    expect(untouched('UOP goal 500-1000 x3 days', '500-1000')).toBe(true);
  });

  it('takes a store named "<word> Drug" when a phone follows it, but not a kind of drug', () => {
    expect(found('Cobblestone Drug | Ph: 602 555 0112')).toContainEqual(['Cobblestone Drug', 'ADDRESS']);
    expect(untouched('Study Drug: placebo arm', 'Study Drug')).toBe(true);
  });

  it('takes a name signed with a laboratory or imaging credential', () => {
    expect(found('Verified by Young Long, MT on 23-Dec-2012')).toContainEqual(['Young Long', 'NAME']);
    expect(found('Billings, MT 59101')).toContainEqual(['Billings, MT 59101', 'ADDRESS']);
  });

  it('reads labels as a scan misreads them: "ID" as "10", "name" as "naine", a bracket inside an accession', () => {
    expect(found('KAMAU, CHIAMAKA\n10: 15-272-950\n')).toContainEqual(['15-272-950', 'ID']);
    expect(found('ID: 10283310 | Acc: 24-)-72237')).toContainEqual(['24-)-72237', 'ID']);
    expect(found('Last name: Johnson | First naine: Mark')).toContainEqual(['Mark', 'NAME']);
    expect(untouched('Vitals at 10: 98.6 F', '98.6')).toBe(true);
  });

  it('reads dates with a period for a comma and birth dates a scan garbled', () => {
    expect(found('Filled. March 1. 2015')).toContainEqual(['March 1. 2015', 'DATE']);
    expect(found('DOB: 88-09-1939')).toContainEqual(['88-09-1939', 'DATE']);
    expect(untouched('Dec 4. 1000 mL given', '1000')).toBe(true);
    expect(found('Discard after: October 8; 2018')).toContainEqual(['October 8; 2018', 'DATE']);
    expect(untouched('Seen Dec 4; 1000 mL given', '1000')).toBe(true);
  });

  it('takes links whose colon was read as a dot or a space', () => {
    expect(found('Web: https.//saintraphaels.org')).toContainEqual(['https.//saintraphaels.org', 'URL']);
    expect(found('https //cedarrapids net/refer')).toContainEqual(['https //cedarrapids net/refer', 'URL']);
  });

  it('does not carry a relation word across a column break', () => {
    expect(untouched('Relationship: husband | Contact phone: +1 404 555 0150', 'Contact')).toBe(true);
  });

  it('reads dates with a speck before the day or two marks before the year', () => {
    expect(found("DOB: May'5, 1920")).toContainEqual(["May'5, 1920", 'DATE']);
    expect(found("DOB: Feb.'7, 1960")).toContainEqual(["Feb.'7, 1960", 'DATE']);
    expect(found('DOB: November 23;.1918')).toContainEqual(['November 23;.1918', 'DATE']);
    expect(untouched('Seen Dec 4;.1000 mL given', '1000')).toBe(true);
    expect(untouched("May's 5 grandchildren visited.", '5')).toBe(true);
  });

  it('takes what follows a phone label as the number, digits lost or set apart as a cell', () => {
    expect(found('Pinecrest Apothecary | Ph: (702) | 3:0236')).toContainEqual(['(702) | 3:0236', 'PHONE_OR_FAX']);
    expect(found('Brookside Apothecary | Ph: 412-019')).toContainEqual(['412-019', 'PHONE_OR_FAX']);
    // A whole number ends it; another cell's date or quantity is not part of it.
    expect(found('Ph: 617-555-0143 | 03/04/2025')).toContainEqual(['03/04/2025', 'DATE']);
    expect(found('Ph: 555-0143 | 03/04/2025')).toEqual([
      ['555-0143', 'PHONE_OR_FAX'],
      ['03/04/2025', 'DATE'],
    ]);
    expect(found('Ph: 412-019 | 30 tabs')).toContainEqual(['412-019', 'PHONE_OR_FAX']);
    // Measurements after a label that also names a phone: a pH, a dose, a time, a count, a cell count.
    for (const text of [
      'ABG pH: 7.32',
      'PH: 7.40',
      'Tel: 300 mg tablets',
      'Phone: 120 min',
      'Phone: 10:30 am',
      'Fax: 100 pages',
      'Cell: 12.5 x 10^9/L',
      'Tel# 911',
    ])
      expect(found(text), text).toEqual([]);
  });

  it('takes a titled name whose initial a scan set apart from the surname, or read a speck before', () => {
    expect(found('Prescriber: Dr. N. | Salem | DOB: 5/23/1972')).toContainEqual(['N. | Salem', 'NAME']);
    expect(found('Prescribe | Dr. O | Sow | DOB: 08/27/1990')).toContainEqual(['O | Sow', 'NAME']);
    expect(found("Prescriber: Dr. 'S. Fleurimond")).toContainEqual(['S. Fleurimond', 'NAME']);
    expect(untouched('Seen by Dr. A | Clinic: North', 'Clinic')).toBe(true);
    expect(untouched('Prescriber Df. D. Mensah', 'Prescriber')).toBe(true);
  });

  it('takes an ISO date whose second hyphen a scan read as a space, not a dose', () => {
    expect(found('Filled: 2018-08 25 | Qty: 30')).toContainEqual(['2018-08 25', 'DATE']);
    expect(untouched('Dose 2018-08 25 mg', '25')).toBe(true);
  });

  it('takes the ZIP a scan garbled at the end of an address line, not a year in a sentence', () => {
    expect(covers('314 School Street, Hilo, HI 8,210\nRx# 12', '8,210')).toBe(true);
    expect(covers('12893 Linden St, Spokane, WA 2832 | Qty', '2832')).toBe(true);
    expect(untouched('Moved to 12 Elm St, Austin, TX 2015 and back.', '2015')).toBe(true);
  });

  it('takes a known city and its state code after a word a scan ended with a period', () => {
    expect(found('Street. Honolulu, HI\nRx# 12')).toContainEqual(['Honolulu, HI', 'ADDRESS']);
    expect(untouched('Plan. Lasix, MD', 'Plan')).toBe(true);
    expect(untouched('Electronically signed by Sipho Jackson, MD on 12/16/2019', 'MD')).toBe(true);
  });

  it('takes a city and state whose ZIP a scan set apart as the next cell', () => {
    expect(covers('2770 Depot Circle, Bronx, NY | 77304-0658', 'Bronx, NY | 77304-0658')).toBe(true);
    expect(untouched('Lindqvist, MD | Cardiology', 'Cardiology')).toBe(true);
  });
});
