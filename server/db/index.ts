import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { migrations } from './migrations/index.js';
import { FALLBACK_PAGES, startCheckpointer } from './sqlite-checkpoints.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Either the database or an open transaction: store functions accept both. */
export type Executor = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
  ping(): Promise<void>;
}

const INT8_OID = 20;

export function openDatabase(opts: {
  databaseUrl?: string | undefined;
  dataDir: string;
  onPoolError?: (err: Error) => void;
  onCheckpointError?: (err: Error) => void;
}): DatabaseHandle {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: 20,
      // Epoch-millisecond bigints fit in a double; return them as numbers on both dialects.
      types: {
        getTypeParser: (oid: number, format?: string) =>
          oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text'),
      },
    });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next query.
    pool.on('error', (err) => opts.onPoolError?.(err));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      close: () => db.destroy(),
      ping: async () => {
        await pool.query('select 1');
      },
    };
  }
  mkdirSync(opts.dataDir, { recursive: true });
  const path = join(opts.dataDir, 'commonplace.db');
  const file = new SQLite(path);
  file.pragma('journal_mode = WAL');
  file.pragma('synchronous = NORMAL');
  file.pragma('foreign_keys = ON');
  file.pragma('busy_timeout = 5000');
  // The default 2 MB page cache made fan-out writes (a row per recipient) read pages back from the OS.
  file.pragma('cache_size = -65536');
  // Checkpoints run in a worker (sqlite-checkpoints.ts); the log is cut back to this size after one.
  file.pragma(`wal_autocheckpoint = ${FALLBACK_PAGES}`);
  file.pragma(`journal_size_limit = ${64 * 2 ** 20}`);
  const checkpoints = startCheckpointer(path, { onError: opts.onCheckpointError });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(file) }) });
  return {
    db,
    dialect: 'sqlite',
    close: async () => {
      await checkpoints.stop();
      await db.destroy();
    },
    ping: async () => {
      file.prepare('select 1').get();
    },
  };
}

export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}

/** True when a write failed on a unique constraint, on either dialect. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string } | null;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * better-sqlite3 compiles a statement on every `prepare`, and Kysely prepares every query it runs:
 * on a busy server that was a tenth of the CPU. Compiled statements are kept by their SQL text
 * (bounded, least recently used out). Safe because Kysely runs one statement at a time on the one
 * connection and never leaves one half-read (it reads all rows, and nothing here streams).
 */
function withStatementCache(file: SQLite.Database, max = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      file.close();
    },
    prepare: (sql: string) => {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = file.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}
