import { describe, expect, it } from 'vitest';
import { DIALECTS } from './support/databases.js';
import { signUpCompany } from './support/factories.js';
import { csv, uploaded, waitForImport } from './support/imports.js';
import { startTestServer } from './support/server.js';

describe.each(DIALECTS)('an import across a restart on %s', (dialect) => {
  it('the server stops mid-run; the next one continues from the last committed batch and creates nobody twice', async () => {
    const env = { IMPORT_BATCH_ROWS: '4' };
    const first = await startTestServer({ dialect, keep: true, env });
    let second: Awaited<ReturnType<typeof startTestServer>> | undefined;
    let firstClosed = false;
    try {
      const acme = await signUpCompany(first);
      const rows = [['Employee ID', 'Name', 'Manager']];
      for (let i = 1; i <= 1200; i++) rows.push([`R${i}`, `Resumed ${i}`, i === 1 ? '' : `R${Math.ceil((i - 1) / 3)}`]);
      const imp = await uploaded(acme.owner, csv(rows));
      const mapping = { columns: { employeeId: 'Employee ID', name: 'Name', manager: 'Manager' }, options: { match: 'employeeId' } };
      expect((await acme.owner.put(`/api/v1/admin/imports/${imp.id}/mapping`, mapping)).status).toBe(200);
      expect((await acme.owner.post(`/api/v1/admin/imports/${imp.id}/run`)).status).toBe(202);
      const partway = await waitForImport(acme.owner, imp.id, (i) => i.progress.done > 0);
      expect(partway.status).toBe('running');
      // Stopping waits for the job at work, which commits its batch and hands over to a job nobody runs.
      await first.close();
      firstClosed = true;
      second = await startTestServer({ dialect, dataDir: first.dataDir, databaseUrl: first.databaseUrl, keep: true, env });
      const owner = second.client(acme.slug);
      owner.cookie = acme.owner.cookie;
      owner.csrf = acme.owner.csrf;
      const stopped = await owner.get(`/api/v1/admin/imports/${imp.id}`);
      expect(stopped.body.progress.done).toBeLessThan(1200);
      const done = await waitForImport(owner, imp.id, (i) => i.status === 'finished');
      expect(done.counts).toMatchObject({ create: 1200, update: 0, unchanged: 0, error: 0 });
      const db = second.server.ctx.db;
      const people = await db.selectFrom('people').select(['employee_id', 'manager_id', 'id']).where('org_id', '=', acme.orgId).execute();
      expect(people.length).toBe(1201);
      const byEid = new Map(people.map((p) => [p.employee_id, p]));
      expect(byEid.get('R1200')?.manager_id).toBe(byEid.get('R400')?.id);
      const results = await db.selectFrom('import_rows').select('row_no').where('import_id', '=', imp.id).execute();
      expect(new Set(results.map((r) => r.row_no)).size).toBe(1200);
    } finally {
      if (!firstClosed) await first.close().catch(() => undefined);
      await second?.close();
      // The first server made the database and the data folder: it drops them.
      await first.discard();
    }
  });
});
