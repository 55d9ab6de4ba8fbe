import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer, type Checkpointer } from '../server/db/sqlite-checkpoints.js';
import { until } from './support/realtime.js';

// SQLite only: the write-ahead log and its checkpoints are SQLite's (PostgreSQL checkpoints itself).
describe('background checkpoints of the SQLite log', () => {
  let dir = '';
  let checkpointer: Checkpointer | null = null;
  let file: SQLite.Database | null = null;
  afterEach(async () => {
    await checkpointer?.stop();
    file?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** A database whose own connection never checkpoints, holding about `mb` megabytes of rows in its log. */
  async function logHeavyDatabase(mb: number): Promise<string> {
    dir = await mkdtemp(join(tmpdir(), 'cp-checkpoints-'));
    const path = join(dir, 'test.db');
    file = new SQLite(path);
    file.pragma('journal_mode = WAL');
    file.pragma('wal_autocheckpoint = 0');
    file.exec('create table t (id integer primary key, body text not null)');
    const insert = file.prepare('insert into t (body) values (?)');
    const body = 'x'.repeat(1000);
    file.transaction(() => {
      for (let i = 0; i < mb * 1000; i++) insert.run(body);
    })();
    return path;
  }

  it('copies a grown log into the database file from a worker, and the rows stay readable', async () => {
    const path = await logHeavyDatabase(6);
    const before = (await stat(path)).size;
    expect((await stat(`${path}-wal`)).size).toBeGreaterThan(5 * 2 ** 20);
    checkpointer = startCheckpointer(path, { startBytes: 2 ** 20 });
    await until(async () => (await stat(path)).size > before + 5 * 2 ** 20, 'the database file to receive the log');
    expect(file!.prepare('select count(*) as n from t').get()).toEqual({ n: 6000 });
    // Rows written after the checkpoint are kept as well (the writer was never blocked).
    file!.prepare('insert into t (body) values (?)').run('after');
    expect(file!.prepare('select count(*) as n from t').get()).toEqual({ n: 6001 });
  });

  it('stops its worker, so a closing server leaves no thread behind', async () => {
    const path = await logHeavyDatabase(2);
    const before = (await stat(path)).size;
    checkpointer = startCheckpointer(path, { startBytes: 2 ** 10 });
    await until(async () => (await stat(path)).size > before, 'the checkpointer to copy the log');
    await checkpointer.stop();
    checkpointer = null;
    // The database stays usable by its own connection, which can now checkpoint alone.
    expect(file!.pragma('wal_checkpoint(TRUNCATE)')).toEqual([{ busy: 0, log: 0, checkpointed: 0 }]);
  });
});
