import {
  loadPrincipals,
  servedHostNames,
  type ApiCoordinates,
  type Principal,
  type VerifySigV4Options,
} from '../auth/index.ts';
import { loadOrCreateCertificate, type Certificate } from '../tls/loadOrCreateCertificate.ts';
import type { LocalSettings } from './LocalSettings.ts';

/** The API id in field ARNs and in LocalApi.apiId. */
export const API_ID = 'local';

/** Who may call, and how a signature is checked: what the HTTP and real-time parts verify requests with. */
export interface LocalAuth {
  principals: Principal[];
  /** The key pair generated into the data directory by this start, when no principals file was given. */
  generated?: Principal;
  accountId: string;
  api: ApiCoordinates;
  /** Set when TLS is on. */
  certificate?: Certificate;
  verifyOptions: VerifySigV4Options;
}

/**
 * Loads (or generates) the principals and, with TLS, the certificate, whose names join the host names a
 * signature may be made for.
 */
export async function loadLocalAuth(settings: LocalSettings): Promise<LocalAuth> {
  const { registry, principals, generated } = await loadPrincipals({
    file: settings.principalsFile,
    dataDir: settings.dataDir,
  });
  const accountId = principals[0]?.accountId ?? '000000000000';
  const { tls } = settings;
  const certificate = tls
    ? await loadOrCreateCertificate(settings.dataDir, typeof tls === 'object' ? tls : undefined)
    : undefined;
  const isServedHost = servedHostNames({
    host: settings.host,
    ...(certificate ? { certificatePem: certificate.cert } : {}),
  });
  return {
    principals,
    ...(generated ? { generated } : {}),
    accountId,
    api: { region: settings.region, accountId, apiId: API_ID },
    ...(certificate ? { certificate } : {}),
    verifyOptions: { principals: registry, regions: settings.regions, isServedHost },
  };
}
