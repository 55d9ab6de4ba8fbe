import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Res } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { startTestServer, type TestServer } from './support/server.js';

type Person = Client & { personId: string; email: string };
interface Listed {
  id: string;
  displayName: string;
  status: string;
}

describe.each(DIALECTS)('directory on %s', (dialect) => {
  let t: TestServer;
  let co: Company;
  let admin: Person;
  let member: Person;
  const ids: Record<string, string> = {};

  const names = async (c: Client, query = ''): Promise<string[]> => {
    const res: Res = await c.get(`/api/v1/people?limit=100${query ? `&${query}` : ''}`);
    expect(res.status).toBe(200);
    return (res.body.items as Listed[]).map((p) => p.displayName);
  };

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    co = await signUpCompany(t);
    admin = await addPerson(t, co, { name: 'Adam Admin', role: 'admin' });
    member = await addPerson(t, co, { name: 'Mia Member' });
    const people: Array<[string, Record<string, unknown>]> = [
      ['Élodie Dupré', { title: 'Chef de projet', department: 'Ingénierie', location: 'Genève', skills: ['Café', 'Gestion'] }],
      ['Jürgen Müller', { title: 'Lagerleiter', department: 'Logistik', location: 'München', skills: ['Gabelstapler'] }],
      ['Søren Ørsted', { title: 'Ingeniør', department: 'Ingénierie', location: 'København', skills: ['Vindkraft', 'Python'] }],
      ['Anke Straße', { title: 'Buchhalterin', department: 'Finanzen', location: 'Köln', skills: ['SAP'] }],
      ['Zoë Zeller', { title: 'Barista', department: 'INGÉNIERIE', location: 'geneve', skills: ['python'] }],
    ];
    for (const [name, profile] of people) {
      const p = await addPerson(t, co, { name });
      ids[name] = p.personId;
      const res = await admin.patch(`/api/v1/admin/people/${p.personId}/profile`, profile);
      expect(res.status).toBe(200);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('401, 400 naming the field, then everyone active by name, accents ignored in the order', async () => {
    expectProblem(await t.client(co.slug).get('/api/v1/people'), 401, 'unauthenticated');
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['cursor=bm90LWpzb24', 'cursor'],
      [`q=${'a'.repeat(101)}`, 'q'],
      ['department=', 'department'],
      [`location=${'x'.repeat(101)}`, 'location'],
      ['status=gone', 'status'],
      ['sort=name', 'sort'],
    ] as const) {
      expectProblem(await member.get(`/api/v1/people?${query}`), 400, 'invalid_input', field);
    }
    expect(await names(member)).toEqual([
      'Adam Admin',
      'Anke Straße',
      'Élodie Dupré',
      'Jürgen Müller',
      'Mia Member',
      'Olivia Owner',
      'Søren Ørsted',
      'Zoë Zeller',
    ]);
  });

  it('finds people by name, title, department, location and skill, whatever the accents and case', async () => {
    const cases: Array<[string, string[]]> = [
      ['muller', ['Jürgen Müller']],
      ['MÜLLER', ['Jürgen Müller']],
      ['orsted', ['Søren Ørsted']],
      ['Ørsted', ['Søren Ørsted']],
      ['soren', ['Søren Ørsted']],
      ['strasse', ['Anke Straße']],
      ['STRASSE', ['Anke Straße']],
      ['elodie', ['Élodie Dupré']],
      ['dupre', ['Élodie Dupré']],
      ['lagerleiter', ['Jürgen Müller']],
      ['ingenior', ['Søren Ørsted']],
      ['muenchen', []],
      ['munchen', ['Jürgen Müller']],
      ['kobenhavn', ['Søren Ørsted']],
      ['koln', ['Anke Straße']],
      ['gabelstapler', ['Jürgen Müller']],
      ['ingenierie', ['Élodie Dupré', 'Søren Ørsted', 'Zoë Zeller']],
      ['python geneve', ['Zoë Zeller']],
      ['zoe', ['Zoë Zeller']],
      ['%', []],
      ['nobody-at-all', []],
    ];
    for (const [q, expected] of cases) {
      expect({ q, found: await names(member, `q=${encodeURIComponent(q)}`) }).toEqual({ q, found: expected });
    }
  });

  it('filters match a whole value, ignoring case and accents, and combine', async () => {
    expect(await names(member, 'department=ingenierie')).toEqual(['Élodie Dupré', 'Søren Ørsted', 'Zoë Zeller']);
    expect(await names(member, `department=${encodeURIComponent('Ingénierie')}`)).toEqual(['Élodie Dupré', 'Søren Ørsted', 'Zoë Zeller']);
    expect(await names(member, 'department=ingen')).toEqual([]);
    expect(await names(member, 'location=GENEVE')).toEqual(['Élodie Dupré', 'Zoë Zeller']);
    expect(await names(member, `location=${encodeURIComponent('München')}`)).toEqual(['Jürgen Müller']);
    expect(await names(member, 'skill=PYTHON')).toEqual(['Søren Ørsted', 'Zoë Zeller']);
    expect(await names(member, 'skill=cafe')).toEqual(['Élodie Dupré']);
    expect(await names(member, 'skill=caf')).toEqual([]);
    expect(await names(member, 'skill=%25')).toEqual([]);
    expect(await names(member, 'title=barista')).toEqual(['Zoë Zeller']);
    expect(await names(member, 'department=ingenierie&location=geneve&skill=python')).toEqual(['Zoë Zeller']);
    expect(await names(member, 'department=ingenierie&q=soren')).toEqual(['Søren Ørsted']);
  });

  it('facets: departments and locations with counts, folded together', async () => {
    const res = await member.get('/api/v1/people/facets');
    expect(res.status).toBe(200);
    expect(res.body.departments).toEqual([
      { value: 'Finanzen', count: 1 },
      { value: expect.stringMatching(/^ING[ÉE]NIERIE$/i), count: 3 },
      { value: 'Logistik', count: 1 },
    ]);
    // Sorted by the folded value: geneve, kobenhavn, koln, munchen.
    expect(res.body.locations).toEqual([
      { value: expect.stringMatching(/^gen[eè]ve$/i), count: 2 },
      { value: 'København', count: 1 },
      { value: 'Köln', count: 1 },
      { value: 'München', count: 1 },
    ]);
    expectProblem(await t.client(co.slug).get('/api/v1/people/facets'), 401, 'unauthenticated');
    expectProblem(await member.get('/api/v1/people/facets?x=1'), 400, 'invalid_input', 'x');
  });

  it('deactivated people: hidden from members, listed for admins with ?status=all or deactivated', async () => {
    const gone = await addPerson(t, co, { name: 'Dee Parted' });
    expect(
      (await admin.patch(`/api/v1/admin/people/${gone.personId}/profile`, { department: 'Logistik', location: 'München' })).status,
    ).toBe(200);
    expect((await admin.post(`/api/v1/admin/people/${gone.personId}/deactivate`)).status).toBe(200);
    for (const query of ['', 'q=dee', 'status=all', 'status=deactivated', 'department=logistik']) {
      expect(await names(member, query)).not.toContain('Dee Parted');
    }
    expect(await names(member, 'status=deactivated')).toEqual([]);
    expect(await names(admin, '')).not.toContain('Dee Parted');
    expect(await names(admin, 'status=deactivated')).toEqual(['Dee Parted']);
    expect(await names(admin, 'status=all&department=logistik')).toEqual(['Dee Parted', 'Jürgen Müller']);
    const facets = (await admin.get('/api/v1/people/facets')).body;
    expect(facets.departments.find((f: { value: string }) => f.value === 'Logistik')).toEqual({ value: 'Logistik', count: 1 });
  });

  it('a guest sees only themselves; another company sees none of these people', async () => {
    const guest = await addPerson(t, co, { name: 'Gil Guest', role: 'guest' });
    expect(await names(guest)).toEqual(['Gil Guest']);
    expect(await names(guest, 'q=muller')).toEqual([]);
    expect((await guest.get('/api/v1/people/facets')).body).toEqual({ departments: [], locations: [] });
    const other = await signUpCompany(t);
    expect(await names(other.owner)).toEqual(['Olivia Owner']);
    expect(await names(other.owner, 'q=muller')).toEqual([]);
  });

  it('the cursor walks everyone once, stable while people join between pages', async () => {
    const c2 = await signUpCompany(t);
    const boss = await addPerson(t, c2, { name: 'Walker Admin', role: 'admin' });
    const made = [c2.owner.session?.person.id ?? '', boss.personId];
    for (let i = 0; i < 18; i++)
      made.push((await addPerson(t, c2, { name: i < 6 ? 'Sam Same' : `Émile ${String(i).padStart(2, '0')}` })).personId);
    const seen: Listed[] = [];
    let cursor: string | null = null;
    let joined = 0;
    do {
      const res: Res = await boss.get(`/api/v1/people?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...(res.body.items as Listed[]));
      cursor = res.body.nextCursor;
      // Someone joins before the page already read ("Aaron") and after it ("Zed"): nothing repeats or goes missing.
      if (cursor && joined < 2) {
        await addPerson(t, c2, { name: 'Aaron Early' });
        made.push((await addPerson(t, c2, { name: `Zed Late ${joined}` })).personId);
        joined++;
      }
    } while (cursor);
    const seenIds = seen.map((p) => p.id);
    expect(new Set(seenIds).size).toBe(seenIds.length);
    expect([...seenIds].sort()).toEqual([...made].sort());
    expect(seen.slice(0, 6).map((p) => p.displayName)).toEqual(['Émile 06', 'Émile 07', 'Émile 08', 'Émile 09', 'Émile 10', 'Émile 11']);
  });
});
