/** Occupations, lower case, singular and plural where common. Entries are comma-separated; multi-word ones are matched whole. */
const JOBS = `accountant, actor, actress, actuary, administrator, airline pilot, airman, analyst, architect, archivist,
army officer, artist, assembler, astronaut, athlete, attorney, au pair, auditor, author, autoworker,
babysitter, baker, bank teller, banker, barber, barista, bartender, beautician, biologist, bookkeeper,
bricklayer, broker, builder, bus driver, businessman, businesswoman, butcher, buyer, cab driver,
cabinetmaker, caregiver, carpenter, cashier, caterer, chef, chemical engineer, chemist, chiropractor,
civil engineer, cleaner, clerk, coach, coal miner, college professor, construction, construction worker,
consultant, contractor, cook, correctional officer, cosmetologist, counselor, courier, curator, custodian,
dancer, data analyst, day care worker, daycare teacher, delivery driver, dental assistant, dental hygienist,
deputy sheriff, designer, detective, developer, disc jockey, dishwasher, dispatcher, dock worker, doorman,
drafter, driver, drywaller, economist, editor, electrical engineer, electrician, engineer, entrepreneur,
estimator, executive, factory supervisor, factory worker, farmer, farmhand, fashion designer,
financial advisor, firefighter, fireman, fisherman, flight attendant, florist, foreman, forklift operator,
gardener, geologist, graphic designer, groundskeeper, guard, hairdresser, hairstylist, handyman,
high school teacher, home health aide, homemaker, housecleaner, housekeeper, housewife, hvac technician,
illustrator, insurance agent, interpreter, investor, it consultant, it specialist, janitor, jeweler,
journalist, judge, kindergarten teacher, lab technician, laborer, landscaper, lawyer, lecturer, librarian,
lifeguard, line cook, lineman, loan officer, lobbyist, lobsterman, locksmith, logger, longshoreman,
machinist, mail carrier, mailman, maintenance worker, manager, manicurist, marine, marine sergeant, mason,
massage therapist, math teacher, mechanic, mechanical engineer, merchant, meteorologist, miner, minister,
missionary, model, musician, nail technician, nanny, navy officer, novelist, nun, nursing assistant, officer,
operator, optician, optometrist, painter, paralegal, paramedic, pastor, pastry chef, personal trainer,
pharmacy technician, phlebotomist, photographer, physicist, physiotherapist, pilot, pipefitter, plasterer,
plumber, poet, police detective, police officer, policeman, politician, postal worker, priest, principal,
producer, professor, programmer, property manager, psychologist, publisher, rabbi, rancher,
real estate agent, realtor, receptionist, reporter, researcher, restaurant owner, retail worker,
rideshare driver, roofer, sailor, sales representative, salesman, saleswoman, school teacher, scientist,
seamstress, secretary, security guard, server, sheriff, shop owner, singer, social worker,
software developer, software engineer, soldier, sous chef, statistician, steel worker, steelworker,
stockbroker, stocker, store manager, student, surveyor, tailor, tattoo artist, taxi driver, teacher,
teaching assistant, technician, telemarketer, teller, therapist, tiler, tradesman, translator, truck driver,
trucker, tutor, typist, undertaker, underwriter, upholsterer, vet tech, veteran, veterinarian, videographer,
waiter, waitress, warehouse worker, web developer, welder, writer, youth worker, zookeeper`;

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
