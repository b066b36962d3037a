/** Prefix of the keys createImageUpload hands out. */
export const UPLOAD_PREFIX = 'uploads/';

/**
 * A caller's own upload prefix, `uploads/<SHA-256 of the owner, 32 hex digits>/`. maskImage reads only from
 * there, so no caller can have another's upload masked or read back (no confused deputy). Hashed because
 * owners are ARNs; Web Crypto (a global) keeps the core free of Node imports.
 */
export async function uploadPrefixOf(owner: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(owner));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${UPLOAD_PREFIX}${hex.slice(0, 32)}/`;
}
