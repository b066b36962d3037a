/** Occupations, lower case, singular and plural where common. Entries are comma-separated; multi-word ones are matched whole. */
const JOBS = `accountant, actuary, archivist, au pair, babysitter, barista, biologist, chiropractor, curator, deputy sheriff, disc jockey, line cook, lobbyist, logger, loan officer, massage therapist, missionary, nun, optometrist, pastry chef, personal trainer, phlebotomist, physiotherapist, rideshare driver, sous chef, stocker, tattoo artist, underwriter, videographer, actor, actress, administrator, airline pilot, analyst, architect, artist, assembler, astronaut, 
athlete, attorney, auditor, author, baker, bank teller, banker, barber, bartender, beautician, bookkeeper, 
bricklayer, broker, builder, bus driver, businessman, businesswoman, butcher, buyer, cab driver, 
cabinetmaker, carpenter, cashier, caterer, chef, chemist, cleaner, clerk, coach, construction worker, 
contractor, cook, correctional officer, cosmetologist, counselor, courier, custodian, dancer, data analyst, 
day care worker, delivery driver, designer, detective, developer, dishwasher, dispatcher, dock worker, 
doorman, drafter, driver, drywaller, economist, editor, electrician, engineer, entrepreneur, estimator, 
executive, factory worker, farmer, farmhand, fashion designer, financial advisor, firefighter, fireman, 
fisherman, flight attendant, florist, foreman, forklift operator, gardener, geologist, graphic designer, 
groundskeeper, guard, hairdresser, hairstylist, handyman, homemaker, housekeeper, housewife, hvac technician, 
illustrator, insurance agent, interpreter, investor, janitor, jeweler, journalist, judge, laborer, 
landscaper, lawyer, lecturer, librarian, lifeguard, lineman, locksmith, longshoreman, machinist, 
mail carrier, mailman, maintenance worker, manager, manicurist, marine, mason, mechanic, merchant, 
meteorologist, miner, minister, model, musician, nanny, nail technician, novelist, officer, operator, 
optician, painter, paralegal, paramedic, pastor, pharmacy technician, photographer, physicist, pilot, 
pipefitter, plasterer, plumber, poet, police officer, policeman, politician, postal worker, priest, 
principal, producer, professor, programmer, property manager, psychologist, publisher, rabbi, rancher, 
real estate agent, realtor, receptionist, reporter, researcher, restaurant owner, retail worker, roofer, 
sailor, salesman, saleswoman, sales representative, scientist, seamstress, secretary, security guard, server, 
sheriff, shop owner, singer, social worker, software developer, software engineer, soldier, statistician, 
steelworker, stockbroker, store manager, student, surveyor, tailor, taxi driver, teacher, school teacher, 
teaching assistant, technician, telemarketer, teller, therapist, tiler, tradesman, translator, truck driver, 
trucker, tutor, typist, undertaker, upholsterer, veteran, veterinarian, vet tech, waiter, waitress, 
warehouse worker, web developer, welder, writer, youth worker, zookeeper, airman, army officer, navy officer, 
marine sergeant, police detective, construction, housecleaner, home health aide, nursing assistant, 
caregiver, daycare teacher, kindergarten teacher, math teacher, high school teacher, college professor, 
civil engineer, mechanical engineer, electrical engineer, chemical engineer, it specialist, it consultant, 
consultant, accountant, clerk, cashier, fisherman, lobsterman, coal miner, steel worker, autoworker, 
factory supervisor, lab technician, dental hygienist, dental assistant`;

/** Roles of the care team: PHI only when they are the patient's own job ("retired nurse"). */
const CARE_TEAM = `nurse, nurses, registered nurse, physician, doctor, surgeon, resident, intern, attending, fellow, pharmacist, 
physical therapist, occupational therapist, respiratory therapist, speech therapist, dietitian, nutritionist, 
social worker, case manager, chaplain, medical assistant, nurse practitioner, physician assistant, paramedic, 
emt, aide, cna, lpn, midwife, dentist, radiologist, anesthesiologist, psychiatrist, cardiologist`;

function phrases(list: string): Set<string> {
  return new Set(list.split(/,\s*/).map((p) => p.trim()).filter(Boolean));
}

export const CARE_TEAM_ROLES: ReadonlySet<string> = phrases(CARE_TEAM);
export const PROFESSIONS: ReadonlySet<string> = new Set([...phrases(JOBS)].filter((p) => !CARE_TEAM_ROLES.has(p)));

/** Jobs that are also everyday clinical words ("interpreter present", "veteran", "aide"): a job cue must confirm them. */
export const AMBIGUOUS_JOBS: ReadonlySet<string> = phrases(`interpreter, student, veteran, caregiver, manager, driver, server, model,
operator, officer, marine, guard, coach, cook, judge, cleaner, construction, administrator, consultant, developer, analyst, minister,
builder, buyer, producer, designer, counselor, therapist, executive, investor, artist, writer, author, author, broker, dancer, singer`);

/** First words of every job and role phrase, so a scan can skip a token in one look-up. */
export const JOB_STARTS: ReadonlySet<string> = new Set([...PROFESSIONS, ...CARE_TEAM_ROLES].map((p) => p.split(' ')[0] ?? p));
