import { InvalidInputError } from '../../core/errors.ts';
import type { Finding } from '../../core/Job.ts';
import type { JobChanges } from '../../core/ports.ts';
import { MAX_SEQ } from './tableDesign.ts';

/** The fields updateJob may set; anything else in `changes` (keys, owner, id...) is ignored. */
export const UPDATABLE_FIELDS: ReadonlySet<string> = new Set<keyof JobChanges>([
  'status', 'updatedAt', 'maskedText', 'maskedTextRef', 'maskedImage', 'findingCount', 'findingCounts', 'error',
]);

const MAX_CLIENT_TOKEN_LENGTH = 1024;

export function validateClientToken(clientToken: string): void {
  if (typeof clientToken !== 'string' || clientToken.length === 0 || clientToken.length > MAX_CLIENT_TOKEN_LENGTH) {
    throw new InvalidInputError(`clientToken must be 1 to ${MAX_CLIENT_TOKEN_LENGTH} characters`);
  }
}

/** Keys are built from these fields, so they must be usable before anything is written. */
export function validateFindings(findings: readonly Finding[]): void {
  for (const finding of findings) {
    if (!Number.isInteger(finding.seq) || finding.seq < 1 || finding.seq > MAX_SEQ) {
      throw new InvalidInputError(`finding seq must be an integer from 1 to ${MAX_SEQ}`);
    }
    if (!finding.jobId || !finding.owner || !finding.createdAt || !finding.type) {
      throw new InvalidInputError('a finding needs jobId, owner, createdAt and type');
    }
  }
}
