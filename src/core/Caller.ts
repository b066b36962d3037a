/** Who is calling, as the use cases need it: the owner their jobs are recorded under. */
export interface Caller {
  /** `cognitoIdentityId` when the caller has one, else its IAM `userArn`. */
  owner: string;
}

/** The owner of an AppSync IAM identity, as DESIGN.md defines it. */
export function ownerOf(
  identity: { cognitoIdentityId?: string | null; userArn?: string | null } | null | undefined,
): string | undefined {
  return identity?.cognitoIdentityId || identity?.userArn || undefined;
}
