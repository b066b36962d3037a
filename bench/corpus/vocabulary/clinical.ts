/** Clinical vocabulary with no PHI: it must appear unannotated (eponyms, codes, scores, doses...). */

const p = (s: string): string[] =>
  s
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean);

/** [drug, doses, routes/frequencies]. */
export const MEDS: readonly (readonly [string, readonly string[], readonly string[]])[] = [
  ['metoprolol tartrate', ['12.5 mg', '25 mg', '50 mg'], ['PO BID', 'PO q12h']],
  ['metoprolol succinate', ['25 mg', '50 mg', '100 mg'], ['PO daily']],
  ['lisinopril', ['5 mg', '10 mg', '20 mg', '40 mg'], ['PO daily']],
  ['amlodipine', ['2.5 mg', '5 mg', '10 mg'], ['PO daily']],
  ['atorvastatin', ['20 mg', '40 mg', '80 mg'], ['PO qHS', 'PO daily']],
  ['aspirin', ['81 mg', '325 mg'], ['PO daily']],
  ['clopidogrel', ['75 mg'], ['PO daily']],
  ['apixaban', ['2.5 mg', '5 mg'], ['PO BID']],
  ['warfarin', ['2 mg', '5 mg', '7.5 mg'], ['PO daily', 'PO qPM']],
  ['heparin', ['5000 units'], ['SC q8h', 'SC q12h']],
  ['enoxaparin', ['40 mg', '1 mg/kg'], ['SC daily', 'SC q12h']],
  ['furosemide', ['20 mg', '40 mg', '80 mg'], ['IV BID', 'PO daily', 'IV x1']],
  ['metformin', ['500 mg', '1000 mg'], ['PO BID']],
  ['insulin glargine', ['10 units', '22 units', '30 units'], ['SC qHS']],
  ['insulin lispro', ['per sliding scale', '4 units'], ['SC AC/HS', 'SC TID with meals']],
  ['levothyroxine', ['50 mcg', '75 mcg', '112 mcg'], ['PO daily']],
  ['pantoprazole', ['40 mg'], ['PO daily', 'IV daily', 'IV q12h']],
  ['omeprazole', ['20 mg', '40 mg'], ['PO daily']],
  ['acetaminophen', ['500 mg', '650 mg', '1 g'], ['PO q6h PRN', 'PO q8h', 'IV q6h']],
  ['oxycodone', ['5 mg', '10 mg'], ['PO q4h PRN pain', 'PO q6h PRN']],
  ['hydromorphone', ['0.2 mg', '0.5 mg', '1 mg'], ['IV q2h PRN', 'IV q3h PRN']],
  ['morphine', ['2 mg', '4 mg'], ['IV q4h PRN']],
  ['fentanyl', ['25 mcg/hr', '50 mcg/hr', '100 mcg/hr'], ['gtt', 'IV infusion', 'patch q72h']],
  ['propofol', ['20 mcg/kg/min', '30 mcg/kg/min', '40 mcg/kg/min'], ['gtt']],
  ['dexmedetomidine', ['0.4 mcg/kg/hr', '0.7 mcg/kg/hr'], ['gtt']],
  ['norepinephrine', ['0.05 mcg/kg/min', '0.1 mcg/kg/min', '8 mcg/min'], ['gtt']],
  ['vasopressin', ['0.04 units/min'], ['gtt']],
  ['vancomycin', ['1 g', '1.25 g', '1500 mg'], ['IV q12h', 'IV q24h']],
  ['piperacillin-tazobactam', ['3.375 g', '4.5 g'], ['IV q6h', 'IV q8h']],
  ['cefepime', ['1 g', '2 g'], ['IV q8h', 'IV q12h']],
  ['ceftriaxone', ['1 g', '2 g'], ['IV daily']],
  ['azithromycin', ['250 mg', '500 mg'], ['PO daily', 'IV daily']],
  ['levofloxacin', ['500 mg', '750 mg'], ['PO daily']],
  ['metronidazole', ['500 mg'], ['PO TID', 'IV q8h']],
  ['prednisone', ['5 mg', '10 mg', '40 mg', '60 mg'], ['PO daily']],
  ['methylprednisolone', ['40 mg', '125 mg'], ['IV q8h', 'IV daily']],
  ['albuterol', ['2.5 mg', '2 puffs'], ['neb q4h PRN', 'INH q4h PRN']],
  ['ipratropium', ['0.5 mg'], ['neb q6h']],
  ['tiotropium', ['18 mcg'], ['INH daily']],
  ['gabapentin', ['100 mg', '300 mg', '600 mg'], ['PO TID', 'PO qHS']],
  ['sertraline', ['50 mg', '100 mg'], ['PO daily']],
  ['quetiapine', ['25 mg', '50 mg'], ['PO qHS', 'PO BID PRN agitation']],
  ['haloperidol', ['0.5 mg', '1 mg', '2 mg'], ['IV q6h PRN', 'PO BID']],
  ['lorazepam', ['0.5 mg', '1 mg'], ['IV q4h PRN', 'PO qHS PRN']],
  ['levetiracetam', ['500 mg', '750 mg', '1000 mg'], ['PO BID', 'IV BID']],
  ['carbidopa-levodopa', ['25/100 mg', '25/250 mg'], ['PO TID', 'PO QID']],
  ['donepezil', ['5 mg', '10 mg'], ['PO qHS']],
  ['tamsulosin', ['0.4 mg'], ['PO qHS']],
  ['senna', ['8.6 mg', '2 tabs'], ['PO BID', 'PO qHS']],
  ['docusate', ['100 mg'], ['PO BID']],
  ['polyethylene glycol', ['17 g'], ['PO daily']],
  ['potassium chloride', ['20 mEq', '40 mEq'], ['PO x1', 'IV x1', 'PO BID']],
  ['magnesium sulfate', ['2 g'], ['IV x1']],
  ['ondansetron', ['4 mg'], ['IV q6h PRN nausea', 'ODT q8h PRN']],
  ['nicotine patch', ['14 mg', '21 mg'], ['TD daily']],
  ['thiamine', ['100 mg'], ['PO daily', 'IV daily']],
  ['folic acid', ['1 mg'], ['PO daily']],
  ['spironolactone', ['25 mg', '50 mg'], ['PO daily']],
  ['carvedilol', ['3.125 mg', '6.25 mg', '12.5 mg'], ['PO BID']],
  ['hydralazine', ['10 mg', '25 mg'], ['IV q6h PRN SBP>160', 'PO TID']],
  ['digoxin', ['0.125 mg'], ['PO daily']],
  ['amiodarone', ['200 mg', '400 mg'], ['PO daily', 'PO BID']],
  ['diltiazem', ['30 mg', '120 mg'], ['PO q6h', 'PO daily']],
  ['tacrolimus', ['1 mg', '2 mg'], ['PO BID']],
  ['mycophenolate', ['500 mg', '1000 mg'], ['PO BID']],
  ['infliximab', ['5 mg/kg'], ['IV q8 weeks']],
  ['mesalamine', ['1.2 g', '2.4 g'], ['PO daily']],
  ['allopurinol', ['100 mg', '300 mg'], ['PO daily']],
  ['colchicine', ['0.6 mg'], ['PO daily', 'PO BID']],
];

/** Conditions, many eponymous or containing name-like words: never PHI. */
export const CONDITIONS: readonly string[] = p(
  "Parkinson's disease|Alzheimer's dementia|Crohn's disease|Hodgkin lymphoma|non-Hodgkin lymphoma|Hashimoto's thyroiditis|Graves' disease|Cushing's syndrome|Addison's disease|Bell's palsy|Guillain-Barré syndrome|Down syndrome|Wilson's disease|Raynaud's phenomenon|Sjögren's syndrome|Barrett's esophagus|Hirschsprung disease|Kaposi sarcoma|Ewing sarcoma|Wilms tumor|Huntington's disease|Lou Gehrig's disease|Tourette syndrome|Asperger syndrome|Marfan syndrome|Ehlers-Danlos syndrome|Stevens-Johnson syndrome|Wolff-Parkinson-White syndrome|Takotsubo cardiomyopathy|Prinzmetal angina|Dressler syndrome|Mallory-Weiss tear|Zollinger-Ellison syndrome|Budd-Chiari syndrome|Meniere's disease|Paget's disease|Peyronie's disease|Dupuytren's contracture|Osgood-Schlatter disease|Legg-Calvé-Perthes disease|Creutzfeldt-Jakob disease|Charcot-Marie-Tooth disease|Charcot foot|Baker's cyst|Colles fracture|Boxer's fracture|Tommy John surgery history|Von Willebrand disease|Christmas disease|Hunter syndrome|Whipple's disease|Lyme disease|Clostridioides difficile colitis|Pneumocystis pneumonia|Klebsiella pneumonia|Pseudomonas bacteremia|Legionella pneumonia|Listeria meningitis|Epstein-Barr virus infection|Cheyne-Stokes respirations|Kussmaul breathing|Korsakoff syndrome|Wernicke encephalopathy|Broca's aphasia|Todd's paralysis|Horner syndrome|Brown-Séquard syndrome|Hunt and Hess grade 2 SAH|Mobitz type II block|Bence Jones proteinuria|Coombs-positive hemolytic anemia|CHF|COPD|CAD|HTN|HLD|DM2|type 2 diabetes mellitus|atrial fibrillation|CKD stage 3|ESRD on HD|cirrhosis|sepsis|septic shock|pneumonia|UTI|DVT|PE|NSTEMI|STEMI|ARDS|AKI|GI bleed|pancreatitis|cholecystitis|diverticulitis|small bowel obstruction|hip fracture|stroke|TIA|seizure disorder|depression|anxiety|alcohol use disorder|opioid use disorder|obesity|OSA on CPAP|BPH|gout|osteoarthritis|rheumatoid arthritis|lupus|hypothyroidism|anemia|thrombocytopenia|hyponatremia|hyperkalemia|delirium|dementia|multiple sclerosis|myasthenia gravis|sarcoidosis|pulmonary fibrosis|asthma|bronchiectasis|cellulitis|osteomyelitis|endocarditis|aortic stenosis|mitral regurgitation|cardiomyopathy|peripheral vascular disease|AAA",
);

/** Signs, scales, devices and tests named after people or with name-like words: never PHI. */
export const EPONYM_FINDINGS: readonly string[] = p(
  "Babinski negative|Babinski sign present on the left|Glasgow Coma Scale 14|GCS 15|GCS 8T|Foley catheter in place|Foley draining clear yellow urine|Foley d/c'd|Swan-Ganz catheter|Murphy's sign negative|McBurney's point tenderness|Rovsing sign negative|Kernig sign negative|Brudzinski sign negative|Homans sign negative|Romberg negative|Tinel sign positive|Phalen test positive|Lachman test negative|Trendelenburg gait|Allen test normal|Chvostek sign negative|Trousseau sign negative|Kehr sign|Grey Turner sign absent|Cullen sign absent|Levine sign|Osler nodes absent|Janeway lesions absent|Roth spots absent|Virchow node not palpable|Sister Mary Joseph nodule absent|Braden score 14|Braden 12|Morse fall score 45|RASS -2|RASS 0|CAM-ICU negative|CIWA 8|CIWA score 12|COWS 6|Apgar 8 and 9|Bishop score 7|Mallampati class II|Wells score 1|CHA2DS2-VASc 4|HAS-BLED 2|MELD 18|Child-Pugh class B|Ranson criteria 2|APACHE II 17|SOFA 6|NIHSS 4|Hunt and Hess 2|Fisher grade 3|Gleason 3+4=7|Breslow depth 1.2 mm|Clark level III|Karnofsky 70|ECOG 1|Killip class I|NYHA class III|Mini-Cog 3/5|MoCA 22/30|PHQ-9 of 12|Valsalva maneuver|Heimlich|Epley maneuver|Doppler signals present|Holter monitor|Snellen 20/40|Weber midline|Rinne AC>BC|Gram stain with gram-positive cocci in clusters|Papanicolaou smear|Ziehl-Neelsen stain negative|Wright stain|Coombs negative|Schilling test|Tzanck smear|Kleihauer-Betke negative|Denver shunt|Hickman catheter|Port-a-Cath|PICC line|Jackson-Pratt drain|Penrose drain|Blake drain|Pleur-evac|Miami J collar|Philadelphia collar|Thomas splint|Buck's traction|Ace wrap|Kerlix|Tegaderm|Coban|Steri-Strips|Dobhoff tube|Salem sump|Ambu bag|Yankauer|Bair Hugger|Sequential compression devices|Venturi mask|Hudson mask|Mepilex",
);

export const PROCEDURES: readonly string[] = p(
  'laparoscopic cholecystectomy|open appendectomy|Whipple procedure|Nissen fundoplication|Roux-en-Y gastric bypass|Hartmann procedure|CABG x3|PCI with DES to LAD|TAVR|total knee arthroplasty|total hip arthroplasty|ORIF of left distal radius|hemiarthroplasty|lumbar laminectomy L4-L5|ACDF C5-C6|craniotomy|VP shunt placement|EGD|colonoscopy|ERCP with sphincterotomy|bronchoscopy with BAL|thoracentesis|paracentesis|lumbar puncture|central line placement|arterial line placement|tracheostomy|PEG tube placement|cystoscopy|TURP|hysterectomy|C-section|mastectomy|lumpectomy|thyroidectomy|carotid endarterectomy|fem-pop bypass|below-knee amputation|I&D of abscess|skin graft|Mohs surgery',
);

export const ALLERGIES: readonly string[] = p(
  'NKDA|penicillin (rash)|sulfa (hives)|codeine (nausea)|iodinated contrast|latex|shellfish|morphine (itching)|ACE inhibitors (angioedema)|vancomycin (red man syndrome)|peanuts|amoxicillin|NKA',
);

/** Generic unit and facility words that are NOT named places. */
export const GENERIC_UNITS: readonly string[] = p(
  'MICU|SICU|CCU|CVICU|Neuro ICU|the ICU|the floor|ED|PACU|OR|step-down unit|telemetry|med-surg|the cath lab|IR|OSH|rehab|home|SNF|LTAC|the ward|ER|L&D|NICU|dialysis',
);

export const CARE_TEAM_ROLES: readonly string[] = p(
  'RN|charge RN|charge nurse|the nurse|night nurse|resident|the resident|intern|attending|fellow|the team|NP|PA|RT|respiratory therapy|PT|OT|SLP|speech therapy|case management|social work|nutrition|pharmacy|chaplain|the hospitalist|covering MD|HO|MD on call|surgical team|renal team|ID team|palliative care|the rapid response team|wound care RN|dietitian',
);
