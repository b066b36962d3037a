/**
 * base64url without padding of the UTF-8 bytes of `text`, as the `header-<base64url>` subprotocol carries
 * AppSync's auth object. btoa over bytes, not Buffer, so it runs in browsers too.
 */
export function base64url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
