import { clientTokenJobId } from '../../core/clientTokenJobId.ts';
import { InvalidInputError } from '../../core/errors.ts';
import type { Finding, Job } from '../../core/Job.ts';
import { JobStoreError } from './errors.ts';
import { PHI_TYPES } from '../../core/PhiEntity.ts';
import type { JobChanges } from '../../core/ports.ts';
import { MAX_SEQ } from './tableDesign.ts';

/**
 * The fields updateJob may set; anything else in `changes` (keys, owner, id...) is ignored. A change of
 * `status` also sets or removes `openStatus` (GSI3), which no caller sets itself.
 */
export const UPDATABLE_FIELDS: ReadonlySet<string> = new Set<keyof JobChanges>([
  'status',
  'updatedAt',
  'maskedText',
  'maskedTextRef',
  'maskedImage',
  'findingCount',
  'findingCounts',
  'warnings',
  'error',
  'requeues',
]);

const MAX_CLIENT_TOKEN_LENGTH = 1024;

export function validateClientToken(clientToken: string): void {
  if (typeof clientToken !== 'string' || clientToken.length === 0 || clientToken.length > MAX_CLIENT_TOKEN_LENGTH) {
    throw new InvalidInputError(`clientToken must be 1 to ${MAX_CLIENT_TOKEN_LENGTH} characters`);
  }
}

/**
 * Keys are built from these fields, so they must be usable before anything is written. A finding's id is
 * not stored (it is rebuilt from jobId and seq), and a job's findings share its owner, createdAt and
 * expiresAt (stored once per chunk item), so both are checked too.
 */
export function validateFindings(findings: readonly Finding[]): void {
  const jobs = new Map<string, Finding>();
  for (const finding of findings) {
    if (!Number.isInteger(finding.seq) || finding.seq < 1 || finding.seq > MAX_SEQ) {
      throw new InvalidInputError(`finding seq must be an integer from 1 to ${MAX_SEQ}`);
    }
    if (
      !finding.jobId ||
      !finding.owner ||
      !finding.createdAt ||
      !(PHI_TYPES as readonly string[]).includes(finding.type)
    ) {
      throw new InvalidInputError('a finding needs jobId, owner, createdAt and a PHI type');
    }
    if (finding.id !== `${finding.jobId}:${finding.seq}`)
      throw new InvalidInputError('a finding id must be <jobId>:<seq>');
    const first = jobs.get(finding.jobId) ?? finding;
    jobs.set(finding.jobId, first);
    if (
      first.owner !== finding.owner ||
      first.createdAt !== finding.createdAt ||
      first.expiresAt !== finding.expiresAt
    ) {
      throw new InvalidInputError('findings of a job must share its owner, createdAt and expiresAt');
    }
  }
}

/**
 * A job written with a client token must carry the token's id (clientTokenJobId): that is what keeps tokens
 * apart per owner and makes the job's write the claim. Checked here so that no caller can get it wrong.
 */
export async function checkTokenJobId(job: Job, clientToken: string): Promise<void> {
  validateClientToken(clientToken);
  if (job.id !== (await clientTokenJobId(job.owner, clientToken)))
    throw new JobStoreError("a job created with a client token must have the token's id (clientTokenJobId)");
}
