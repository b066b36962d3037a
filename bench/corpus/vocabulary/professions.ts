/** Occupations of patients and relatives (PROFESSION spans). Care-team roles are NOT here: they are not PHI. */

export const PROFESSIONS: readonly string[] =
  `school teacher|teacher|high school teacher|kindergarten teacher|math teacher|professor|college professor|librarian|accountant|bookkeeper|lawyer|attorney|paralegal|judge|police officer|firefighter|paramedic|EMT|welder|electrician|plumber|carpenter|mechanic|auto mechanic|machinist|construction worker|roofer|bricklayer|mason|painter|house painter|truck driver|bus driver|taxi driver|Uber driver|delivery driver|forklift operator|warehouse worker|factory worker|assembly line worker|farmer|dairy farmer|fisherman|lobsterman|commercial fisherman|landscaper|gardener|janitor|custodian|housekeeper|maid|nanny|cook|line cook|chef|baker|butcher|waitress|waiter|bartender|cashier|retail clerk|store manager|sales representative|salesman|real estate agent|insurance agent|banker|bank teller|financial analyst|software engineer|computer programmer|engineer|civil engineer|mechanical engineer|architect|graphic designer|web developer|IT consultant|data analyst|journalist|editor|writer|photographer|musician|artist|actor|hairdresser|barber|cosmetologist|nail technician|tailor|seamstress|security guard|soldier|Marine|Army veteran|sailor|pilot|flight attendant|air traffic controller|postal worker|mail carrier|social worker|pharmacist|dentist|veterinarian|physical therapist|nurse|nursing assistant|CNA|home health aide|medical assistant|physician|surgeon|psychologist|priest|minister|pastor|rabbi|imam|clergyman|secretary|administrative assistant|receptionist|office manager|clerk|court clerk|dockworker|longshoreman|steelworker|coal miner|miner|lumberjack|logger|shipbuilder|carpenter's apprentice|crane operator|HVAC technician|exterminator|locksmith|jeweler|pawnbroker|day laborer|babysitter|student|graduate student|engineering student|nursing student|homemaker|stay-at-home mother|housewife|chemist|lab technician|biologist|research scientist|economist|stockbroker|business owner|restaurant owner|small business owner|contractor|general contractor|dental hygienist|optician|pharmacy technician|radiology technician|respiratory therapist|court reporter|translator|interpreter|tour guide|travel agent|hotel manager|concierge|casino dealer|lifeguard|coach|personal trainer|yoga instructor|dance instructor|engineer at a power plant|electrical lineman|railroad conductor|train engineer|ship captain|tugboat operator|bus mechanic`.split(
    '|',
  );

/** Clauses around a profession. The span is only the occupation ("retired" and "works as a" stay outside). */
export const PROFESSION_FRAMES: readonly (readonly [before: string, after: string])[] = [
  ['is a retired ', ''],
  ['works as a ', ''],
  ['works as a ', ' full time'],
  ['is a former ', ''],
  ['worked as a ', ' for 30 years'],
  ['is employed as a ', ''],
  ['is a ', ''],
  ['was a ', ' until retirement'],
  ['is currently a ', ''],
  ['is a part-time ', ''],
  ['is a self-employed ', ''],
  ['is a semi-retired ', ''],
  ['was laid off as a ', ' last year'],
  ['retired as a ', ' several years ago'],
];
