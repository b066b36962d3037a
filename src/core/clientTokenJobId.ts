/**
 * The id of the job a (owner, clientToken) pair names: a UUID-shaped (version 8) SHA-256 of both. The job's own
 * conditional write (no item under that id yet) is then the token's claim: a retry, or a call racing it, finds
 * the id taken and gets that job back, in the one request that writes the job. Another owner's same token hashes
 * to another id. The token is bound to the job for as long as the job's record exists (its TTL). Web Crypto (a
 * global) keeps the core free of Node imports, as in uploadPrefix.ts.
 */
export async function clientTokenJobId(owner: string, clientToken: string): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest(
      'SHA-256',
      new TextEncoder().encode(`hdm-client-token\u0000${owner}\u0000${clientToken}`),
    ),
  );
  const bytes = digest.slice(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x80; // version 8 (custom)
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80; // RFC 9562 variant
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
