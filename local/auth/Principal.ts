/**
 * A caller the local server knows: an access key pair and what it may call. Loaded from the file named by
 * HDM_PRINCIPALS_FILE (`[{ "name", "accessKeyId", "secretAccessKey", "allow": [...] }]`), or generated.
 */
export interface Principal {
  name: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** For temporary credentials: requests must carry this as X-Amz-Security-Token. */
  sessionToken?: string;
  /** Default '000000000000'. */
  accountId: string;
  /**
   * IAM-style resources on AppSync field ARNs this principal may call, `*` wildcards allowed:
   * `arn:aws:appsync:<region>:<account>:apis/<apiId>/types/Mutation/fields/maskText`, `.../types/Query/*`, `*`.
   * Default: every public field (all but Mutation.publishJobUpdate).
   */
  allow: string[];
}

/** The `identity` an AppSync resolver sees for an IAM caller (AppSync's field names). */
export interface IamIdentity {
  accountId: string;
  cognitoIdentityPoolId: string | null;
  cognitoIdentityId: string | null;
  /** The caller's IP, then any X-Forwarded-For entries. */
  sourceIp: string[];
  username: string;
  /** `arn:aws:iam::<account>:user/<name>`. */
  userArn: string;
  cognitoIdentityAuthType: string | null;
  cognitoIdentityAuthProvider: string | null;
}

/** Where the local API lives, for field ARNs: `arn:aws:appsync:<region>:<accountId>:apis/<apiId>/types/<Type>/fields/<field>`. */
export interface ApiCoordinates {
  region: string;
  accountId: string;
  apiId: string;
}
