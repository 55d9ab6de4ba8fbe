import { stringify } from 'csv-stringify/sync';

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or carriage return first) is
 * prefixed with `'`, so an exported name like `=cmd|' /C calc'!A0` stays text (OWASP "CSV injection").
 * Every CSV the product exports goes through `toCsv`.
 */
export function neutraliseCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180 CSV with a header row, a UTF-8 byte-order mark (so spreadsheets read accents), CRLF lines. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return '\uFEFF' + stringify([header.map(neutraliseCell), ...rows.map((r) => r.map(neutraliseCell))], { record_delimiter: 'windows' });
}
