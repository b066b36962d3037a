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
  /**
   * Set: the principal stands for a session of this IAM role, as AWS callers with temporary credentials do
   * (userArn `arn:aws:sts::<account>:assumed-role/<role>/<sessionName>`). Unset: an IAM user. A session of
   * LOCAL_WORKER_ROLE may publish job updates (when `allow` also grants Mutation.publishJobUpdate).
   */
  role?: string;
  /** With `role`: the session name in the userArn (default: `name`). Principals may share one, as app users do. */
  sessionName?: string;
  /**
   * With `role`: the principal stands for an app user signed in through a Cognito identity pool; AppSync then
   * sets `identity.cognitoIdentityId`, and that is the owner of the caller's jobs (not the shared userArn).
   */
  cognitoIdentityId?: string;
  /** With `cognitoIdentityId`: the identity pool (default LOCAL_IDENTITY_POOL_ID). */
  cognitoIdentityPoolId?: string;
}

/** The `identity` an AppSync resolver sees for an IAM caller (AppSync's field names). */
export interface IamIdentity {
  accountId: string;
  cognitoIdentityPoolId: string | null;
  cognitoIdentityId: string | null;
  /** The caller's IP, then any X-Forwarded-For entries. */
  sourceIp: string[];
  username: string;
  /** `arn:aws:iam::<account>:user/<name>`, or for a role session `arn:aws:sts::<account>:assumed-role/<role>/<session>`. */
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
