/**
 * Which parser a file goes to. The bytes decide where they can (a PDF header, a zip, an OLE
 * compound file); the mime type and the name are hints for what the bytes cannot tell: plain text,
 * and whether garbage was meant to be a PDF or an Office file (then it is corrupt, not unsupported).
 */

export type SniffedFormat =
  { kind: 'pdf' | 'zip'; claimsOoxml: boolean } | { kind: 'text' } | { kind: 'unsupported' | 'encrypted' | 'corrupt' };

const TEXT_MIMES = new Set(['text/plain', 'text/markdown', 'text/x-markdown', 'text/csv']);
const TEXT_EXTENSIONS = new Set(['txt', 'text', 'md', 'markdown', 'csv']);
const OOXML_MIMES = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
]);
const OOXML_EXTENSIONS = new Set(['docx', 'xlsx', 'pptx']);

/** The spec wants `%PDF-` first, but readers accept it within the first KB and so do we. */
const PDF_HEADER_WINDOW = 1024;
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniffFormat(bytes: Uint8Array, mime: string, fileName: string): SniffedFormat {
  const type = mime.split(';')[0]?.trim().toLowerCase() ?? '';
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const claimsPdf = type === 'application/pdf' || ext === 'pdf';
  const claimsOoxml = OOXML_MIMES.has(type) || OOXML_EXTENSIONS.has(ext);

  if (findAscii(bytes, '%PDF-', PDF_HEADER_WINDOW) >= 0) return { kind: 'pdf', claimsOoxml };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'zip', claimsOoxml };
  // A password-protected .docx/.xlsx/.pptx is not a zip but an OLE file holding an
  // "EncryptedPackage" stream (MS-OFFCRYPTO); any other OLE file is a legacy format we do not read.
  if (startsWith(bytes, OLE_SIGNATURE)) return { kind: hasUtf16Name(bytes, 'EncryptedPackage') ? 'encrypted' : 'unsupported' };
  if (claimsPdf || claimsOoxml) return { kind: 'corrupt' };
  if (TEXT_MIMES.has(type) || TEXT_EXTENSIONS.has(ext)) return { kind: 'text' };
  return { kind: 'unsupported' };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function findAscii(bytes: Uint8Array, needle: string, within: number): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, within)).indexOf(needle, 0, 'latin1');
}

function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes(Buffer.from(name, 'utf16le'));
}
