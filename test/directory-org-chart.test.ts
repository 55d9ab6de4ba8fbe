import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeopleTable } from '../server/db/schema.js';
import { newId } from '../server/lib/ids.js';
import { derivedColumns } from '../server/modules/people/store.js';
import type { Client, Res } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { startTestServer, type TestServer } from './support/server.js';

const NEVER_USED_ID = '01900000-0000-7000-8000-000000000000';
interface Summary {
  id: string;
  displayName: string;
}

/** A person row as the people store writes it; for bulk set-up only. */
function personRow(orgId: string, name: string, managerId: string | null, managerName: string | null, at: number): PeopleTable {
  const row: PeopleTable = {
    id: newId(),
    org_id: orgId,
    display_name: name,
    email: null,
    email_normalized: null,
    role: 'member',
    status: 'active',
    title: null,
    department: null,
    locale: null,
    photo_file_id: null,
    search_text: '',
    created_at: at,
    updated_at: at,
    location: null,
    phone: null,
    about: null,
    skills: '[]',
    manager_id: managerId,
    employee_id: null,
    name_key: '',
    title_key: null,
    department_key: null,
    location_key: null,
    skills_key: '|',
    last_active_at: null,
    username: null,
    frontline: 0,
    terms_accepted_at: null,
    is_bot: 0,
  };
  return Object.assign(row, derivedColumns(row, managerName));
}

describe.each(DIALECTS)('org chart on %s', (dialect) => {
  let t: TestServer;
  let co: Company;
  let member: Client & { personId: string };
  /** chain[0] is the top; chain[12] reports through 12 levels to it. */
  let chain: PeopleTable[] = [];
  let total = 0;

  /** Inserts rows in batches straight into the database (set-up only: 10,000 sign-ups would take minutes). */
  async function insertAll(rows: PeopleTable[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500)
      await t.server.ctx.db
        .insertInto('people')
        .values(rows.slice(i, i + 500))
        .execute();
  }

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    co = await signUpCompany(t);
    member = await addPerson(t, co, { name: 'Mia Member' });
    const now = Date.now();
    chain = [];
    for (let level = 0; level <= 12; level++) {
      const boss = chain[level - 1];
      chain.push(personRow(co.orgId, `Level ${String(level).padStart(2, '0')}`, boss?.id ?? null, boss?.display_name ?? null, now));
    }
    await insertAll(chain);
    // Everyone else reports to someone inserted in an earlier batch: a wide, realistic tree, no cycles.
    const managers = [...chain];
    let batch: PeopleTable[] = [];
    for (let i = 0; i < 10_000 - chain.length - 2; i++) {
      const boss = managers[(i * 7919) % Math.min(managers.length, 400)] as PeopleTable;
      batch.push(personRow(co.orgId, `Worker ${String(i).padStart(5, '0')}`, boss.id, boss.display_name, now));
      if (batch.length === 500) {
        await insertAll(batch);
        managers.push(...batch);
        batch = [];
      }
    }
    await insertAll(batch);
    const count = await t.server.ctx.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', co.orgId)
      .executeTakeFirstOrThrow();
    total = Number(count.n);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('401, 400, 404 identical for foreign and never-used ids', async () => {
    const other = await signUpCompany(t);
    const outsider = other.owner.session?.person.id ?? '';
    for (const suffix of ['org-chart', 'reports']) {
      expectProblem(await t.client(co.slug).get(`/api/v1/people/${chain[3]!.id}/${suffix}`), 401, 'unauthenticated');
      expectProblem(await member.get(`/api/v1/people/nope/${suffix}`), 400, 'invalid_input', 'id');
      const foreign = await member.get(`/api/v1/people/${outsider}/${suffix}`);
      const never = await member.get(`/api/v1/people/${NEVER_USED_ID}/${suffix}`);
      expectProblem(foreign, 404, 'not_found');
      expectProblem(never, 404, 'not_found');
      expect({ ...foreign.body, requestId: 0, instance: 0 }).toEqual({ ...never.body, requestId: 0, instance: 0 });
    }
    expectProblem(await member.get(`/api/v1/people/${chain[3]!.id}/reports?limit=0`), 400, 'invalid_input', 'limit');
  });

  it('among 10,000 people, the chain of a person 12 levels down goes up to the top in order', async () => {
    expect(total).toBe(10_000);
    const res = await member.get(`/api/v1/people/${chain[12]!.id}/org-chart`);
    expect(res.status).toBe(200);
    expect(res.body.person).toMatchObject({ id: chain[12]!.id, displayName: 'Level 12' });
    expect((res.body.chain as Summary[]).map((p) => p.displayName)).toEqual(
      chain
        .slice(0, 12)
        .reverse()
        .map((p) => p.display_name),
    );
    expect((res.body.chain as Summary[]).map((p) => p.id)).toEqual(
      chain
        .slice(0, 12)
        .reverse()
        .map((p) => p.id),
    );
    const top = await member.get(`/api/v1/people/${chain[0]!.id}/org-chart`);
    expect(top.body.chain).toEqual([]);
    const middle = await member.get(`/api/v1/people/${chain[6]!.id}/org-chart`);
    expect((middle.body.chain as Summary[]).map((p) => p.displayName)).toEqual([
      'Level 05',
      'Level 04',
      'Level 03',
      'Level 02',
      'Level 01',
      'Level 00',
    ]);
    expect((middle.body.reports.items as Summary[]).map((p) => p.displayName)).toContain('Level 07');
  });

  it('direct reports page by name, each once, and match the profile’s count', async () => {
    const top = chain[0]!;
    const expected = await t.server.ctx.db
      .selectFrom('people')
      .select('id')
      .where('org_id', '=', co.orgId)
      .where('manager_id', '=', top.id)
      .execute();
    expect(expected.length).toBeGreaterThan(50);
    const chart = await member.get(`/api/v1/people/${top.id}/org-chart`);
    expect(chart.body.reports.items).toHaveLength(50);
    expect(chart.body.reports.nextCursor).toEqual(expect.any(String));
    const seen: Summary[] = [];
    let cursor: string | null = null;
    do {
      const res: Res = await member.get(
        `/api/v1/people/${top.id}/reports?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(res.status).toBe(200);
      seen.push(...(res.body.items as Summary[]));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.map((p) => p.id).sort()).toEqual(expected.map((p) => p.id).sort());
    expect(seen.slice(0, 50).map((p) => p.id)).toEqual((chart.body.reports.items as Summary[]).map((p) => p.id));
    const names = seen.map((p) => p.displayName);
    expect(names).toEqual([...names].sort());
    expect((await member.get(`/api/v1/people/${top.id}/profile`)).body.directReports).toBe(expected.length);
  });

  it('a manager set through the API is refused when it would close a loop deep in the tree', async () => {
    const res = await co.owner.patch(`/api/v1/admin/people/${chain[0]!.id}/profile`, { managerId: chain[12]!.id });
    expectProblem(res, 409, 'manager_cycle', 'managerId');
    const ok = await co.owner.patch(`/api/v1/admin/people/${member.personId}/profile`, { managerId: chain[12]!.id });
    expect(ok.status).toBe(200);
    const mine = await member.get(`/api/v1/people/${member.personId}/org-chart`);
    expect((mine.body.chain as Summary[]).map((p) => p.id)).toEqual(
      chain
        .slice()
        .reverse()
        .map((p) => p.id),
    );
  });

  it('members do not see deactivated managers in the chain; admins do', async () => {
    expect((await co.owner.post(`/api/v1/admin/people/${chain[4]!.id}/deactivate`)).status).toBe(200);
    const path = `/api/v1/people/${chain[6]!.id}/org-chart`;
    expect(((await member.get(path)).body.chain as Summary[]).map((p) => p.displayName)).toEqual([
      'Level 05',
      'Level 03',
      'Level 02',
      'Level 01',
      'Level 00',
    ]);
    expect(((await co.owner.get(path)).body.chain as Summary[]).map((p) => p.displayName)).toEqual([
      'Level 05',
      'Level 04',
      'Level 03',
      'Level 02',
      'Level 01',
      'Level 00',
    ]);
    expect((await member.get(`/api/v1/people/${chain[3]!.id}/profile`)).body.directReports).toBe(
      (await co.owner.get(`/api/v1/people/${chain[3]!.id}/profile`)).body.directReports - 1,
    );
    expect((await co.owner.post(`/api/v1/admin/people/${chain[4]!.id}/reactivate`)).status).toBe(200);
  });

  it('shows at most 50 managers above a person', async () => {
    const deep = await signUpCompany(t);
    const rows: PeopleTable[] = [];
    for (let i = 0; i < 60; i++) {
      const boss = rows[i - 1];
      rows.push(personRow(deep.orgId, `Deep ${String(i).padStart(2, '0')}`, boss?.id ?? null, boss?.display_name ?? null, Date.now()));
    }
    for (const row of rows) await t.server.ctx.db.insertInto('people').values(row).execute();
    const res = await deep.owner.get(`/api/v1/people/${rows[59]!.id}/org-chart`);
    expect(res.body.chain).toHaveLength(50);
    expect(res.body.chain[0].displayName).toBe('Deep 58');
    expect(res.body.chain[49].displayName).toBe('Deep 09');
  });
});
