import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EXTRACT_LIMITS, extractText, type ExtractResult } from '../server/modules/search/extract.js';
import { makeDocx, makeDocxBomb, makeEncryptedPdf, makePdf, makePptx, makeXlsx } from './support/office-files.js';

const NAMES = 'Équipe Müller à Ørsted';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

function textOf(result: ExtractResult): string {
  expect(result).toMatchObject({ ok: true });
  return result.ok ? result.text : '';
}

describe('extractText: formats', () => {
  it('reads a PDF, page by page, keeping accents', async () => {
    const pdf = await makePdf([`${NAMES} met on Monday`, 'Quarterly revenue grew']);
    const text = textOf(await extractText(pdf, 'application/pdf', 'minutes.pdf'));
    expect(text).toContain(NAMES);
    expect(text).toContain('met on Monday');
    expect(text).toContain('Second line of the first page');
    expect(text).toContain('Quarterly revenue grew');
  });

  it('reads a DOCX, one line per paragraph', async () => {
    const docx = await makeDocx([`${NAMES} signed the contract`, 'Delivery is due in March']);
    const result = await extractText(docx, DOCX, 'contract.docx');
    expect(result).toEqual({ ok: true, text: `${NAMES} signed the contract\nDelivery is due in March`, truncated: false });
  });

  it('reads an XLSX: shared strings, numbers, every sheet', async () => {
    const xlsx = await makeXlsx([
      ['Team', 'Lead'],
      ['Wind', NAMES],
    ]);
    const text = textOf(await extractText(xlsx, XLSX, 'teams.xlsx'));
    expect(text).toBe(`Team Lead\nWind ${NAMES}\n\n42 total`);
  });

  it('reads a PPTX, slide by slide', async () => {
    const pptx = await makePptx([`Welcome ${NAMES}`, 'Roadmap for next year']);
    const text = textOf(await extractText(pptx, PPTX, 'deck.pptx'));
    expect(text).toBe(`Welcome ${NAMES}\n\nRoadmap for next year`);
  });

  it('decides from the bytes, not the mime type or the name', async () => {
    const docx = await makeDocx(['Hidden in a zip']);
    expect(await extractText(docx, 'application/octet-stream', 'upload.bin')).toEqual({
      ok: true,
      text: 'Hidden in a zip',
      truncated: false,
    });
    const pdf = await makePdf(['Plain PDF']);
    expect(textOf(await extractText(pdf, 'text/plain', 'notes.txt'))).toContain('Plain PDF');
  });

  it('reads UTF-8 plain text with emoji, normalising whitespace', async () => {
    const bytes = new TextEncoder().encode(`  ${NAMES} 🎉🚀\r\n\r\n\r\n\tStraße   Ålesund ✓ \n`);
    expect(await extractText(bytes, 'text/plain; charset=utf-8', 'notes.txt')).toEqual({
      ok: true,
      text: `${NAMES} 🎉🚀\n\nStraße Ålesund ✓`,
      truncated: false,
    });
  });

  it('reads Markdown and CSV, and falls back to Windows-1252 when the bytes are not UTF-8', async () => {
    expect(textOf(await extractText(strToU8('# Über uns\n\nWir sind'), 'text/markdown', 'about.md'))).toBe('# Über uns\n\nWir sind');
    expect(textOf(await extractText(strToU8('name,city\nSøren,Århus'), 'text/csv', 'people.csv'))).toBe('name,city\nSøren,Århus');
    const latin1 = Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]); // "Café Müller"
    expect(textOf(await extractText(latin1, 'text/plain', 'old.txt'))).toBe('Café Müller');
  });
});

describe('extractText: failures are reasons', () => {
  let bomb: Uint8Array; // 60 MB of document.xml in well under 1 MB
  beforeAll(() => {
    bomb = makeDocxBomb(60 * 2 ** 20);
  });

  it('an encrypted PDF is encrypted', async () => {
    expect(await extractText(await makeEncryptedPdf(), 'application/pdf', 'secret.pdf')).toEqual({ ok: false, reason: 'encrypted' });
  });

  it('corrupt bytes that claim to be a PDF or a DOCX are corrupt', async () => {
    const garbage = Uint8Array.from({ length: 2000 }, (_, i) => (i * 7919) % 251);
    expect(await extractText(garbage, 'application/pdf', 'broken.pdf')).toEqual({ ok: false, reason: 'corrupt' });
    expect(await extractText(garbage, DOCX, 'broken.docx')).toEqual({ ok: false, reason: 'corrupt' });

    const header = new Uint8Array([...strToU8('%PDF-1.7\n'), ...garbage]);
    expect(await extractText(header, 'application/pdf', 'broken.pdf')).toEqual({ ok: false, reason: 'corrupt' });

    const docx = await makeDocx(['Cut short']);
    expect(await extractText(docx.subarray(0, 600), DOCX, 'cut.docx')).toEqual({ ok: false, reason: 'corrupt' });
    const flipped = docx.slice();
    for (let i = 100; i < flipped.length - 200; i += 3) flipped[i] = flipped[i]! ^ 0x5a;
    expect(await extractText(flipped, DOCX, 'flipped.docx')).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('a zip that is no Office file is unsupported, or corrupt when it claims to be one', async () => {
    const zip = zipSync({ 'readme.txt': strToU8('hello') });
    expect(await extractText(zip, 'application/zip', 'archive.zip')).toEqual({ ok: false, reason: 'unsupported' });
    expect(await extractText(zip, DOCX, 'report.docx')).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('a zip bomb stops at maxUnpackedBytes', async () => {
    expect(bomb.length).toBeLessThan(2 ** 20);
    // The default 10 s time limit would turn a bomb that is inflated whole into a timeout instead.
    expect(await extractText(bomb, DOCX, 'bomb.docx', { maxUnpackedBytes: 5 * 2 ** 20 })).toEqual({ ok: false, reason: 'too_large' });
  });

  it('a zip of very many entries is too large', async () => {
    const files: Record<string, Uint8Array> = { 'ppt/presentation.xml': strToU8('<p:presentation xmlns:p="p"/>') };
    for (let i = 0; i < 10_001; i++) files[`ppt/media/f${i}.bin`] = new Uint8Array(0);
    expect(await extractText(zipSync(files), PPTX, 'many.pptx')).toEqual({ ok: false, reason: 'too_large' });
  });

  it('input over maxInputBytes is too large at once', async () => {
    const bytes = new Uint8Array(1025).fill(0x61);
    expect(await extractText(bytes, 'text/plain', 'a.txt', { maxInputBytes: 1024 })).toEqual({ ok: false, reason: 'too_large' });
    expect(await extractText(bytes.subarray(0, 1024), 'text/plain', 'a.txt', { maxInputBytes: 1024 })).toMatchObject({ ok: true });
  });

  it('an unknown binary is unsupported', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(await extractText(png, 'image/png', 'logo.png')).toEqual({ ok: false, reason: 'unsupported' });
    expect(await extractText(png, 'application/octet-stream', 'blob')).toEqual({ ok: false, reason: 'unsupported' });
    // Claimed to be text, but null bytes without a UTF-16 byte order mark: not text.
    expect(await extractText(png, 'text/plain', 'fake.txt')).toEqual({ ok: false, reason: 'unsupported' });
  });

  it('a parse that runs past timeoutMs is a timeout, and the next call works', async () => {
    const pdf = await makePdf([`${NAMES} timing`]);
    expect(await extractText(pdf, 'application/pdf', 'slow.pdf', { timeoutMs: 1 })).toEqual({ ok: false, reason: 'timeout' });
    expect(textOf(await extractText(pdf, 'application/pdf', 'slow.pdf'))).toContain(`${NAMES} timing`);
  });

  it('a timeout stops a worker that is busy parsing (60 MB of XML allowed by the limits)', async () => {
    // 50 ms: far less than inflating and parsing 60 MB takes, on any machine.
    const limits = { maxUnpackedBytes: 200 * 2 ** 20, maxOutputChars: 100 * 2 ** 20, timeoutMs: 50 };
    expect(await extractText(bomb, DOCX, 'big.docx', limits)).toEqual({ ok: false, reason: 'timeout' });
  });
});

describe('extractText: output limit', () => {
  let docx: Uint8Array;
  beforeAll(async () => {
    docx = await makeDocx(Array.from({ length: 500 }, (_, i) => `Paragraph ${i} by ${NAMES}`));
  });

  it('cuts the text at maxOutputChars and says so', async () => {
    const result = await extractText(docx, DOCX, 'long.docx', { maxOutputChars: 1000 });
    expect(result).toMatchObject({ ok: true, truncated: true });
    const text = textOf(result);
    expect(text).toHaveLength(1000);
    expect(text.startsWith(`Paragraph 0 by ${NAMES}\nParagraph 1 by ${NAMES}\n`)).toBe(true);
    expect(textOf(await extractText(docx, DOCX, 'long.docx'))).toContain(`Paragraph 499 by ${NAMES}`);
  });

  it('never splits an emoji when cutting', async () => {
    const bytes = new TextEncoder().encode('ab🎉cd');
    expect(await extractText(bytes, 'text/plain', 'e.txt', { maxOutputChars: 3 })).toEqual({ ok: true, text: 'ab', truncated: true });
    expect(await extractText(bytes, 'text/plain', 'e.txt', { maxOutputChars: 4 })).toEqual({ ok: true, text: 'ab🎉', truncated: true });
  });

  it('has the documented defaults', () => {
    expect(DEFAULT_EXTRACT_LIMITS).toEqual({
      maxInputBytes: 25 * 2 ** 20,
      maxOutputChars: 200_000,
      maxUnpackedBytes: 100 * 2 ** 20,
      timeoutMs: 10_000,
    });
  });
});
