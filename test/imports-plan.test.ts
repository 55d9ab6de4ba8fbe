import { describe, expect, it } from 'vitest';
import type { ImportMapping } from '../protocol/imports.js';
import { suggestColumns } from '../server/modules/imports/columns.js';
import { decodeText, detectDelimiter } from '../server/modules/imports/parse.js';
import { makePlan, type KnownPerson } from '../server/modules/imports/plan.js';

/** The parts of an import that need no server: reading text, guessing columns, planning rows. */

const someone = (id: string, extra: Partial<KnownPerson> = {}): KnownPerson => ({
  id,
  display_name: `Person ${id}`,
  email: null,
  email_normalized: null,
  username: null,
  employee_id: id.toUpperCase(),
  manager_id: null,
  role: 'member',
  status: 'active',
  title: null,
  department: null,
  location: null,
  phone: null,
  frontline: 0,
  skills: '[]',
  ...extra,
});

const table = (headers: string[], rows: string[][]) => ({
  shape: { format: 'csv' as const, encoding: 'utf-8', delimiter: ',' },
  headers,
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});

const mapping: ImportMapping = {
  columns: { employeeId: 'Id', name: 'Name', manager: 'Manager', role: 'Role' },
  options: { match: 'employeeId', sendAccess: 'none', deactivateMissing: false },
};

describe('reading people files', () => {
  it('finds the delimiter that splits every line alike, ignoring those inside quotes', () => {
    expect(detectDelimiter('Id;Name;Title\r\n1;"Doe, Jane";"A, B"\r\n2;Joe;C\r\n')).toBe(';');
    expect(detectDelimiter('Id\tName\n1\tJane, Doe\n')).toBe('\t');
    expect(detectDelimiter('Id,Name\n1,"Jane; Doe"\n')).toBe(',');
    expect(detectDelimiter('Name\nJane\n')).toBe(',');
  });

  it('decodes UTF-8 (with or without its mark), UTF-16 and Windows-1252', () => {
    expect(decodeText(Buffer.from('Zoë', 'utf8'))).toEqual({ text: 'Zoë', encoding: 'utf-8' });
    expect(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ text: 'A', encoding: 'utf-8' });
    expect(decodeText(Buffer.from([0xfe, 0xff, 0x00, 0xe9]))).toEqual({ text: 'é', encoding: 'utf-16be' });
    expect(decodeText(Buffer.from([0x80, 0x20, 0x93, 0x8c, 0x94, 0xe9]))).toEqual({ text: '€ “Œ”é', encoding: 'windows-1252' });
  });

  it('suggests columns; a full name wins over a lone "Nom"', () => {
    expect(suggestColumns(['Nom complet', 'Nom', 'Manager e-mail', 'Adresse e-mail'])).toEqual({
      name: 'Nom complet',
      manager: 'Manager e-mail',
      email: 'Adresse e-mail',
    });
    expect(suggestColumns(['Given name', 'Surname', 'Employee number', 'Team'])).toEqual({
      firstName: 'Given name',
      lastName: 'Surname',
      employeeId: 'Employee number',
      department: 'Team',
    });
  });
});

describe('planning an import', () => {
  it('refuses a manager that closes a loop through someone already in the company', () => {
    // a reports to b today; the file says b reports to a.
    const people = [someone('a', { manager_id: 'b' }), someone('b')];
    const plan = makePlan(table(['Id', 'Name', 'Manager', 'Role'], [['B', 'Person b', 'A', '']]), mapping, people, 'admin');
    expect(plan.rows[0]).toMatchObject({
      status: 'error',
      field: 'manager',
      message: 'would make a loop in the org chart: Person b → Person a → Person b',
    });
  });

  it('a change of manager that breaks the old chain is no loop', () => {
    const people = [someone('a', { manager_id: 'b' }), someone('b')];
    const rows = [
      ['A', 'Person a', '', ''],
      ['B', 'Person b', 'A', ''],
    ];
    // a keeps b (empty cell: unchanged) so this is a loop; with a's new manager c it is not.
    expect(makePlan(table(['Id', 'Name', 'Manager', 'Role'], rows), mapping, people, 'admin').rows[1]!.status).toBe('error');
    rows[0]![2] = 'C';
    rows.push(['C', 'Person c', '', '']);
    const plan = makePlan(table(['Id', 'Name', 'Manager', 'Role'], rows), mapping, people, 'admin');
    expect(plan.rows.map((r) => r.status)).toEqual(['update', 'update', 'create']);
    expect(plan.rows[1]!.managerNode).toBe('a');
    expect(plan.rows[0]!.managerNode).toBe('row:4');
  });

  it('refuses deactivated and guest managers, and never changes the role of an owner or of the admin importing', () => {
    const people = [
      someone('gone', { status: 'deactivated' }),
      someone('guest', { role: 'guest' }),
      someone('owner', { role: 'owner' }),
      someone('admin', { role: 'admin' }),
    ];
    const plan = makePlan(
      table(
        ['Id', 'Name', 'Manager', 'Role'],
        [
          ['N1', 'New one', 'GONE', ''],
          ['N2', 'New two', 'GUEST', ''],
          ['OWNER', 'Person owner', '', 'member'],
          ['ADMIN', 'Person admin', '', 'guest'],
          ['N3', 'New three', 'N4', 'guest'],
          ['N4', 'New four', '', 'guest'],
        ],
      ),
      mapping,
      people,
      'admin',
    );
    expect(plan.rows.map((r) => [r.status, r.field, r.message])).toEqual([
      ['error', 'manager', 'Person gone is deactivated'],
      ['error', 'manager', '"GUEST" is a guest'],
      ['unchanged', null, null],
      ['unchanged', null, null],
      ['error', 'manager', '"N4" is a guest'],
      ['create', null, null],
    ]);
  });
});
