/**
 * Bytes of standard base64 text, with the web-standard `atob` rather than Node's Buffer, so the core runs
 * in any runtime. The caller checks the alphabet and padding first: `atob` throws on anything else.
 */
export function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
