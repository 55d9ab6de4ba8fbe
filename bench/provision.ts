import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import pg from 'pg';
import { positive } from './lib/env.js';
import { runImportBench } from './provision-import.js';
import { runScimBench } from './provision-scim.js';

export const description = 'provision: 50,000 people from a CSV import and 50,000 through SCIM (8 clients), on SQLite and PostgreSQL';

/**
 * The provisioning benchmark, on each engine:
 * - import: a 50,000-row CSV uploaded, mapped and run as a job, until the job says finished;
 * - SCIM: 50,000 Users POSTed by 8 concurrent keep-alive clients, each answer a 201;
 * - baseline (same run, same engine): the same number of rows written straight into a bare
 *   table with five text columns and a unique index, in batches inside one transaction. It is
 *   what the engine alone costs; the ratio says how much the whole path (HTTP, validation,
 *   uniqueness checks, profile rows, search index, audit) adds on top.
 * `npm run bench -- provision [people] [clients]`; PROVISION_BENCH_PEOPLE / _CLIENTS too.
 */
const PG_URL = () => process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const BATCH = 500;

function row(i: number): string[] {
  return [`id-${i}`, `Person ${i} Bench`, `person${i}@bench.example`, `E${i}`, `Title ${i % 40}`];
}

async function bareSqlite(people: number): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'cp-bench-bare-'));
  const db = new Database(join(dir, 'bare.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('CREATE TABLE people (id TEXT PRIMARY KEY, name TEXT, email TEXT, employee_id TEXT, title TEXT)');
    db.exec('CREATE UNIQUE INDEX people_email ON people (email)');
    const insert = db.prepare('INSERT INTO people VALUES (?, ?, ?, ?, ?)');
    const started = performance.now();
    db.transaction(() => {
      for (let i = 1; i <= people; i++) insert.run(row(i));
    })();
    return (performance.now() - started) / 1000;
  } finally {
    db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function barePostgres(people: number): Promise<number> {
  const name = `cp_bench_bare_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: PG_URL() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL());
  url.pathname = `/${name}`;
  const db = new pg.Client({ connectionString: url.toString() });
  try {
    await db.connect();
    await db.query('CREATE TABLE people (id TEXT PRIMARY KEY, name TEXT, email TEXT, employee_id TEXT, title TEXT)');
    await db.query('CREATE UNIQUE INDEX people_email ON people (email)');
    const started = performance.now();
    await db.query('BEGIN');
    for (let from = 1; from <= people; from += BATCH) {
      const values: string[] = [];
      const placeholders: string[] = [];
      for (let i = from; i < Math.min(from + BATCH, people + 1); i++) {
        const base = values.length;
        values.push(...row(i));
        placeholders.push(`($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5})`);
      }
      await db.query(`INSERT INTO people VALUES ${placeholders.join(', ')}`, values);
    }
    await db.query('COMMIT');
    return (performance.now() - started) / 1000;
  } finally {
    await db.end().catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const figure = (label: string, people: number, seconds: number, bare: number) =>
  `  ${label.padEnd(36)} ${seconds.toFixed(1).padStart(6)} s  ${Math.round(people / seconds)
    .toLocaleString('en')
    .padStart(7)} people/s  ${(seconds / bare).toFixed(0).padStart(4)}× the bare write${seconds < 60 ? '' : '  (over the 60 s target)'}`;

export async function run(args: string[]): Promise<void> {
  const people = positive(args[0] ?? process.env.PROVISION_BENCH_PEOPLE, 50_000);
  const clients = positive(args[1] ?? process.env.PROVISION_BENCH_CLIENTS, 8);
  const count = people.toLocaleString('en');
  console.log(`provisioning ${count} people, each way, on each engine (target: under 60 s each)`);
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const bare = dialect === 'sqlite' ? await bareSqlite(people) : await barePostgres(people);
    const imported = await runImportBench({ dialect, people });
    const scim = await runScimBench({ dialect, people, clients });
    console.log(`${dialect}:`);
    console.log(`  ${'bare write of the same rows (baseline)'.padEnd(36)} ${bare.toFixed(2).padStart(6)} s`);
    console.log(figure('CSV import, as a job', people, imported.seconds, bare));
    console.log(figure(`SCIM, ${clients} clients`, people, scim.seconds, bare));
  }
}
