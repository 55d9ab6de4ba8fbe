/** Decoding and shaping of extracted text (shared by plain text files and the worker's output). */

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Plain text bytes as a string: a BOM says the encoding; otherwise UTF-8 when the bytes are valid
 * UTF-8, else Windows-1252 (the usual encoding of older Western text files; every byte decodes).
 * Null bytes without a UTF-16 BOM mean the file is not text: null.
 */
export function decodeText(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) return new TextDecoder('utf-8').decode(bytes);
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * One form for the index: NFC (so "é" is one code point whatever the source wrote), control
 * characters dropped, runs of spaces and tabs made one space, lines trimmed, blank lines collapsed.
 */
export function normalizeText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\v\f\u0085]/g, '\n')
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** At most `max` UTF-16 units, never splitting a surrogate pair (an emoji). */
export function truncateText(text: string, max: number): { text: string; truncated: boolean } {
  if (text.length <= max) return { text, truncated: false };
  let end = Math.max(0, max);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return { text: text.slice(0, end), truncated: true };
}
