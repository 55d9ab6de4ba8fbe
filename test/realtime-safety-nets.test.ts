import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCodes } from '../protocol/events.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, PASSWORD, signUpCompany, type Company } from './support/factories.js';
import { closeOf, connect, storedSeqOf } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';

describe.each(DIALECTS)('realtime safety nets on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
    acme = await signUpCompany(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("refreshes admins' people lists live when someone joins by invitation", async () => {
    const admin = await connect(acme.owner);
    const joiner = await addPerson(t, acme, { name: 'Nadia Nouvelle' });
    const frame = await admin.waitFor((f) => f.type === 'people.changed' && f.payload.personId === joiner.personId);
    expect(frame.seq).toBeGreaterThan(0);
    admin.close();
  });

  it('closes a socket whose session ended without a bus message, at the next session re-check', async () => {
    const person = await addPerson(t, acme);
    const live = await connect(person);
    const sessionId = person.session?.sessionId ?? '';
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    // As if the revocation's bus message had been lost (Redis briefly unreachable).
    await t.server.ctx.db.updateTable('sessions').set({ revoked_at: Date.now() }).where('id', '=', sessionId).execute();
    const closed = closeOf(live);
    await t.server.gateway.recheckSessions();
    expect((await closed).code).toBe(CloseCodes.signedOut);
  });

  it("reports this browser's session id, matching the sessions list, and a fresh event sequence", async () => {
    const person = await addPerson(t, acme);
    const sessions = await person.get('/api/v1/me/sessions');
    const current = (sessions.body.items as Array<{ id: string; current: boolean }>).find((s) => s.current);
    await acme.owner.patch(`/api/v1/admin/people/${person.personId}`, { role: 'admin' });
    const info = await person.get('/api/v1/auth/session');
    expect(info.body.sessionId).toBe(current?.id);
    expect(info.body.eventSeq).toBe(await storedSeqOf(t.server.ctx, person.personId));
    expect(info.body.person.role).toBe('admin');
  });
});

// PostgreSQL only: SQLite has no server connections to lose.
describe('database connection loss on postgres', () => {
  let t: TestServer;
  let acme: Company;
  beforeAll(async () => {
    t = await startTestServer({ dialect: 'postgres' });
    acme = await signUpCompany(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps serving when the database drops its connections', async () => {
    const name = new URL(t.databaseUrl ?? '').pathname.slice(1);
    const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    const killed = await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [name],
    );
    await admin.end();
    expect(killed.rowCount).toBeGreaterThan(0);
    // The pool replaces the dropped connections; the process did not crash. An idle connection whose
    // termination notice had not arrived yet may fail one request (a 500, never a crash), so the
    // sign-in is asked again until the pool has noticed.
    const c = t.client(acme.slug);
    const signIn = () => c.post('/api/v1/auth/sign-in', { email: `owner@${acme.slug}.test`, password: PASSWORD });
    await expect.poll(async () => (await signIn()).status, { timeout: 10_000 }).toBe(200);
    expect((await c.get('/healthz')).status).toBe(200);
  });
});
