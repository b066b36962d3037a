import { X509Certificate } from 'node:crypto';
import { hostname as machineName, networkInterfaces } from 'node:os';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];
const ANY_ADDRESS = new Set(['0.0.0.0', '::', '']);

export interface ServedHostNamesOptions {
  /** The address the server listens on (HOST). */
  host: string;
  /** The TLS certificate in PEM, when the server serves HTTPS: its subject names are names of the server. */
  certificatePem?: string;
}

/**
 * The host names a request may be signed for: the loopback names, the configured host, and the TLS
 * certificate's names. On every interface (0.0.0.0, ::) the machine's name and its addresses too. A
 * signature for any other name was made for another endpoint, or by a page that rebound its own name
 * to this address (DNS rebinding): it is refused.
 */
export function servedHostNames(options: ServedHostNamesOptions): (hostname: string) => boolean {
  const names = new Set([...LOOPBACK_NAMES, options.host.toLowerCase().replace(/^\[|\]$/g, '')]);
  if (ANY_ADDRESS.has(options.host)) {
    names.add(machineName().toLowerCase());
    for (const addresses of Object.values(networkInterfaces()))
      for (const address of addresses ?? []) names.add(address.address.toLowerCase());
  }
  if (options.certificatePem) for (const name of certificateNames(options.certificatePem)) names.add(name);
  return (hostname) => names.has(hostname) || hostname.endsWith('.localhost');
}

/** DNS names and IP addresses of a certificate's subjectAltName, and its subject's common name. */
function certificateNames(pem: string): string[] {
  const certificate = new X509Certificate(pem);
  const alternatives = (certificate.subjectAltName ?? '')
    .split(/,\s*/)
    .map((entry) => /^(?:DNS|IP Address):(.+)$/.exec(entry)?.[1]);
  const commonName = /(?:^|\n)CN=([^\n]+)/.exec(certificate.subject)?.[1];
  return [...alternatives, commonName]
    .filter((name): name is string => Boolean(name))
    .map((name) => name.toLowerCase());
}
