/** Codes are 12 letters and digits, shown as XXXX-XXXX-XXXX; case and separators do not matter. */
export const ACCESS_CODE_LENGTH = 12;

const significant = (s: string): string => s.toUpperCase().replace(/[^0-9A-Z]/g, '');

export function formatAccessCode(input: string): string {
  return significant(input)
    .slice(0, ACCESS_CODE_LENGTH)
    .replace(/(.{4})(?=.)/g, '$1-');
}

export const isCompleteAccessCode = (code: string): boolean => significant(code).length === ACCESS_CODE_LENGTH;

/**
 * Formats what was typed and keeps the caret after the same character it followed, so that a
 * correction in the middle does not throw the caret to the end.
 */
export function formatWithCaret(raw: string, caret: number): { value: string; caret: number } {
  const value = formatAccessCode(raw);
  const before = significant(raw.slice(0, caret)).length;
  let pos = 0;
  for (let seen = 0; pos < value.length && seen < before; pos++) if (value[pos] !== '-') seen++;
  return { value, caret: pos };
}

/** The code carried by a sheet's QR code: `#code=…` (a fragment never reaches a server log). */
export function codeFromFragment(hash: string): string | null {
  const code = new URLSearchParams(hash.replace(/^#/, '')).get('code');
  return code ? formatAccessCode(code) : null;
}
