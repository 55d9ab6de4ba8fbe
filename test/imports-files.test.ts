import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/databases.js';
import { signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { csv, previewed, ran, rowsOf, uploaded, uploadPeople } from './support/imports.js';
import { startTestServer, type TestServer } from './support/server.js';
import { download, png } from './support/uploads.js';

const FORMULA = "=cmd|' /C calc'!A0";

describe.each(DIALECTS)('people files as they come on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { IMPORT_LIMIT_BYTES: '300000' } });
    acme = await signUpCompany(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const person = async (employeeId: string) => {
    const res = await acme.owner.get(`/api/v1/admin/people?limit=100`);
    return res.body.items.find((p: any) => p.employeeId === employeeId);
  };
  const byEid = { columns: { employeeId: 'Matricule', name: 'Nom' }, options: { match: 'employeeId' } };

  it('reads Latin-1 (Windows-1252) with accents, UTF-8 with a byte-order mark, UTF-16 with tabs', async () => {
    const text = 'Matricule;Nom;Service\r\nL1;Hélène Çava;Comptabilité\r\nL2;Zoë Œuvre €;Accueil\r\n';
    // Latin-1 has no € or Œ: Windows-1252 puts them at 0x80 and 0x8C.
    const bytes = Buffer.from(text.replace('€', '\u0080').replace('Œ', '\u008c'), 'latin1');
    const imp = await uploaded(acme.owner, bytes, 'export-excel.csv');
    expect(imp).toMatchObject({ encoding: 'windows-1252', delimiter: ';', headers: ['Matricule', 'Nom', 'Service'] });
    await ran(acme.owner, imp.id, { columns: { ...byEid.columns, department: 'Service' }, options: byEid.options });
    expect(await person('L1')).toMatchObject({ displayName: 'Hélène Çava', department: 'Comptabilité' });
    expect((await person('L2')).displayName).toBe('Zoë Œuvre €');

    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Matricule;Nom\r\nB1;Brontë Émile\r\n', 'utf8')]);
    const withBom = await uploaded(acme.owner, bom);
    expect(withBom).toMatchObject({
      encoding: 'utf-8',
      delimiter: ';',
      headers: ['Matricule', 'Nom'],
      suggested: { employeeId: 'Matricule' },
    });
    await ran(acme.owner, withBom.id, byEid);
    expect((await person('B1')).displayName).toBe('Brontë Émile');

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Matricule\tNom\r\nU1\tŁukasz Øster\r\n', 'utf16le')]);
    const tabbed = await uploaded(acme.owner, utf16, 'unicode.txt');
    expect(tabbed).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    await ran(acme.owner, tabbed.id, byEid);
    expect((await person('U1')).displayName).toBe('Łukasz Øster');
  });

  it('quoted values may hold delimiters, quotes and new lines; blank lines are skipped but rows keep their numbers', async () => {
    const text = 'Matricule,Nom,Poste\r\nQ1,"Doe, Jane","Line one\r\nLine two"\r\n\r\nQ2,"Say ""hi""",\r\nQ3,,Nameless\r\n';
    const imp = await uploaded(acme.owner, text);
    expect(imp).toMatchObject({ delimiter: ',', totalRows: 3 });
    const done = await ran(acme.owner, imp.id, { columns: { ...byEid.columns, title: 'Poste' }, options: byEid.options });
    expect(done.counts).toMatchObject({ create: 2, error: 1 });
    expect(await person('Q1')).toMatchObject({ displayName: 'Doe, Jane', title: 'Line one\r\nLine two' });
    expect((await person('Q2')).displayName).toBe('Say "hi"');
    // The header is row 1, the quoted value spans the file's lines 2-3, line 4 is blank: Q3 is row 5.
    expect(await rowsOf(acme.owner, imp.id, 'error')).toMatchObject([
      { row: 5, field: 'name', column: 'Nom', message: 'is required', key: 'Q3' },
    ]);
  });

  it('a 1,000-character value is a row error naming the field; other rows go in', async () => {
    const long = 'x'.repeat(1000);
    const imp = await uploaded(
      acme.owner,
      csv([
        ['Matricule', 'Nom', 'Poste'],
        ['X1', long, ''],
        ['X2', 'Xena', long],
        ['X3', 'Xavi', 'Ok'],
      ]),
    );
    const dry = await previewed(acme.owner, imp.id, { columns: { ...byEid.columns, title: 'Poste' }, options: byEid.options });
    expect(dry.counts).toMatchObject({ create: 1, error: 2 });
    expect(await rowsOf(acme.owner, imp.id, 'error')).toMatchObject([
      { row: 2, field: 'name', column: 'Nom', message: 'is longer than 200 characters' },
      { row: 3, field: 'title', column: 'Poste', message: 'is longer than 200 characters' },
    ]);
  });

  it('a formula-looking name is imported as text; the errors CSV neutralises it', async () => {
    const imp = await uploaded(
      acme.owner,
      csv([
        ['Matricule', 'Nom', 'Email'],
        ['F1', FORMULA, ''],
        ['F2', FORMULA, 'nope'],
        ['F3', '@SUM(1+1)', 'bad@'],
      ]),
    );
    const done = await ran(acme.owner, imp.id, { columns: { ...byEid.columns, email: 'Email' }, options: byEid.options });
    expect(done.counts).toMatchObject({ create: 1, error: 2 });
    expect((await person('F1')).displayName).toBe(FORMULA);
    const file = await download(t, acme.owner, `/api/v1/admin/imports/${imp.id}/errors.csv`);
    expect(file.status).toBe(200);
    expect(String(file.headers['content-type'])).toContain('text/csv');
    const body = file.bytes.toString('utf8');
    expect(body.startsWith('\uFEFFRow,Field,Column,Problem,Matricule,Nom,Email\r\n')).toBe(true);
    expect(body).toContain(`3,email,Email,is not an e-mail address,F2,'${FORMULA},nope\r\n`);
    expect(body).toContain("4,email,Email,is not an e-mail address,F3,'@SUM(1+1),bad@\r\n");
    expect(body).not.toMatch(/,=cmd/);
  });

  it('refuses, naming the file: empty, headers only, binary, old Excel, another ZIP, an unclosed quote, too large', async () => {
    const refused = async (data: Buffer | string, name: string, message: RegExp) => {
      const res = await uploadPeople(acme.owner, data, name);
      expectProblem(res, 400, 'invalid_input', 'file');
      expect(res.body.detail).toMatch(message);
    };
    await refused(Buffer.alloc(0), 'empty.csv', /is empty/);
    await refused('\r\n\r\n  \r\n', 'blank.csv', /is empty/);
    await refused('Matricule;Nom\r\n', 'headers.csv', /header row but no people/);
    await refused(await png(20, 20), 'people.csv', /is a PNG file/);
    await refused(Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)), 'people.csv', /not a text file/);
    await refused(Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(2000)]), 'people.xls', /old Excel/);
    await refused(Buffer.from(zipSync({ 'word/document.xml': Buffer.from('<w/>') })), 'people.xlsx', /not an Excel workbook/);
    await refused('Matricule,Nom\r\nK1,"Never closed\r\nK2,Kay\r\n', 'quote.csv', /quoted value that is never closed/);
    const big = await uploadPeople(acme.owner, `Matricule,Nom\r\n${'Z1,Zed\r\n'.repeat(50_000)}`, 'big.csv');
    expectProblem(big, 413, 'file_too_large', 'file');
    // Nothing was kept of any of them.
    const list = await acme.owner.get('/api/v1/admin/imports?limit=50');
    expect(list.body.items.map((i: any) => i.fileName)).not.toContain('quote.csv');
  });

  it('reads the first sheet of an XLSX workbook: numbers, dates, rich text, formulas, blank rows', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Staff');
    sheet.addRow(['Matricule', 'Nom', 'Entrée', 'Poste', 'Manager']);
    sheet.addRow([
      1001,
      'Xia Sheet',
      new Date(Date.UTC(2024, 0, 15)),
      { richText: [{ text: 'Head ' }, { text: 'of', font: { bold: true } }, { text: ' sales' }] },
      '',
    ]);
    sheet.addRow([]);
    sheet.addRow([1002, { formula: 'CONCATENATE("Yu"," Formula")', result: 'Yu Formula' }, null, 'Seller', 1001]);
    wb.addWorksheet('Ignored').addRow(['Matricule', 'Nom']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const imp = await uploaded(acme.owner, bytes, 'staff.xlsx');
    expect(imp).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null, totalRows: 2 });
    expect(imp.headers).toEqual(['Matricule', 'Nom', 'Entrée', 'Poste', 'Manager']);
    expect(imp.sample[0]).toEqual(['1001', 'Xia Sheet', '2024-01-15', 'Head of sales', '']);
    const done = await ran(acme.owner, imp.id, {
      columns: { ...byEid.columns, title: 'Poste', manager: 'Manager' },
      options: byEid.options,
    });
    expect(done.counts).toMatchObject({ create: 2, error: 0 });
    const xia = await person('1001');
    expect(xia).toMatchObject({ displayName: 'Xia Sheet', title: 'Head of sales' });
    expect(await person('1002')).toMatchObject({ displayName: 'Yu Formula', managerId: xia.id });
  });

  it('matches by e-mail whatever its case; the e-mail is then the key that must be there', async () => {
    const imp = await uploaded(
      acme.owner,
      csv([
        ['Email', 'Name', 'Title'],
        ['Mia@Acme.Test', 'Mia Mail', 'One'],
        ['', 'No Mail', ''],
      ]),
    );
    const mapping = { columns: { email: 'Email', name: 'Name', title: 'Title' }, options: { match: 'email' } };
    const first = await ran(acme.owner, imp.id, mapping);
    expect(first.counts).toMatchObject({ create: 1, error: 1 });
    expect((await rowsOf(acme.owner, imp.id, 'error'))[0]).toMatchObject({
      field: 'email',
      message: 'is empty: people are matched by e-mail',
    });
    const again = await uploaded(
      acme.owner,
      csv([
        ['Email', 'Name', 'Title'],
        ['MIA@acme.test', 'Mia Mail', 'Two'],
      ]),
    );
    const second = await ran(acme.owner, again.id, mapping);
    expect(second.counts).toMatchObject({ create: 0, update: 1 });
  });
});
