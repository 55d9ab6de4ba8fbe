import { Document, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { PDFDocument, PDFHexString, PDFNumber, StandardFonts } from 'pdf-lib';
import PptxGenJS from 'pptxgenjs';

/** Real small files made by the usual libraries, for the text extraction tests. */

export async function makePdf(lines: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const [i, line] of lines.entries()) {
    const page = doc.addPage([595, 842]);
    page.drawText(line, { x: 50, y: 780, size: 14, font });
    if (i === 0) page.drawText('Second line of the first page', { x: 50, y: 750, size: 14, font });
  }
  return doc.save();
}

/**
 * A PDF whose trailer carries a standard security handler dictionary (/Encrypt, RC4 40-bit, R2) with
 * /O and /U values that no empty user password produces: a reader must ask for a password, as for
 * any PDF protected with one. (pdf-lib writes the trailer entry we put in `trailerInfo`; it cannot
 * encrypt the content itself, which a reader never gets to without the password anyway.)
 */
export async function makeEncryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText('Secret plans', { x: 50, y: 700, size: 14, font });
  const ctx = doc.context;
  const encrypt = ctx.obj({
    Filter: 'Standard',
    V: PDFNumber.of(1),
    R: PDFNumber.of(2),
    Length: PDFNumber.of(40),
    P: PDFNumber.of(-44),
    O: PDFHexString.of('5d1e1f3a9c0b7e4f2a6d8c1b3e5f7a9c0d2e4f6a8b1c3d5e7f9a0b2c4d6e8f10'),
    U: PDFHexString.of('a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90'),
  });
  ctx.trailerInfo.Encrypt = ctx.register(encrypt);
  const id = PDFHexString.of('0123456789abcdef0123456789abcdef');
  ctx.trailerInfo.ID = ctx.obj([id, id]);
  return doc.save({ useObjectStreams: false });
}

export async function makeDocx(paragraphs: string[]): Promise<Uint8Array> {
  const doc = new Document({
    sections: [{ children: paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export async function makeXlsx(rows: string[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Team');
  for (const row of rows) sheet.addRow(row);
  book.addWorksheet('Numbers').addRow([42, 'total']);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

export async function makePptx(slides: string[]): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  for (const text of slides) pptx.addSlide().addText(text, { x: 1, y: 1, w: 8, h: 1 });
  const out = await pptx.write({ outputType: 'uint8array' });
  return out as Uint8Array;
}

/**
 * A zip bomb dressed as a DOCX: a valid package whose word/document.xml inflates to `unpackedBytes`
 * of repeated paragraphs from a few hundred KB. The zip's declared sizes are the real ones; the
 * extractor must count the bytes it inflates anyway.
 */
export function makeDocxBomb(unpackedBytes: number): Uint8Array {
  const paragraph = '<w:p><w:r><w:t>bomb bomb bomb bomb bomb bomb bomb bomb</w:t></w:r></w:p>';
  const head =
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
  const body = paragraph.repeat(Math.ceil(unpackedBytes / paragraph.length));
  return zipSync(
    {
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>',
      ),
      'word/document.xml': strToU8(`${head}${body}</w:body></w:document>`),
    },
    { level: 9 },
  );
}
