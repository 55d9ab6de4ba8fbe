import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inSharedTx } from '../server/context.js';
import { publishToPeople } from '../server/realtime/publish.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { connect, range, storedSeqOf, waitForSeq } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';

/**
 * Writes that may share a commit (chat sends; group-commit.ts on SQLite, one transaction each on
 * PostgreSQL) must behave as if each ran alone: what one unit does is stored and announced only if
 * it succeeds, whatever its neighbours in the batch do.
 */
describe.each(DIALECTS)('shared transactions on %s', (dialect) => {
  let t: TestServer;
  let company: Company;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
    company = await signUpCompany(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps a burst of units apart: a failing one leaves no event, the others land numbered without a gap', async () => {
    const ctx = t.server.ctx;
    const pat = await addPerson(t, company);
    const s0 = await storedSeqOf(ctx, pat.personId);
    const live = await connect(pat);
    const refused = (i: number) => i % 5 === 2;
    /** For each unit that succeeded: whether its own event was stored when its after-commit work ran. */
    const storedWhenTold = new Map<number, boolean>();

    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        inSharedTx(ctx, async (trx, afterCommit) => {
          await publishToPeople(trx, afterCommit, ctx.bus, company.orgId, [pat.personId], 'people.changed', { personId: `unit-${i}` });
          if (refused(i)) throw new Error(`unit ${i} refused`);
          afterCommit(async () => {
            const row = await ctx.db
              .selectFrom('events')
              .select('seq')
              .where('person_id', '=', pat.personId)
              .where('payload', 'like', `%"unit-${i}"%`)
              .executeTakeFirst();
            storedWhenTold.set(i, row !== undefined);
          });
          return i;
        }),
      ),
    );

    const kept = range(0, 19).filter((i) => !refused(i));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(
      range(0, 19).map((i) => (refused(i) ? `unit ${i} refused` : i)),
    );
    expect([...storedWhenTold.keys()].sort((a, b) => a - b)).toEqual(kept);
    expect([...storedWhenTold.values()].every(Boolean)).toBe(true);
    expect(await storedSeqOf(ctx, pat.personId)).toBe(s0 + kept.length);

    // The socket gets exactly the kept units' events, with consecutive numbers.
    await waitForSeq(live, s0 + kept.length);
    const events = live.events().filter((f) => f.type === 'people.changed');
    expect(events.map((f) => f.seq)).toEqual(range(s0 + 1, s0 + kept.length));
    const told = events.map((f) => Number((f.payload as { personId: string }).personId.slice('unit-'.length)));
    expect([...told].sort((a, b) => a - b)).toEqual(kept);
    live.close();
  });

  it('answers every unit of a burst when one fails on a database constraint', async () => {
    const ctx = t.server.ctx;
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        inSharedTx(ctx, async (trx) => {
          // Units 3 and 4 insert the same id: whichever comes second breaks the primary key.
          const id = i === 3 || i === 4 ? `shared-${company.orgId}` : `own-${company.orgId}-${i}`;
          await trx.insertInto('event_bodies').values({ id, org_id: company.orgId, payload: '{}', created_at: Date.now() }).execute();
          return id;
        }),
      ),
    );
    const status = results.map((r) => r.status);
    expect(status.filter((s, i) => i !== 3 && i !== 4)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect([status[3], status[4]].sort()).toEqual(['fulfilled', 'rejected']);
    const stored = await ctx.db.selectFrom('event_bodies').select('id').where('org_id', '=', company.orgId).orderBy('id').execute();
    expect(stored.map((r) => r.id)).toEqual([...[0, 1, 2, 5].map((i) => `own-${company.orgId}-${i}`), `shared-${company.orgId}`].sort());
  });
});
