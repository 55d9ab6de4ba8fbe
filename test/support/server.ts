import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { buildServer, type Server } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { Client } from './client.js';
import { createPostgresDatabase, type TestDialect } from './databases.js';

export interface TestServer {
  server: Server;
  /** Drops the database and data folder of a server started with `keep`. */
  discard(): Promise<void>;
  port: number;
  dialect: TestDialect;
  dataDir: string;
  databaseUrl: string | undefined;
  /** A client on the bare base domain (sign-up, find your company). */
  root(): Client;
  /** A client on a company's host. */
  client(slug: string): Client;
  /** Mails written so far (no SMTP in tests), oldest first. */
  mails(): Promise<Mail[]>;
  /** Resolves with the first mail matching, polling the mail folder as the job worker writes it. */
  waitForMail(match: (m: Mail) => boolean, timeoutMs?: number): Promise<Mail>;
  close(): Promise<void>;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
  actionUrl?: string;
}

export interface StartOptions {
  dialect: TestDialect;
  /** Reuse a database (a second process on the same PostgreSQL); otherwise a fresh one is made. */
  databaseUrl?: string;
  redisUrl?: string;
  /** Reuse a data folder (SQLite file, mail, files), e.g. to restart a server on the same data. */
  dataDir?: string;
  /** Keep the database and data folder on close, for a restart in the same test. */
  keep?: boolean;
  env?: Record<string, string>;
}

/** A real server on a free port (port 0) with its own data folder and, on PostgreSQL, database. */
export async function startTestServer(opts: StartOptions): Promise<TestServer> {
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'cp-test-')));
  let databaseUrl = opts.databaseUrl;
  let drop: (() => Promise<void>) | undefined;
  if (opts.dialect === 'postgres' && !databaseUrl) {
    const created = await createPostgresDatabase();
    databaseUrl = created.url;
    drop = created.drop;
  }
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    BASE_DOMAIN: 'localhost:0',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    REDIS_URL: opts.redisUrl,
    LOG_LEVEL: 'warn',
    WORKERS: '1',
    ...opts.env,
  });
  const server = await buildServer(config, { logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'error' }) });
  const port = await server.listen();
  const mailDir = join(dataDir, 'mail');

  const mails = async (): Promise<Mail[]> => {
    const files = (await readdir(mailDir).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort();
    return Promise.all(files.map(async (f) => JSON.parse(await readFile(join(mailDir, f), 'utf8')) as Mail));
  };

  return {
    server,
    async discard() {
      await drop?.();
      await rm(dataDir, { recursive: true, force: true });
    },
    port,
    dialect: opts.dialect,
    dataDir,
    databaseUrl,
    root: () => new Client(port, `localhost:${port}`),
    client: (slug) => new Client(port, `${slug}.localhost:${port}`),
    mails,
    async waitForMail(match, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      // Mail is written by the background job worker; poll its output folder until it appears.
      for (;;) {
        const found = (await mails()).find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching mail within ${timeoutMs} ms; have ${JSON.stringify(await mails())}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      await server.close();
      if (opts.keep) return;
      await drop?.();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
