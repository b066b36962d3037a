import words from './word-lists/professions.json' with { type: 'json' };

/**
 * Occupations (`jobs`), lower case, singular and plural where common; multi-word ones are matched whole.
 * Roles of the care team (`careTeam`) are PHI only when they are the patient's own job ("retired nurse").
 */
export const CARE_TEAM_ROLES: ReadonlySet<string> = new Set(words.careTeam);
export const PROFESSIONS: ReadonlySet<string> = new Set(words.jobs.filter((p) => !CARE_TEAM_ROLES.has(p)));

/** Jobs that are also everyday clinical words ("interpreter present", "veteran", "aide"): a job cue must confirm them. */
export const AMBIGUOUS_JOBS: ReadonlySet<string> = new Set(words.ambiguousJobs);

/** First words of every job and role phrase, so a scan can skip a token in one look-up. */
export const JOB_STARTS: ReadonlySet<string> = new Set(
  [...PROFESSIONS, ...CARE_TEAM_ROLES].map((p) => p.split(' ')[0] ?? p),
);
