/** An AWS key pair, with the session token of temporary credentials (STS, Cognito identity pools). */
export interface HdmCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}
