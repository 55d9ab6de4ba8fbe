import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTx } from '../server/context.js';
import { enqueueJob } from '../server/jobs/queue.js';
import { DIALECTS } from './support/databases.js';
import { startTestServer, type TestServer } from './support/server.js';

/** Polls a condition with a deadline (the job worker runs in the background). */
async function eventually<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const jobRow = (t: TestServer, id: string) => t.server.ctx.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();

describe.each(DIALECTS)('durable jobs on %s', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { JOB_RETRY_BASE_MS: '20' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('writes nothing when the transaction that enqueued the job rolls back', async () => {
    let id = '';
    await expect(
      inTx(t.server.ctx, async (trx) => {
        id = await enqueueJob(trx, 'test.never', {});
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await jobRow(t, id)).toBeUndefined();
  });

  it('retries a failing job with back-off until it succeeds', async () => {
    const seen: number[] = [];
    t.server.ctx.jobs.register('test.flaky', async (_p, job) => {
      seen.push(job.attempts);
      if (job.attempts < 3) throw new Error(`failure ${job.attempts}`);
    });
    const id = await inTx(t.server.ctx, (trx) => enqueueJob(trx, 'test.flaky', { n: 1 }));
    const done = await eventually(async () => {
      const row = await jobRow(t, id);
      return row?.status === 'done' ? row : undefined;
    });
    expect(seen).toEqual([1, 2, 3]);
    expect(done.attempts).toBe(3);
    expect(done.last_error).toBeNull();
  });

  it('marks a job failed, keeping its last error, after its last attempt', async () => {
    t.server.ctx.jobs.register('test.broken', async () => {
      throw new Error('remote refused');
    });
    const id = await inTx(t.server.ctx, (trx) => enqueueJob(trx, 'test.broken', {}, { maxAttempts: 2 }));
    const failed = await eventually(async () => {
      const row = await jobRow(t, id);
      return row?.status === 'failed' ? row : undefined;
    });
    expect(failed.attempts).toBe(2);
    expect(failed.last_error).toBe('remote refused');
  });

  it('takes over a job whose worker died (lease expired)', async () => {
    const ran: string[] = [];
    t.server.ctx.jobs.register('test.orphan', async (p) => {
      ran.push((p as { tag: string }).tag);
    });
    const id = await inTx(t.server.ctx, (trx) => enqueueJob(trx, 'test.orphan', { tag: 'orphan' }, { runAt: Date.now() + 3_600_000 }));
    // As a crashed process would leave it: claimed, lease already over.
    await t.server.ctx.db
      .updateTable('jobs')
      .set({ status: 'running', attempts: 1, locked_until: Date.now() - 1 })
      .where('id', '=', id)
      .execute();
    t.server.ctx.jobs.wake();
    await eventually(async () => (await jobRow(t, id))?.status === 'done');
    expect(ran).toEqual(['orphan']);
  });
});

describe.each(DIALECTS)('jobs across a restart on %s', (dialect) => {
  it('runs after a restart a job that was written while no worker ran', async () => {
    const first = await startTestServer({ dialect, keep: true, env: { WORKERS: '0' } });
    const id = await inTx(first.server.ctx, (trx) =>
      enqueueJob(trx, 'mail.send', { to: 'later@x.test', subject: 'Queued before restart', text: 'hello' }),
    );
    await first.close();
    const second = await startTestServer({ dialect, dataDir: first.dataDir, databaseUrl: first.databaseUrl, keep: true });
    try {
      const mail = await second.waitForMail((m) => m.subject === 'Queued before restart');
      expect(mail.to).toBe('later@x.test');
      expect((await jobRow(second, id))?.status).toBe('done');
    } finally {
      await second.close();
      await second.discard();
    }
  });
});
