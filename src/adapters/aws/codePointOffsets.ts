/**
 * Maps code point offsets in `text` to UTF-16 offsets (JavaScript string offsets). DetectPHI documents
 * its offsets as code points ("The offset returns the UTF-8 code point in the string"): an astral
 * character such as 😀 is one code point but two UTF-16 units. A lone surrogate counts as one code
 * point, as the U+FFFD it becomes in UTF-8 does. Offsets past the end map to undefined.
 */
export function codePointOffsets(text: string): (codePoint: number) => number | undefined {
  const utf16: number[] = [];
  for (let i = 0; i < text.length; i++) {
    utf16.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  utf16.push(text.length);
  return (codePoint) => (Number.isInteger(codePoint) && codePoint >= 0 ? utf16[codePoint] : undefined);
}
