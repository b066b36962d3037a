// The public surface of local/auth: SigV4 verification, principals and field permissions.
export * from './errors.ts';
export { verifySigV4, hostnameOf, type SignedHttpRequest, type VerifySigV4Options } from './verifySigV4.ts';
export { servedHostNames, type ServedHostNamesOptions } from './servedHostNames.ts';
export { verifyRealtimeAuth, REALTIME_CONNECT_PATH, REALTIME_START_PATH } from './verifyRealtimeAuth.ts';
export { identityOf, assumedRoleArn, LOCAL_IDENTITY_POOL_ID, type VerifiedCaller } from './identityOf.ts';
export { LOCAL_WORKER_ROLE, localResolverEnv, localWorkerIdentity } from './publisherRole.ts';
export { PrincipalRegistry } from './PrincipalRegistry.ts';
export {
  loadPrincipals,
  CREDENTIALS_FILE,
  type LoadPrincipalsOptions,
  type LoadedPrincipals,
} from './loadPrincipals.ts';
export { validatePrincipals, DEFAULT_ACCOUNT_ID } from './validatePrincipals.ts';
export { generatePrincipal } from './generatePrincipal.ts';
export { isAllowed, fieldArn, globMatch } from './isAllowed.ts';
export { DEFAULT_ALLOW } from './defaultAllow.ts';
export type { Principal, IamIdentity, ApiCoordinates } from './Principal.ts';
