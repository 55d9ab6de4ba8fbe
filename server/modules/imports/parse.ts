import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import { unzipSync } from 'fflate';
import { badInput } from '../../errors.js';

/**
 * Reading an uploaded people file: CSV (encoding and delimiter detected) or XLSX (first sheet,
 * read as a stream). Every problem with the file as a whole is a 400 naming `file`; problems of
 * single rows are for validate.ts.
 */
export const MAX_ROWS = 100_000;
export const MAX_COLUMNS = 200;
/** An XLSX whose parts would unpack to more than this is refused before it is read (zip bombs). */
const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;
const SAMPLE_ROWS = 5;

export interface FileShape {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
}

export interface Table {
  shape: FileShape;
  /** Column names, unique: an empty one is "Column 3", a repeated one "Name (2)". */
  headers: string[];
  /** Data rows with their row number as a spreadsheet shows it (the header is row 1). */
  rows: Array<{ row: number; cells: string[] }>;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const notAPeopleFile = (what: string) => badInput('file', `${what}; send a CSV file or an Excel workbook (.xlsx)`);

/** Text as the bytes were written: UTF-8 (with or without its mark), UTF-16 with its mark, else Windows-1252. */
export function decodeText(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: utf8(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: a spreadsheet saved as "CSV" on Windows in Western Europe (Latin-1 superset).
    return { text: windows1252(bytes), encoding: 'windows-1252' };
  }
}

/** 0x80-0x9F in Windows-1252 (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ; five unused). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Node's own TextDecoder reads the 'windows-1252' label as ISO-8859-1 unless it was built with
 * full ICU, which loses € and the curly quotes: the 32 characters that differ are mapped here.
 */
export function windows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]!));
}
const utf8 = (b: Uint8Array) => new TextDecoder('utf-8').decode(b);

/** Control characters other than tab, line feed, carriage return and form feed mean "not text". */
function looksBinary(text: string): boolean {
  const head = text.slice(0, 64 * 1024);
  if (head.includes('\u0000')) return true;
  const controls = head.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  return controls > head.length / 100;
}

/**
 * The delimiter among `,` `;` and tab that splits the first lines most consistently: the one
 * appearing the same (non-zero) number of times in most of them, then the most often.
 */
export function detectDelimiter(text: string): string {
  const lines: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length && lines.length < 20; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === '\n' || ch === '\r')) {
      if (current.trim()) lines.push(current);
      current = '';
      continue;
    }
    if (!quoted || ch !== '"') current += quoted ? ' ' : ch;
  }
  if (current.trim() && lines.length < 20) lines.push(current);
  let best = { delimiter: ',', score: -1, count: 0 };
  for (const delimiter of [',', ';', '\t']) {
    const counts = lines.map((l) => l.split(delimiter).length - 1);
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const score = counts.filter((c) => c === first).length;
    if (score > best.score || (score === best.score && first > best.count)) best = { delimiter, score, count: first };
  }
  return best.delimiter;
}

function uniqueHeaders(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    const base = h.trim() || `Column ${i + 1}`;
    const n = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/** Header first, then data rows; blank rows are skipped but keep their numbers. */
function toTable(shape: FileShape, records: Array<{ row: number; cells: string[] }>): Table {
  const filled = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = filled[0];
  if (!header) throw badInput('file', 'is empty: it has no header row and no people');
  if (header.cells.length > MAX_COLUMNS) throw badInput('file', `has more than ${MAX_COLUMNS} columns`);
  const rows = filled.slice(1).map((r) => ({ row: r.row, cells: r.cells.map((c) => c.trim()) }));
  if (rows.length === 0) throw badInput('file', 'has a header row but no people below it');
  return { shape, headers: uniqueHeaders(header.cells), rows };
}

function readCsv(bytes: Buffer): Table {
  const { text, encoding } = decodeText(bytes);
  if (looksBinary(text)) throw notAPeopleFile('is not a text file');
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      to: MAX_ROWS + 2,
    }) as string[][];
  } catch (err) {
    const e = err as { code?: string; lines?: number; message?: string };
    const where = e.lines ? ` (near line ${e.lines})` : '';
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') throw badInput('file', `has a quoted value that is never closed${where}`);
    throw badInput('file', `could not be read as CSV${where}: ${e.message ?? 'malformed'}`);
  }
  if (records.length > MAX_ROWS + 1) throw badInput('file', `has more than ${MAX_ROWS.toLocaleString('en')} rows: split it in parts`);
  return toTable(
    { format: 'csv', encoding, delimiter },
    records.map((cells, i) => ({ row: i + 1, cells })),
  );
}

/** A cell of any kind as the text a person sees in it. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Dates without a time read as the day; others as ISO 8601.
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function readXlsx(bytes: Buffer): Promise<Table> {
  let names: string[] = [];
  let unpacked = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        unpacked += f.originalSize;
        return false;
      },
    });
  } catch {
    names = [];
  }
  if (!names.includes('xl/workbook.xml')) throw notAPeopleFile('is a ZIP archive but not an Excel workbook');
  if (unpacked > MAX_UNPACKED_BYTES) throw badInput('file', 'unpacks to more than 512 MB: save it as CSV instead');
  const records: Array<{ row: number; cells: string[] }> = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        if (records.length > MAX_ROWS + 1) break;
        // row.values is 1-based and sparse: index 0 and empty cells are holes.
        const values = row.values as ExcelJS.CellValue[];
        const cells: string[] = [];
        for (let i = 1; i < values.length && i <= MAX_COLUMNS + 1; i++) cells.push(cellText(values[i]));
        records.push({ row: row.number, cells });
      }
      break; // the first sheet only
    }
  } catch {
    throw notAPeopleFile('is an Excel workbook that could not be read (damaged or protected)');
  }
  if (records.length > MAX_ROWS + 1) throw badInput('file', `has more than ${MAX_ROWS.toLocaleString('en')} rows: split it in parts`);
  return toTable({ format: 'xlsx', encoding: null, delimiter: null }, records);
}

/** Reads a whole file: what it is, its header and every row. */
export async function readTable(bytes: Buffer): Promise<Table> {
  if (bytes.length === 0) throw badInput('file', 'is empty');
  // A byte-order mark says text; sniffing would take UTF-16's FF FE for an MPEG audio frame.
  const bom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0]! >= 0xfe && bytes[1]! >= 0xfe && bytes[0] !== bytes[1]);
  if (bom) return readCsv(bytes);
  const sniffed = await fileTypeFromBuffer(bytes).catch(() => undefined);
  if (sniffed?.mime === XLSX_MIME || sniffed?.mime === 'application/zip') return readXlsx(bytes);
  if (sniffed?.mime === 'application/x-cfb') throw notAPeopleFile('is an old Excel (.xls) or Office file: save it as .xlsx or CSV');
  if (sniffed) throw notAPeopleFile(`is a ${sniffed.ext.toUpperCase()} file`);
  return readCsv(bytes);
}

export const sampleOf = (t: Table): string[][] => t.rows.slice(0, SAMPLE_ROWS).map((r) => t.headers.map((_, i) => r.cells[i] ?? ''));
