import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { OrgsTable, PeopleTable } from '../../db/schema.js';
import { toCsv } from '../../lib/csv.js';

/**
 * The printable sheet of access codes an admin hands out: one card per person (eight to an A4
 * page, cut along the lines) with the company's sign-in address, the person's sign-in name, the
 * code, its expiry, and a QR code of the address carrying the code. The same as CSV for mail merges.
 */
export interface SheetCode {
  person: PeopleTable;
  code: string;
  expiresAt: number;
}

/** Where a code is claimed: the fragment keeps the code out of every server and proxy log. */
export const claimUrl = (orgUrl: (path: string) => string, code: string): string => orgUrl(`/claim#code=${encodeURIComponent(code)}`);

const loginOf = (p: PeopleTable): string => p.username ?? p.employee_id ?? p.email ?? '';
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function codesCsv(org: OrgsTable, orgUrl: (path: string) => string, codes: SheetCode[]): string {
  return toCsv(
    ['name', 'sign_in_name', 'employee_id', 'code', 'expires', 'claim_url', 'company'],
    codes.map((c) => [
      c.person.display_name,
      loginOf(c.person),
      c.person.employee_id,
      c.code,
      day(c.expiresAt),
      claimUrl(orgUrl, c.code),
      org.name,
    ]),
  );
}

// Latin text in PDF's standard fonts; a company may need other scripts (a font with them is embedded when found).
const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
];

export async function codesPdf(org: OrgsTable, orgUrl: (path: string) => string, codes: SheetCode[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 36, info: { Title: `${org.name} — access codes`, Author: 'Commonplace' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const font = FONT_CANDIDATES.find((f) => existsSync(f));
  if (font) doc.registerFont('body', font);
  const bodyFont = font ? 'body' : 'Helvetica';
  const cols = 2;
  const rows = 4;
  const pageW = doc.page.width - 72;
  const pageH = doc.page.height - 72;
  const cardW = pageW / cols;
  const cardH = pageH / rows;
  const address = orgUrl('/claim');
  for (const [i, c] of codes.entries()) {
    const slot = i % (cols * rows);
    if (i > 0 && slot === 0) doc.addPage();
    const x = 36 + (slot % cols) * cardW;
    const y = 36 + Math.floor(slot / cols) * cardH;
    doc.save().dash(3, { space: 3 }).lineWidth(0.5).strokeColor('#999999').rect(x, y, cardW, cardH).stroke().restore();
    const qr = await QRCode.toBuffer(claimUrl(orgUrl, c.code), { type: 'png', margin: 1, width: 220, errorCorrectionLevel: 'M' });
    const qrSize = cardH - 40;
    doc.image(qr, x + cardW - qrSize - 12, y + 20, { width: qrSize, height: qrSize });
    const textW = cardW - qrSize - 36;
    doc
      .fillColor('#000000')
      .font(bodyFont)
      .fontSize(9)
      .text(org.name, x + 12, y + 14, { width: textW });
    doc.fontSize(13).text(c.person.display_name, x + 12, y + 30, { width: textW });
    doc
      .fontSize(8)
      .fillColor('#444444')
      .text(`Sign-in name / Identifiant : ${loginOf(c.person)}`, { width: textW });
    doc.moveDown(0.4).fillColor('#000000').font('Courier-Bold').fontSize(14).text(c.code, { width: textW });
    doc
      .font(bodyFont)
      .fontSize(7)
      .fillColor('#444444')
      .text(`Valid until / Valable jusqu'au ${day(c.expiresAt)}`, { width: textW })
      .moveDown(0.3)
      .text(`Scan the code or open ${address} and type it. / Scannez le code ou ouvrez l'adresse et saisissez-le.`, { width: textW });
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
