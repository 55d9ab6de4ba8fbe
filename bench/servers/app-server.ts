import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { buildServer } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';

/**
 * The real server for benchmarks, on port 0 with a throw-away data folder: SQLite by default;
 * with DATABASE_URL, a throw-away database made on that PostgreSQL server (or the given database
 * itself when the role may not create one). Prints {"port": N, "dialect": ...} once listening.
 */
const dataDir = await mkdtemp(join(tmpdir(), 'cp-bench-'));
let databaseUrl = process.env.DATABASE_URL || undefined;
let dropDatabase: (() => Promise<void>) | undefined;

if (databaseUrl) {
  const name = `cp_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const adminUrl = databaseUrl;
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      // The server's pool may still be saying goodbye: let it, rather than cut it off mid-way.
      for (let i = 0; i < 40; i++) {
        const open = await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if ((open.rows[0] as { n: number }).n === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } catch (err) {
    console.error(`could not create a throw-away database (${(err as Error).message}); using DATABASE_URL as it is`);
  } finally {
    await admin.end();
  }
}

const config = loadConfig({
  ...process.env,
  PORT: '0',
  HOST: '127.0.0.1',
  BASE_DOMAIN: 'localhost:0',
  DATA_DIR: dataDir,
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: 'warn',
});
const server = await buildServer(config, { logger: pino({ level: 'warn' }, process.stderr) });
const port = await server.listen();

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server
    .close()
    .then(() => dropDatabase?.())
    .then(() => rm(dataDir, { recursive: true, force: true }))
    .then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

console.log(JSON.stringify({ port, dialect: server.ctx.dialect }));
